import type { Context } from 'hono';
import type { MailOutcome } from '../../commands/notify.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';

/**
 * An action whose notice mails failed still redirects to its done page; the address carries `mail=failed`
 * so the page can say so. Only that one word is read back, so the query cannot put text on the page.
 */
export const withMail = (path: string, mail: MailOutcome): string =>
  mail === 'failed' ? `${path}${path.includes('?') ? '&' : '?'}mail=failed` : path;

/** The done message, followed by the mail failure when the redirect reported one. */
export function withMailNotice(c: Context<AppEnv>, done: string | null): string | null {
  if (c.req.query('mail') !== 'failed') return done;
  const failed = t(c.get('lang')).staffMail.mailFailedAfterAction;
  return done ? `${done} ${failed}` : failed;
}
