import { Hono, type MiddlewareHandler } from 'hono';
import { parse } from 'hono/utils/cookie';
import type { EditionCache } from '../../../publish/edition-cache.ts';
import { LANGUAGE_VARY, requestedLang } from '../../language.ts';
import {
  answerKey,
  notModified,
  PUBLIC_CACHE_CONTROL,
  validatorsOf,
  type CachedAnswer,
} from './http-cache.ts';

/**
 * The public answers the edition cache already holds, sent without Hono: no routing, no middleware, no
 * Response built and read back as a stream. A cached page cost about as much again in that machinery as
 * in the sending itself (docs/performance.md); here it is one map lookup and a header object made once
 * per kept answer.
 *
 * It answers only what the whole app would answer from the same entry, with the same status, headers and
 * body: an anonymous GET or HEAD (no session cookie, whatever its value) without `lang` in its query
 * (that answer sets a cookie), whose language and address name an entry the edition cache may use now
 * (`EditionCache.fresh`: on PostgreSQL, the plan's version read within the last recheck interval). The
 * entry itself is the proof of the route: only `cachedAnswer` keeps entries under such keys, for the
 * address it was asked. Everything else returns null and goes through the app as before, which is also
 * how a publication or withdrawal is seen: it drops the entries, so the next request misses here.
 */
export interface FastAnswers {
  /** The answer, or null to let the app answer. */
  answer(request: Request): Response | null;
  /** Settles once the security headers are known; until then every request goes through the app. */
  readonly ready: Promise<void>;
}

interface Prepared {
  readonly ok: Record<string, string>;
  readonly head: Record<string, string>;
  readonly notModified: Record<string, string>;
}

/** The headers the app's security middleware sets on an answer that has none of its own. */
async function securityHeadersOf(middleware: MiddlewareHandler): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use(middleware);
  probe.get('/', (c) => c.body(null, 204));
  const response = await probe.request('/');
  return [...response.headers];
}

/** Hono's `c.body(body, status, headers)` then the language and security middleware, as a Headers. */
function appHeaders(own: Record<string, string>, security: readonly [string, string][]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(own)) headers.set(name, value);
  headers.append('Vary', LANGUAGE_VARY);
  // The security middleware never overwrites what a handler set (a download's own policy).
  for (const [name, value] of security) if (!headers.has(name)) headers.set(name, value);
  return headers;
}

/**
 * As @hono/node-server writes them: Headers' entries (lower case, in order), then the length it measured
 * for a body it read whole. Given as a plain object, so it writes them with no Headers in between.
 */
function wireHeaders(headers: Headers, length: number | null): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [name, value] of headers) wire[name] = value;
  if (length !== null) wire['content-length'] = String(length);
  return wire;
}

function prepare(answer: CachedAnswer, security: readonly [string, string][]): Prepared | null {
  const validators = validatorsOf(answer, PUBLIC_CACHE_CONTROL);
  const full = appHeaders({ ...answer.headers, ...validators }, security);
  // A kept answer always names its type; one that did not would get the server's default, not handled here.
  if (!full.has('content-type') || full.has('set-cookie')) return null;
  return {
    ok: wireHeaders(full, answer.body.byteLength),
    head: wireHeaders(full, null),
    notModified: wireHeaders(appHeaders(validators, security), null),
  };
}

/** `?lang=` (under any spelling the app's query reading would decode to it) goes through the app. */
function asksLanguage(search: string): boolean {
  if (/lang/i.test(search)) return true;
  if (!search.includes('%')) return false;
  for (const key of new URLSearchParams(search).keys()) if (/lang/i.test(key)) return true;
  return false;
}

export function fastAnswers(
  cache: EditionCache,
  sessionCookie: string,
  securityMiddleware: MiddlewareHandler,
): FastAnswers {
  let security: [string, string][] | null = null;
  // Kept beside each answer object: dropped with it when the cache lets it go.
  const prepared = new WeakMap<CachedAnswer, Prepared | null>();
  const ready = securityHeadersOf(securityMiddleware).then((headers) => {
    security = headers;
  });

  const answer = (request: Request): Response | null => {
    const method = request.method;
    if (security === null || (method !== 'GET' && method !== 'HEAD')) return null;
    const headers = request.headers;
    const cookie = headers.get('Cookie') ?? undefined;
    if (cookie !== undefined && parse(cookie, sessionCookie)[sessionCookie] !== undefined) return null;
    const url = new URL(request.url);
    if (asksLanguage(url.search)) return null;
    const lang = requestedLang(cookie, headers.get('Accept-Language') ?? undefined);
    const kept = cache.fresh<CachedAnswer>(answerKey(lang, `${url.pathname}${url.search}`));
    if (kept === undefined) return null;
    let headersOf = prepared.get(kept);
    if (headersOf === undefined) {
      headersOf = prepare(kept, security);
      prepared.set(kept, headersOf);
    }
    if (headersOf === null) return null;
    const ifNoneMatch = headers.get('If-None-Match') ?? undefined;
    const ifModifiedSince = headers.get('If-Modified-Since') ?? undefined;
    if (notModified(ifNoneMatch, ifModifiedSince, kept)) {
      return new Response(null, { status: 304, headers: headersOf.notModified });
    }
    if (method === 'HEAD') return new Response(null, { status: 200, headers: headersOf.head });
    return new Response(kept.body, { status: 200, headers: headersOf.ok });
  };
  return { answer, ready };
}
