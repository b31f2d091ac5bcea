import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Lang } from '../../../render/messages.ts';
import type { Municipality } from '../../../store/municipalities.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import {
  addMunicipality,
  hostedMunicipalities,
  hostedMunicipality,
  resetAdministratorPassword,
  setAdministratorDisabled,
  type NewMunicipalityForm,
} from '../../commands/host.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

const EMPTY: NewMunicipalityForm = { code: '', name: '', login: '', displayName: '' };

/** An id in an address: digits without a leading zero; anything else names nothing (404). */
const idParam = (text: string): number => (/^[1-9]\d{0,9}$/.test(text) ? Number(text) : Number.NaN);

const nameOf = (lang: Lang, m: Municipality): string => (m.name === '' ? t(lang).staffHost.unnamed : m.name);

async function hostHome(
  c: Context<AppEnv>,
  deps: AppDeps,
  state: { form: NewMunicipalityForm; problems: Problems },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const h = t(lang).staffHost;
  const session = signedIn(c);
  const municipalities = await hostedMunicipalities(deps.store, session.user);
  const { form, problems } = state;
  return staffPage(
    c,
    {
      title: h.title,
      children: (
        <>
          <h1>{h.title}</h1>
          <p class="lead">{h.intro}</p>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{ code: h.code, name: h.name, login: h.login, displayName: h.displayName }}
          />
          <div class="table-scroll">
            <table>
              <caption>{h.listCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{h.columns.name}</th>
                  <th scope="col">{h.columns.code}</th>
                  <th scope="col">{h.columns.prefecture}</th>
                  <th scope="col">{h.columns.administrators}</th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <tr>
                    <th scope="row">
                      <a href={staffPaths.host.municipality(m.id)}>{nameOf(lang, m)}</a>
                    </th>
                    <td>{m.code ?? h.noCode}</td>
                    <td>{m.prefecture ? (lang === 'ja' ? m.prefecture.ja : m.prefecture.en) : ''}</td>
                    <td>{m.administrators}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{h.createHeading}</h2>
          <p>{h.createIntro}</p>
          <form method="post" action={staffPaths.host.municipalities}>
            <CsrfField token={session.csrfToken} />
            <TextField
              lang={lang}
              id="code"
              label={h.code}
              help={h.codeHelp}
              value={form.code}
              autocomplete="off"
              problem={problems.code}
              required
            />
            <TextField
              lang={lang}
              id="name"
              label={h.name}
              value={form.name}
              autocomplete="off"
              problem={problems.name}
              required
            />
            <TextField
              lang={lang}
              id="login"
              label={h.login}
              value={form.login}
              autocomplete="off"
              problem={problems.login}
              required
            />
            <TextField
              lang={lang}
              id="displayName"
              label={h.displayName}
              value={form.displayName}
              autocomplete="off"
              problem={problems.displayName}
              required
            />
            <button type="submit">{h.createButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** A one-time password, on the answer that made it and nowhere else (staffPage sends no-store). */
function oneTimePasswordPage(
  c: Context<AppEnv>,
  props: { title: string; label: string; password: string; back: string; backLabel: string },
) {
  const a = t(c.get('lang')).staffAccount;
  return staffPage(c, {
    title: props.title,
    children: (
      <>
        <h1>{props.title}</h1>
        <dl class="facts">
          <dt>{props.label}</dt>
          <dd>
            <code class="one-time-password">{props.password}</code>
          </dd>
        </dl>
        <p>{a.resetWarning}</p>
        <p>
          <a href={props.back}>{props.backLabel}</a>
        </p>
      </>
    ),
  });
}

/**
 * The host administrator's pages, under /staff/host: the municipalities, adding one with its first
 * administrator, and each one's administrators to disable, enable or reset. Only a host reaches them,
 * and a host reaches nothing else but their own account.
 */
export function hostRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.get('/host', requireRole('host'), (c) => hostHome(c, deps, { form: EMPTY, problems: {} }));

  app.post('/host/municipalities', requireRole('host'), async (c) => {
    const fields = await readForm(c);
    const form: NewMunicipalityForm = {
      code: fields.text('code', 'identifier', { required: true }),
      name: fields.text('name', 'municipality', { required: true }),
      login: fields.text('login', 'login', { required: true }),
      displayName: fields.text('displayName', 'display-name', { required: true }),
    };
    if (!fields.ok) return hostHome(c, deps, { form, problems: fields.problems }, 422);
    const outcome = await addMunicipality(store, signedIn(c).user, form);
    if (!outcome.ok) return hostHome(c, deps, { form, problems: outcome.problems }, 422);
    const h = t(c.get('lang')).staffHost;
    const { municipality, admin, oneTimePassword } = outcome.value;
    return oneTimePasswordPage(c, {
      title: h.createdTitle(municipality.name),
      label: h.createdAdmin(admin.login),
      password: oneTimePassword,
      back: staffPaths.host.municipality(municipality.id),
      backLabel: h.openLink(municipality.name),
    });
  });

  app.get('/host/municipalities/:id', requireRole('host'), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const h = m.staffHost;
    const session = signedIn(c);
    const { municipality, administrators } = await hostedMunicipality(
      store,
      session.user,
      idParam(c.req.param('id')),
    );
    const title = h.municipalityTitle(nameOf(lang, municipality));
    return staffPage(c, {
      title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[{ href: staffPaths.host.home(), label: h.title }]}
            current={title}
          />
          <h1>{title}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          {administrators.length === 0 ? (
            <p>{h.noAdministrators}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{h.administratorsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{h.columnsAdmin.login}</th>
                    <th scope="col">{h.columnsAdmin.name}</th>
                    <th scope="col">{h.columnsAdmin.status}</th>
                    <th scope="col">{h.columnsAdmin.action}</th>
                  </tr>
                </thead>
                <tbody>
                  {administrators.map((admin) => (
                    <tr>
                      <th scope="row">{admin.login}</th>
                      <td>{admin.displayName}</td>
                      <td>{admin.disabled ? h.disabled : h.active}</td>
                      <td>
                        <form method="post" action={staffPaths.host.adminStatus(municipality.id, admin.id)}>
                          <CsrfField token={session.csrfToken} />
                          <input type="hidden" name="disabled" value={admin.disabled ? '0' : '1'} />
                          <button type="submit" class="secondary">
                            {admin.disabled ? h.enableButton(admin.login) : h.disableButton(admin.login)}
                          </button>
                        </form>
                        <form method="post" action={staffPaths.host.adminReset(municipality.id, admin.id)}>
                          <CsrfField token={session.csrfToken} />
                          <button type="submit" class="secondary">
                            {h.resetButton(admin.login)}
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a href={staffPaths.host.home()}>{h.backToList}</a>
          </p>
        </>
      ),
    });
  });

  app.post('/host/municipalities/:id/admins/:user/status', requireRole('host'), async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await readForm(c);
    await setAdministratorDisabled(
      store,
      signedIn(c).user,
      id,
      idParam(c.req.param('user')),
      form.raw('disabled') === '1',
    );
    return c.redirect(staffPaths.host.municipality(id, 'user-changed'), 303);
  });

  app.post('/host/municipalities/:id/admins/:user/password-reset', requireRole('host'), async (c) => {
    const id = idParam(c.req.param('id'));
    const { user, oneTimePassword } = await resetAdministratorPassword(
      store,
      signedIn(c).user,
      id,
      idParam(c.req.param('user')),
    );
    const a = t(c.get('lang')).staffAccount;
    const h = t(c.get('lang')).staffHost;
    return oneTimePasswordPage(c, {
      title: a.resetTitle(user.login),
      label: a.resetShown,
      password: oneTimePassword,
      back: staffPaths.host.municipality(id),
      backLabel: h.backToList,
    });
  });

  return app;
}
