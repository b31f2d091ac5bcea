import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';

/** The hidden field every staff form carries (see CsrfField). */
export const CSRF_FIELD = '_csrf';
/** Where a script sends the token instead, so it can be checked without reading the body. */
export const CSRF_HEADER = 'x-csrf-token';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const visitorCookieName = (deps: AppDeps): string =>
  deps.secureCookies ? '__Host-shinchoku-csrf' : 'shinchoku-csrf';

/**
 * The token a form must send back. A signed-in user's comes from the session; a visitor (the login form)
 * gets one in a cookie that a page on another site can neither read nor set, so a forged login fails too.
 */
export function csrfToken(c: Context<AppEnv>, deps: AppDeps): string {
  const session = c.get('session');
  if (session) return session.csrfToken;
  const existing = getCookie(c, visitorCookieName(deps));
  if (existing && TOKEN_SHAPE.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  setCookie(c, visitorCookieName(deps), token, {
    path: '/',
    httpOnly: true,
    secure: deps.secureCookies,
    sameSite: 'Strict',
  });
  return token;
}

/**
 * The token this request must send back: the session's, or for a visitor the one in their cookie; null
 * when there is none, so the request can be refused without reading its body.
 */
export function expectedToken(c: Context<AppEnv>, deps: AppDeps): string | null {
  const session = c.get('session');
  if (session) return session.csrfToken;
  const visitor = getCookie(c, visitorCookieName(deps));
  return visitor && TOKEN_SHAPE.test(visitor) ? visitor : null;
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
export function sameToken(expected: string, sent: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(sent));
}

/** A browser names the page a request came from; one from another site is refused before its token is read. */
export function fromThisSite(c: Context): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    // "null" and other unparsable origins come from sandboxed or privacy-stripped contexts: refuse them.
    return false;
  }
}

export type CsrfRefusal = (c: Context<AppEnv>) => Response | Promise<Response>;
