import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createSession, deleteExpiredSessions, deleteSession, findSession } from '../../store/sessions.ts';
import type { User } from '../../store/users.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv, SessionInfo } from '../env.ts';

/** A working day: a session left open on a shared counter PC does not last until tomorrow. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** Tokens are 32 random bytes in base64url; anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Behind HTTPS the __Host- prefix makes the browser refuse a cookie planted by a subdomain or over HTTP. */
export const sessionCookieName = (deps: AppDeps): string =>
  deps.secureCookies ? '__Host-shinchoku-session' : 'shinchoku-session';

/** Finds the signed-in user from the session cookie and sets c.var.session (null when signed out). */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookieName(deps));
    let info: SessionInfo | null = null;
    if (token && TOKEN_SHAPE.test(token)) {
      const found = await findSession(deps.store.db, token, deps.clock.now());
      if (found) info = { id: found.session.id, user: found.user, csrfToken: found.session.csrfToken };
    }
    c.set('session', info);
    await next();
  };
}

/** Signs a user in: a new session and token every time, so a token known before login is worth nothing. */
export async function startSession(c: Context<AppEnv>, deps: AppDeps, user: User): Promise<SessionInfo> {
  const now = deps.clock.now();
  const previous = c.get('session');
  if (previous) await deleteSession(deps.store.db, previous.id);
  await deleteExpiredSessions(deps.store.db, now);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const { token, session } = await createSession(deps.store.db, user.id, expiresAt);
  setCookie(c, sessionCookieName(deps), token, {
    path: '/',
    httpOnly: true,
    secure: deps.secureCookies,
    sameSite: 'Lax',
    maxAge: SESSION_TTL_MS / 1000,
  });
  const info = { id: session.id, user, csrfToken: session.csrfToken };
  c.set('session', info);
  return info;
}

/** Signs out: the session row is deleted, so the cookie is dead even if a copy of it survives. */
export async function endSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> {
  const session = c.get('session');
  if (session) await deleteSession(deps.store.db, session.id);
  deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.secureCookies });
  c.set('session', null);
}
