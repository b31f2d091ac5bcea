import type { MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import { LANGS, type Lang } from '../core/language.ts';
import type { AppEnv } from './env.ts';

export const LANG_COOKIE = 'lang';
const ONE_YEAR = 365 * 24 * 60 * 60;
/** What every answer's language comes from, for caches to keep the languages of one URL apart. */
export const LANGUAGE_VARY = 'Accept-Language, Cookie';

const asLang = (value: string | undefined): Lang | null =>
  LANGS.find((lang) => lang === value?.trim().toLowerCase()) ?? null;

/** The first supported language of an Accept-Language header, by quality: `en-GB,en;q=0.9` is en. */
export function fromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: asLang(tag.split('-')[0]), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.lang !== null && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang ?? null;
}

/**
 * The language of a request without ?lang=: the cookie, then the browser's Accept-Language, then
 * Japanese. The middleware and the fast path (routes/public/fast-answer.ts) both read it here.
 */
export function requestedLang(cookieHeader: string | undefined, acceptLanguage: string | undefined): Lang {
  // As hono/cookie's getCookie reads it, so both ways agree on odd cookies (quoted, encoded, repeated).
  const cookie = cookieHeader ? parse(cookieHeader, LANG_COOKIE)[LANG_COOKIE] : undefined;
  return asLang(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? 'ja';
}

/**
 * The page's language: ?lang=ja|en (remembered in a cookie, so links need not carry it), then the
 * cookie, then the browser's Accept-Language; Japanese by default.
 */
export function languageMiddleware(secureCookies: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const asked = asLang(c.req.query('lang'));
    if (asked) {
      setCookie(c, LANG_COOKIE, asked, {
        path: '/',
        maxAge: ONE_YEAR,
        httpOnly: true,
        sameSite: 'Lax',
        secure: secureCookies,
      });
    }
    c.set('lang', asked ?? requestedLang(c.req.header('Cookie'), c.req.header('Accept-Language')));
    await next();
    // Caches must keep the languages of one URL apart.
    c.header('Vary', LANGUAGE_VARY, { append: true });
  };
}
