import { Hono } from 'hono';
import type { Lang } from '../../../core/language.ts';
import { markNoticesRead, noticesOf, type Notice } from '../../../store/notices.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { Notice as NoticeBox } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

function NoticeItem(props: { lang: Lang; notice: Notice; csrf: string }) {
  const m = t(props.lang);
  const w = m.staffMail;
  const n = props.notice;
  const kpi = n.kpiName ?? w.removedKpi;
  return (
    <li class={n.read ? undefined : 'unread'}>
      <p>
        {n.read ? null : <strong>{`${w.unread} `}</strong>}
        <a href={staffPaths.kpi(n.planSlug, n.fiscalYear, n.kpiKey)}>
          {w.noticeText(n.kind, n.actor ?? w.someone, kpi, n.fiscalYear)}
        </a>
      </p>
      <p class="lead">
        {n.planTitle} · <time datetime={n.createdAt.toISOString()}>{m.staff.time(n.createdAt)}</time>
      </p>
      {n.note ? (
        <p class="notice-note">
          {m.labelled(w.noteLabel[n.kind])}
          {n.note}
        </p>
      ) : null}
      {n.mail ? <p class={n.mail === 'failed' ? 'mail-failed' : undefined}>{w.mailState[n.mail]}</p> : null}
      {n.read ? null : (
        <form method="post" action={staffPaths.noticesRead}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="id" value={String(n.id)} />
          <button type="submit" class="secondary">
            {w.markRead}
            <span class="visually-hidden">{`: ${w.noticeText(n.kind, n.actor ?? w.someone, kpi, n.fiscalYear)}`}</span>
          </button>
        </form>
      )}
    </li>
  );
}

/** The signed-in user's notices: what happened to the KPIs they report or review, newest first. */
export function noticeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/notices', requireRole(), async (c) => {
    const lang = c.get('lang');
    const w = t(lang).staffMail;
    const session = signedIn(c);
    const notices = await noticesOf(deps.store.db, session.user.id);
    const read = c.req.query('read');
    const marked = read !== undefined && /^\d{1,6}$/.test(read) ? w.markedRead(Number(read)) : null;
    return staffPage(c, {
      title: w.noticesTitle,
      children: (
        <>
          <h1>{w.noticesTitle}</h1>
          <NoticeBox message={marked} />
          <p class="lead">{w.noticesIntro}</p>
          {notices.length === 0 ? (
            <p>{w.noticesEmpty}</p>
          ) : (
            <>
              {notices.some((n) => !n.read) ? (
                <form method="post" action={staffPaths.noticesRead}>
                  <CsrfField token={session.csrfToken} />
                  <input type="hidden" name="id" value="all" />
                  <button type="submit">{w.markAllRead}</button>
                </form>
              ) : null}
              <ul class="notice-list">
                {notices.map((n) => (
                  <NoticeItem lang={lang} notice={n} csrf={session.csrfToken} />
                ))}
              </ul>
            </>
          )}
        </>
      ),
    });
  });

  /** Marks one notice, or all, read; another user's notice id simply matches nothing. */
  app.post('/notices/read', requireRole(), async (c) => {
    const form = await readForm(c);
    const raw = form.raw('id');
    const id = raw === 'all' ? null : /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
    const n = id === -1 ? 0 : await markNoticesRead(deps.store.db, signedIn(c).user.id, id, deps.clock.now());
    return c.redirect(`${staffPaths.notices}?read=${n}`, 303);
  });

  return app;
}
