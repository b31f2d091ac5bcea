import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Lang } from '../../../core/language.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import type { AppEnv, SessionInfo } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { renderPage, type NavItem } from '../../layout.tsx';
import { staffPaths } from './paths.ts';

function staffNav(lang: Lang, session: SessionInfo | null): NavItem[] {
  const m = t(lang).staff;
  const role = session?.user.role;
  // A host administrator's menu: the municipalities and their own account, nothing of any municipality's.
  if (role === 'host') {
    return [
      { href: staffPaths.host.home(), label: t(lang).staffHost.nav },
      { href: staffPaths.host.audit, label: t(lang).staffHost.logNav },
      { href: staffPaths.password(), label: t(lang).staffAccount.nav },
      { href: '/', label: m.navPublic },
    ];
  }
  const items: NavItem[] = [{ href: staffPaths.home, label: m.navHome }];
  if (role === 'admin' || role === 'committee')
    items.push({ href: staffPaths.boardHome, label: t(lang).board.nav });
  if (session?.user.role === 'admin') {
    items.push(
      { href: staffPaths.importPlan, label: m.navImport },
      { href: staffPaths.collect, label: t(lang).staffCollect.nav },
      { href: staffPaths.users(), label: m.navUsers },
      { href: staffPaths.departments, label: m.navDepartments },
      { href: staffPaths.accountAudit, label: m.navAccountAudit },
      { href: staffPaths.settings, label: t(lang).staffMail.navSettings },
    );
  }
  if (session) {
    items.push(
      { href: staffPaths.contact(), label: t(lang).staffMail.navContact },
      { href: staffPaths.password(), label: t(lang).staffAccount.nav },
    );
  }
  items.push({ href: '/', label: m.navPublic });
  return items;
}

/** Who is signed in, and the sign-out button: a form, so signing out needs no script and carries the token. */
function SignedIn(props: { lang: Lang; session: SessionInfo; unread: number }) {
  const m = t(props.lang);
  const { user } = props.session;
  return (
    <form method="post" action={staffPaths.logout} class="signed-in">
      <span>{m.staff.signedInAs(user.displayName, m.staff.roles[user.role])}</span>{' '}
      {user.role === 'host' ? null : (
        <a href={staffPaths.notices} class={props.unread > 0 ? 'notices-link unread' : 'notices-link'}>
          {m.staffMail.navNotices(props.unread)}
        </a>
      )}{' '}
      <CsrfField token={props.session.csrfToken} />
      <button type="submit" class="secondary">
        {m.staffAuth.logoutButton}
      </button>
    </form>
  );
}

export interface StaffPageProps {
  readonly title: string;
  /** What the page belongs to, such as the plan's title. */
  readonly context?: string | null;
  /** Reload after so many seconds: a running job's page. */
  readonly refreshSeconds?: number | null;
  readonly children?: Child;
}

/** A staff page in the shared shell, with the staff menu; never cached, since it shows unpublished figures. */
export function staffPage(
  c: Context<AppEnv>,
  props: StaffPageProps,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const lang = c.get('lang');
  const session = c.get('session');
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    {
      title: props.title,
      context: props.context ?? null,
      nav: staffNav(lang, session),
      headerTools: session ? (
        <SignedIn lang={lang} session={session} unread={c.get('unreadNotices') ?? 0} />
      ) : null,
      // A host's pages show no figures at all: their footer says what they do show.
      footerNote: session?.user.role === 'host' ? t(lang).staffHost.footer : t(lang).staff.footer,
      refreshSeconds: props.refreshSeconds ?? null,
      children: props.children,
    },
    status,
  );
}
