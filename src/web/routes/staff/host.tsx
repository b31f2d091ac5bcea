import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Lang } from '../../../core/language.ts';
import type { HostAuditRow } from '../../../store/audit.ts';
import type { Municipality } from '../../../store/municipalities.ts';
import type { User } from '../../../store/users.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import {
  addHostedAdministrator,
  addMunicipality,
  hostedMunicipalities,
  hostedMunicipality,
  hostLog,
  nameHostedMunicipality,
  resetAdministratorPassword,
  setAdministratorDisabled,
  type AdministratorForm,
  type MunicipalityNameForm,
  type NewMunicipalityForm,
} from '../../commands/host.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm, type FormFields } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { auditLine } from '../../presenters/audit-entry.ts';
import { AccountFields } from './components/account-fields.tsx';
import { TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { AuditTable } from './audit.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

const EMPTY: NewMunicipalityForm = { code: '', name: '', login: '', displayName: '' };
const NO_ADMIN: AdministratorForm = { login: '', displayName: '' };

/** An id in an address: digits without a leading zero; anything else names nothing (404). */
const idParam = (text: string): number => (/^[1-9]\d{0,9}$/.test(text) ? Number(text) : Number.NaN);

const nameOf = (lang: Lang, m: { readonly name: string }): string =>
  m.name === '' ? t(lang).staffHost.unnamed : m.name;

/** The administrator's fields of a posted form, each under the one text-field rule. */
const administratorFields = (fields: FormFields): AdministratorForm => ({
  login: fields.text('login', 'login', { required: true }),
  displayName: fields.text('displayName', 'display-name', { required: true }),
});

/** The host's log in words, each entry with the municipality it concerns. */
function hostLogLines(lang: Lang, rows: readonly HostAuditRow[]) {
  const h = t(lang).staffHost;
  const context = { kpiNames: new Map<string, string>(), planTitle: null };
  return rows.map((row) => ({
    ...auditLine(lang, row, context),
    municipality:
      row.municipalityId === null
        ? h.hostAccount
        : `${nameOf(lang, { name: row.municipalityName ?? '' })}${row.municipalityCode ? `（${row.municipalityCode}）` : ''}`,
  }));
}

/** A municipality that needs the host: no name, or no active administrator to run it. */
const incomplete = (m: { readonly name: string; readonly activeAdministrators: number }): boolean =>
  m.name === '' || m.activeAdministrators === 0;

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
  const needing = municipalities.filter(incomplete).length;
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
          <Notice message={needing > 0 ? h.incomplete(needing) : null} />
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
          <p>
            <a href={staffPaths.host.audit}>{h.logNav}</a>
          </p>
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
            <AccountFields
              lang={lang}
              login={form.login}
              displayName={form.displayName}
              problems={problems}
              labels={{ login: h.login, displayName: h.displayName }}
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

/** What the municipality page's two forms hold: as posted when refused, else the stored name and nothing. */
interface MunicipalityState {
  readonly naming: MunicipalityNameForm | null;
  readonly admin: AdministratorForm;
  readonly problems: Problems;
}

const FRESH: MunicipalityState = { naming: null, admin: NO_ADMIN, problems: {} };

function AdministratorsTable(props: {
  lang: Lang;
  municipality: Municipality;
  administrators: readonly User[];
  csrfToken: string;
}) {
  const h = t(props.lang).staffHost;
  const { municipality } = props;
  if (props.administrators.length === 0) return <Notice message={h.noAdministrators} />;
  return (
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
          {props.administrators.map((admin) => (
            <tr>
              <th scope="row">{admin.login}</th>
              <td>{admin.displayName}</td>
              <td>{admin.disabled ? h.disabled : h.active}</td>
              <td>
                <form method="post" action={staffPaths.host.adminStatus(municipality.id, admin.id)}>
                  <CsrfField token={props.csrfToken} />
                  <input type="hidden" name="disabled" value={admin.disabled ? '0' : '1'} />
                  <button type="submit" class="secondary">
                    {admin.disabled ? h.enableButton(admin.login) : h.disableButton(admin.login)}
                  </button>
                </form>
                <form method="post" action={staffPaths.host.adminReset(municipality.id, admin.id)}>
                  <CsrfField token={props.csrfToken} />
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
  );
}

/**
 * One municipality for the host: its name and code (set here when the first start never named it), its
 * administrators to add, disable, enable or reset, and what hosts and commands did to it.
 */
async function municipalityPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: number,
  state: MunicipalityState,
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const h = t(lang).staffHost;
  const session = signedIn(c);
  const { municipality, administrators } = await hostedMunicipality(deps.store, session.user, id);
  const log = hostLogLines(lang, await hostLog(deps.store, session.user, municipality.id));
  const typed = state.naming ?? { code: '', name: municipality.name };
  const { problems } = state;
  const title = h.municipalityTitle(nameOf(lang, municipality));
  const adding = (
    <>
      <h2>{h.addAdminHeading}</h2>
      <p>{h.addAdminIntro}</p>
      <form method="post" action={staffPaths.host.admins(municipality.id)}>
        <CsrfField token={session.csrfToken} />
        <AccountFields
          lang={lang}
          login={state.admin.login}
          displayName={state.admin.displayName}
          problems={problems}
          labels={{ login: h.login, displayName: h.displayName }}
        />
        <button type="submit">{h.addAdminButton}</button>
      </form>
    </>
  );
  const naming = (
    <>
      <h2>{h.nameHeading}</h2>
      <p>{h.nameIntro}</p>
      <form method="post" action={staffPaths.host.name(municipality.id)}>
        <CsrfField token={session.csrfToken} />
        {municipality.code === null ? (
          <TextField
            lang={lang}
            id="code"
            label={h.code}
            help={h.codeHelpUnset}
            value={typed.code}
            autocomplete="off"
            problem={problems.code}
          />
        ) : (
          <p>{h.codeSet(municipality.code)}</p>
        )}
        <TextField
          lang={lang}
          id="name"
          label={h.name}
          value={typed.name}
          autocomplete="off"
          problem={problems.name}
          required
        />
        <button type="submit">{h.nameButton}</button>
      </form>
    </>
  );
  // A municipality without a name or a code (row 1 before its first start) is named first.
  const unfinished = municipality.name === '' || municipality.code === null;
  return staffPage(
    c,
    {
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
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{ code: h.code, name: h.name, login: h.login, displayName: h.displayName }}
          />
          <h2>{h.administratorsCaption}</h2>
          <AdministratorsTable
            lang={lang}
            municipality={municipality}
            administrators={administrators}
            csrfToken={session.csrfToken}
          />
          {unfinished ? (
            <>
              {naming}
              {adding}
            </>
          ) : (
            <>
              {adding}
              {naming}
            </>
          )}
          <h2>{h.municipalityLogHeading}</h2>
          <AuditTable lang={lang} rows={log} caption={h.municipalityLogHeading} />
          <p>
            <a href={staffPaths.host.audit}>{h.logLink}</a>
          </p>
          <p>
            <a href={staffPaths.host.home()}>{h.backToList}</a>
          </p>
        </>
      ),
    },
    status,
  );
}

/**
 * The host administrator's pages, under /staff/host: the municipalities, adding one with its first
 * administrator, each one's name and code and administrators, and the host's log. Only a host reaches
 * them, and a host reaches nothing else but their own account.
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
      ...administratorFields(fields),
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

  app.get('/host/audit', requireRole('host'), async (c) => {
    const lang = c.get('lang');
    const h = t(lang).staffHost;
    const rows = hostLogLines(lang, await hostLog(store, signedIn(c).user));
    return staffPage(c, {
      title: h.logTitle,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[{ href: staffPaths.host.home(), label: h.title }]}
            current={h.logTitle}
          />
          <h1>{h.logTitle}</h1>
          <p>{h.logIntro}</p>
          <AuditTable lang={lang} rows={rows} caption={h.logTitle} municipalityHeading={h.logMunicipality} />
        </>
      ),
    });
  });

  app.get('/host/municipalities/:id', requireRole('host'), (c) =>
    municipalityPage(c, deps, idParam(c.req.param('id')), FRESH),
  );

  app.post('/host/municipalities/:id/name', requireRole('host'), async (c) => {
    const id = idParam(c.req.param('id'));
    const fields = await readForm(c);
    const naming: MunicipalityNameForm = {
      code: fields.text('code', 'identifier'),
      name: fields.text('name', 'municipality', { required: true }),
    };
    const state = (problems: Problems): MunicipalityState => ({ naming, admin: NO_ADMIN, problems });
    if (!fields.ok) return municipalityPage(c, deps, id, state(fields.problems), 422);
    const outcome = await nameHostedMunicipality(store, signedIn(c).user, id, naming);
    if (!outcome.ok) return municipalityPage(c, deps, id, state(outcome.problems), 422);
    const done = outcome.value.changes === 0 ? 'municipality-unchanged' : 'municipality-named';
    return c.redirect(staffPaths.host.municipality(id, done), 303);
  });

  app.post('/host/municipalities/:id/admins', requireRole('host'), async (c) => {
    const id = idParam(c.req.param('id'));
    const fields = await readForm(c);
    const admin = administratorFields(fields);
    const state = (problems: Problems): MunicipalityState => ({ naming: null, admin, problems });
    if (!fields.ok) return municipalityPage(c, deps, id, state(fields.problems), 422);
    const outcome = await addHostedAdministrator(store, signedIn(c).user, id, admin);
    if (!outcome.ok) return municipalityPage(c, deps, id, state(outcome.problems), 422);
    const h = t(c.get('lang')).staffHost;
    const lang = c.get('lang');
    const { municipality } = outcome.value;
    return oneTimePasswordPage(c, {
      title: h.addedAdminTitle(outcome.value.admin.login, nameOf(lang, municipality)),
      label: h.createdAdmin(outcome.value.admin.login),
      password: outcome.value.oneTimePassword,
      back: staffPaths.host.municipality(municipality.id),
      backLabel: h.openLink(nameOf(lang, municipality)),
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
