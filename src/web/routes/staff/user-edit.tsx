import { municipalityOf } from '../../commands/access.ts';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ShinchokuError } from '../../../core/errors.ts';
import { listDepartments } from '../../../store/departments.ts';
import type { User } from '../../../store/users.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { editProfile, resetPassword, userToAdminister, type ProfileForm } from '../../commands/user-admin.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { TextField } from './components/fields.tsx';
import { RoleFields } from './components/role-fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

const formOf = (user: User): ProfileForm => ({
  displayName: user.displayName,
  role: user.role,
  department: user.departmentId === null ? '' : String(user.departmentId),
});

const idParam = (text: string): number => (/^[1-9]\d{0,9}$/.test(text) ? Number(text) : Number.NaN);

/** One user, for the office: name, role and department; the one-time password; access. */
async function userPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  user: User,
  state: { form: ProfileForm; problems: Problems; notice: string | null },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const a = m.staffAccount;
  const u = m.staffUsers;
  const session = signedIn(c);
  const departments = await listDepartments(deps.store.db, municipalityOf(session.user));
  const { form, problems } = state;
  const self = user.id === session.user.id;
  return staffPage(
    c,
    {
      title: a.editTitle(user.login),
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.users(), label: u.title },
            ]}
            current={user.login}
          />
          <h1>{a.editTitle(user.login)}</h1>
          <Notice message={state.notice ?? doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{ displayName: u.displayName, role: u.role, department: u.department }}
          />
          <h2>{a.profileHeading}</h2>
          <form method="post" action={staffPaths.user(user.id)}>
            <CsrfField token={session.csrfToken} />
            <TextField
              lang={lang}
              id="displayName"
              label={u.displayName}
              value={form.displayName}
              autocomplete="off"
              problem={problems.displayName}
              required
            />
            <RoleFields
              lang={lang}
              role={form.role}
              department={form.department}
              departments={departments}
              problems={problems}
            />
            <button type="submit">{a.saveButton}</button>
          </form>
          <h2>{t(lang).staffMail.contactHeading}</h2>
          <p>
            <a href={self ? staffPaths.contact() : staffPaths.userContact(user.id)}>
              {t(lang).staffMail.contactTitle}
            </a>
          </p>
          {self ? null : (
            <>
              <h2>{a.resetHeading}</h2>
              <form method="post" action={staffPaths.userReset(user.id)}>
                <p>{a.resetIntro}</p>
                <CsrfField token={session.csrfToken} />
                <button type="submit" class="secondary">
                  {a.resetButton(user.login)}
                </button>
              </form>
              <h2>{a.statusHeading}</h2>
              <form method="post" action={staffPaths.userStatus(user.id)}>
                <p>{user.disabled ? a.statusDisabled : a.statusActive}</p>
                <CsrfField token={session.csrfToken} />
                <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
                <button type="submit" class="secondary">
                  {user.disabled ? u.enableButton(user.login) : u.disableButton(user.login)}
                </button>
              </form>
            </>
          )}
          <p>
            <a href={staffPaths.users()}>{a.backToUsers}</a>
          </p>
        </>
      ),
    },
    status,
  );
}

/** The office's page for one account; a reset's one-time password is shown on its answer and nowhere else. */
export function userEditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/users/:id', requireRole('admin'), async (c) => {
    const user = await userToAdminister(deps.store, signedIn(c).user, idParam(c.req.param('id')));
    return userPage(c, deps, user, { form: formOf(user), problems: {}, notice: null });
  });
  app.post('/users/:id', requireRole('admin'), async (c) => {
    const actor = signedIn(c).user;
    const user = await userToAdminister(deps.store, actor, idParam(c.req.param('id')));
    const fields = await readForm(c);
    const form: ProfileForm = {
      displayName: fields.text('displayName', 'display-name', { required: true }),
      role: fields.raw('role'),
      department: fields.raw('department'),
    };
    if (!fields.ok) return userPage(c, deps, user, { form, problems: fields.problems, notice: null }, 422);
    const outcome = await editProfile(deps.store, actor, user.id, form);
    if (!outcome.ok) return userPage(c, deps, user, { form, problems: outcome.problems, notice: null }, 422);
    const saved = outcome.value;
    const notice = t(c.get('lang')).staffAccount.saved(saved.changes);
    return userPage(c, deps, saved.user, { form: formOf(saved.user), problems: {}, notice });
  });
  app.post('/users/:id/password-reset', requireRole('admin'), async (c) => {
    const actor = signedIn(c).user;
    const id = idParam(c.req.param('id'));
    if (id === actor.id) {
      throw new ShinchokuError('invalid', 'Change your own password on the account page.', null, [], {
        reason: 'self-reset',
      });
    }
    const { user, oneTimePassword } = await resetPassword(deps.store, actor, id);
    const lang = c.get('lang');
    const a = t(lang).staffAccount;
    // The answer carries a password: no-store (set by staffPage) keeps it out of every cache and history.
    return staffPage(c, {
      title: a.resetTitle(user.login),
      children: (
        <>
          <h1>{a.resetTitle(user.login)}</h1>
          <dl class="facts">
            <dt>{a.resetShown}</dt>
            <dd>
              <code class="one-time-password">{oneTimePassword}</code>
            </dd>
          </dl>
          <p>{a.resetWarning}</p>
          <p>
            <a href={staffPaths.user(user.id)}>{a.editLink(user.login)}</a>
          </p>
          <p>
            <a href={staffPaths.users()}>{a.backToUsers}</a>
          </p>
        </>
      ),
    });
  });
  return app;
}
