import { municipalityOf } from '../../commands/access.ts';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listDepartments } from '../../../store/departments.ts';
import { listUsers } from '../../../store/users.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { addUser, setAccountDisabled, type NewUserForm } from '../../commands/accounts.ts';
import type { Problems } from '../../commands/form-problem.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { AccountFields } from './components/account-fields.tsx';
import { TextField } from './components/fields.tsx';
import { RoleFields } from './components/role-fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

const EMPTY: NewUserForm = { login: '', displayName: '', password: '', role: 'department', department: '' };

async function usersPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  state: { form: NewUserForm; problems: Problems; notices: readonly string[] },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const u = m.staffUsers;
  const session = signedIn(c);
  const users = await listUsers(deps.store.db, municipalityOf(session.user));
  const departments = await listDepartments(deps.store.db, municipalityOf(session.user));
  const { form, problems } = state;
  return staffPage(
    c,
    {
      title: u.title,
      children: (
        <>
          <h1>{u.title}</h1>
          {state.notices.map((notice) => (
            <Notice message={notice} />
          ))}
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{
              login: u.login,
              displayName: u.displayName,
              password: u.password,
              role: u.role,
              department: u.department,
            }}
          />
          <div class="table-scroll">
            <table>
              <caption>{u.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{u.columns.login}</th>
                  <th scope="col">{u.columns.name}</th>
                  <th scope="col">{u.columns.role}</th>
                  <th scope="col">{u.columns.department}</th>
                  <th scope="col">{u.columns.status}</th>
                  <th scope="col">{u.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr>
                    <th scope="row">{user.login}</th>
                    <td>{user.displayName}</td>
                    <td>{m.staff.roles[user.role]}</td>
                    <td>{user.departmentName ?? ''}</td>
                    <td>{user.disabled ? u.disabled : u.active}</td>
                    <td>
                      <p>
                        <a href={staffPaths.user(user.id)}>{t(lang).staffAccount.editLink(user.login)}</a>
                      </p>
                      {user.id === session.user.id ? null : (
                        <form method="post" action={staffPaths.userStatus(user.id)}>
                          <CsrfField token={session.csrfToken} />
                          <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
                          <button type="submit" class="secondary">
                            {user.disabled ? u.enableButton(user.login) : u.disableButton(user.login)}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{u.createHeading}</h2>
          <form method="post" action={staffPaths.users()}>
            <CsrfField token={session.csrfToken} />
            <AccountFields
              lang={lang}
              login={form.login}
              displayName={form.displayName}
              problems={problems}
            />
            <TextField
              lang={lang}
              id="password"
              label={u.password}
              help={u.passwordHelp}
              value=""
              type="password"
              autocomplete="new-password"
              problem={problems.password}
            />
            <RoleFields
              lang={lang}
              role={form.role}
              department={form.department}
              departments={departments}
              problems={problems}
            />
            <button type="submit">{u.createButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** Staff accounts: the office adds them and disables them; nobody deletes one, so the audit keeps its names. */
export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/users', requireRole('admin'), (c) =>
    usersPage(c, deps, { form: EMPTY, problems: {}, notices: [] }),
  );
  app.post('/users', requireRole('admin'), async (c) => {
    const fields = await readForm(c);
    const form: NewUserForm = {
      login: fields.text('login', 'login', { required: true }),
      displayName: fields.text('displayName', 'display-name', { required: true }),
      password: fields.raw('password'),
      role: fields.raw('role'),
      department: fields.raw('department'),
    };
    if (!fields.ok) {
      const typed = { ...form, password: '' };
      return usersPage(c, deps, { form: typed, problems: fields.problems, notices: [] }, 422);
    }
    const outcome = await addUser(deps.store, signedIn(c).user, form);
    if (!outcome.ok) return usersPage(c, deps, { form, problems: outcome.problems, notices: [] }, 422);
    const u = t(c.get('lang')).staffUsers;
    const { user, generatedPassword } = outcome.value;
    const notices = [u.created(user.login), ...(generatedPassword ? [u.generated(generatedPassword)] : [])];
    return usersPage(c, deps, { form: EMPTY, problems: {}, notices });
  });
  app.post('/users/:id/status', requireRole('admin'), async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) return c.notFound();
    const form = await readForm(c);
    await setAccountDisabled(deps.store, signedIn(c).user, id, form.raw('disabled') === '1');
    return c.redirect(staffPaths.users('user-changed'), 303);
  });
  return app;
}
