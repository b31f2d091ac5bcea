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
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{w.failuresHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w.failureColumns.at}</th>
                    <th scope="col">{w.failureColumns.kind}</th>
                    <th scope="col">{w.failureColumns.recipient}</th>
                    <th scope="col">{w.failureColumns.error}</th>
                  </tr>
                </thead>
                <tbody>
                  {status.failures.slice(0, FAILURES_SHOWN).map((f) => (
                    <tr>
                      <td>{m.staff.time(f.at)}</td>
                      <td>{w.mailKinds[f.kind]}</td>
                      <td>{f.recipient}</td>
                      <td class="mail-failed">
                        {w.failureReasons[failureReason(f.error)]}
                        {failureReason(f.error) === 'rejected' || failureReason(f.error) === 'other' ? (
                          <>
                            <br />
                            {w.serverSaid(serverAnswer(f.error))}
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ),
    });
  });
  return app;
}
