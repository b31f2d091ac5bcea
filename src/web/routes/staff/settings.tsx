import { Hono } from 'hono';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { FAILURES_SHOWN, failureReason, mailStatus, serverAnswer } from '../../commands/mail-status.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { staffPage } from './page.tsx';

/**
 * The office's settings and status page: whether mail goes out (and through which server), the mails
 * that failed with the server's answer, and how many users cannot be reached by mail.
 */
export function settingsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/settings', requireRole('admin'), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const w = m.staffMail;
    const status = await mailStatus(deps.store.db, signedIn(c).user, deps.mailer ?? null);
    return staffPage(c, {
      title: w.settingsTitle,
      children: (
        <>
          <h1>{w.settingsTitle}</h1>
          <h2>{w.mailHeading}</h2>
          {status.server === null ? (
            <div class="notice" role="status">
              <p>{w.mailOff}</p>
            </div>
          ) : (
            <p>{w.mailOn(status.server, status.from ?? '')}</p>
          )}
          <p>{w.usersWithoutAddress(status.usersWithoutAddress)}</p>
          {status.server === null ? null : <p>{w.sentCount(status.recentSent)}</p>}
          <h3>{w.failuresHeading}</h3>
          {status.failures.length === 0 ? (
            <p>{w.noFailures}</p>
          ) : (
            <ul class="notice-list">
              {status.failures.slice(0, FAILURES_SHOWN).map((f) => {
                const reason = failureReason(f.error);
                return (
                  <li>
                    <p>
                      <strong>{w.mailKinds[f.kind]}</strong>
                      {` · ${m.labelled(w.failureColumns.recipient)}${f.recipient} · `}
                      <time datetime={f.at.toISOString()}>{m.staff.time(f.at)}</time>
                    </p>
                    <p class="mail-failed">{w.failureReasons[reason]}</p>
                    {reason === 'rejected' || reason === 'other' ? (
                      <p class="notice-note">{w.serverSaid(serverAnswer(f.error))}</p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ),
    });
  });
  return app;
}
