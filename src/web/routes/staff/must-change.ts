import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.ts';
import { staffPaths } from './paths.ts';

/**
 * While a user's password is one someone else knows (generated at first start, or reset by the office),
 * every staff page leads to the change-password page; only that page and signing out stay open. A form
 * posted elsewhere is not carried out: it is answered with the same redirect.
 */
export function mustChangePassword(): MiddlewareHandler<AppEnv> {
  const open = new Set([staffPaths.password(), staffPaths.logout, staffPaths.login()]);
  return async (c, next) => {
    const session = c.get('session');
    if (session?.user.mustChangePassword && !open.has(c.req.path)) {
      return c.redirect(staffPaths.password(), 303);
    }
    await next();
  };
}
