import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ShinchokuError } from '../../core/errors.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { CSRF_FIELD, CSRF_HEADER, expectedToken, fromThisSite, sameToken, type CsrfRefusal } from './csrf.ts';

/** What a route lets a request that changes something carry. */
export interface WritePolicy {
  /** Bytes the body may have: refused from its declared length before reading, or counted while it streams. */
  readonly maxBytes: number;
  /** Whether a signed-out visitor may send it: only the login form. */
  readonly anonymous: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

function tooLarge(limit: number): ShinchokuError {
  return new ShinchokuError('file-too-large', `The request is larger than ${limit} bytes.`, null, [], {
    reason: 'body-too-large',
    limit,
  });
}

/** The length the client declares, or null when it streams without one (chunked) or declares nonsense. */
function declaredLength(c: Context): number | null {
  if (c.req.header('transfer-encoding') !== undefined) return null;
  const text = c.req.header('content-length');
  if (text === undefined || !/^\d{1,15}$/.test(text.trim())) return null;
  return Number(text.trim());
}

const isForm = (c: Context): boolean =>
  FORM_TYPES.has((c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '');

/**
 * Reads the form once, here, so a body that is not a form at all (a broken multipart) is refused as a
 * bad request; the route's own parseBody then gets Hono's cached copy.
 */
async function readFormToken(c: Context<AppEnv>): Promise<string | null> {
  if (!isForm(c)) return null;
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new ShinchokuError('usage', 'The form could not be read.', null, [], { reason: 'unreadable-form' });
  }
  const field = body[CSRF_FIELD];
  return typeof field === 'string' ? field : null;
}

/**
 * Every request that changes something passes here, the cheap checks first, so a stranger costs the
 * server almost nothing: the page it came from, then whether the route admits a signed-out visitor, then
 * the declared size, all before a byte of the body is read. The forgery token is then taken from the
 * `x-csrf-token` header, which needs no body, or from the form's field; the body is read under the
 * route's limit, counted as it streams when no length was declared.
 */
export function writeGuard(
  deps: AppDeps,
  options: { policy: (c: Context<AppEnv>) => WritePolicy; refuseForgery: CsrfRefusal },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (!fromThisSite(c)) return options.refuseForgery(c);
    const policy = options.policy(c);
    if (!policy.anonymous && !c.get('session')) {
      throw new ShinchokuError('unauthenticated', 'Sign in first.');
    }
    const expected = expectedToken(c, deps);
    if (expected === null) return options.refuseForgery(c);
    const declared = declaredLength(c);
    if (declared !== null && declared > policy.maxBytes) throw tooLarge(policy.maxBytes);
    const header = c.req.header(CSRF_HEADER);
    if (header !== undefined && !sameToken(expected, header)) return options.refuseForgery(c);
    const limited = bodyLimit({
      maxSize: policy.maxBytes,
      onError: () => {
        throw tooLarge(policy.maxBytes);
      },
    });
    return limited(c, async () => {
      const field = await readFormToken(c);
      if (header === undefined && (field === null || !sameToken(expected, field))) {
        c.res = await options.refuseForgery(c);
        return;
      }
      await next();
    });
  };
}
