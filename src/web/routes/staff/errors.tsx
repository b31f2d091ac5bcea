import type { Context, ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ShinchokuError } from '../../../core/errors.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

function reasonText(c: Context<AppEnv>, error: ShinchokuError): string {
  const m = t(c.get('lang'));
  switch (error.context.reason) {
    case 'other-department':
      return m.staffAuth.otherDepartment;
    case 'review-locked':
      return m.staffErrors.reviewLocked;
    case 'review-moved':
      return m.staffErrors.reviewMoved;
    case 'self':
      return m.staffUsers.notSelf;
    case 'self-reset':
      return m.staffAccount.notSelfReset;
    case 'last-admin':
      return m.staff.problem({ kind: 'last-admin' });
    case 'no-workbook':
      return m.staffErrors.noWorkbook;
    case 'preview-expired':
      return m.staffErrors.previewExpired;
    case 'body-too-large':
      return m.staffErrors.bodyTooLarge(Number(error.context.limit));
    default:
      return m.staffErrors.generic[error.id] ?? error.message;
  }
}

/**
 * Refusals on staff pages, worded in the reader's language from the error's id and reason (the
 * messages the commands raise are for logs and the CLI). Anything that is not a ShinchokuError goes on
 * to the app's handler, which hides the server's insides.
 */
export const staffOnError: ErrorHandler<AppEnv> = (error, c) => {
  if (!(error instanceof ShinchokuError)) throw error;
  const m = t(c.get('lang'));
  const status = error.httpStatus as ContentfulStatusCode;
  if (error.id === 'busy') c.header('Retry-After', '2');
  return staffPage(
    c,
    {
      title: m.errorTitle(status),
      children: (
        <div class="error-page">
          <h1>{m.errorTitle(status)}</h1>
          <p class="error-message">{reasonText(c, error)}</p>
          <p>
            {error.id === 'unauthenticated' ? (
              <a href={staffPaths.login()}>{m.staffAuth.loginTitle}</a>
            ) : (
              <a href={staffPaths.home}>{m.staffErrors.backToStaff}</a>
            )}
          </p>
        </div>
      ),
    },
    status,
  );
};

/** The answer to a form without a valid token or from another site. */
export function csrfRefused(c: Context<AppEnv>): Promise<Response> {
  const m = t(c.get('lang')).staffAuth;
  return staffPage(
    c,
    {
      title: m.csrfTitle,
      children: (
        <div class="error-page">
          <h1>{m.csrfTitle}</h1>
          <p class="error-message">{m.csrfMessage}</p>
          <p>
            <a href={staffPaths.home}>{t(c.get('lang')).staffErrors.backToStaff}</a>
          </p>
        </div>
      ),
    },
    403,
  );
}
