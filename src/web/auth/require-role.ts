import type { Context, MiddlewareHandler } from 'hono';
import { ShinchokuError } from '../../core/errors.ts';
import type { Role } from '../../store/users.ts';
import type { AppEnv, SessionInfo } from '../env.ts';
import { staffPaths } from '../routes/staff/paths.ts';

/**
 * Lets a request through only for a signed-in user with one of the roles (any role when none is
 * given). A page asked for without a session redirects to the login and comes back after it; any other
 * request is answered 401, and a user of another role 403.
 */
export function requireRole(...roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        return c.redirect(staffPaths.login(url.pathname + url.search), 303);
      }
      throw new ShinchokuError('unauthenticated', 'Sign in first.');
    }
    if (roles.length > 0 && !roles.includes(session.user.role)) {
      throw new ShinchokuError('forbidden', `A ${session.user.role} user may not do this.`, null, [], {
        reason: 'role',
      });
    }
    await next();
  };
}

/** The session of a request that requireRole let through. */
export function signedIn(c: Context<AppEnv>): SessionInfo {
  const session = c.get('session');
  if (!session) throw new ShinchokuError('unauthenticated', 'Sign in first.');
  return session;
}
