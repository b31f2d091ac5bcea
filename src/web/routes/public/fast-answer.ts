import type { IncomingMessage, ServerResponse } from 'node:http';
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
 *
 * Two doors to one lookup: `answer` takes a Fetch Request (the app's own `fetch`, so `app.request` and
 * every in-process test go through it), and `send` takes Node's request and response (the server, in front
 * of @hono/node-server's listener), so a hit makes no Request, no URL, no Headers and no Response at all.
 */
export interface FastAnswers {
  /** The answer, or null to let the app answer. */
  answer(request: Request): Response | null;
  /**
   * Writes the answer on `outgoing` as @hono/node-server would write `answer`'s Response (one `writeHead`
   * with the same header object, one `end`) and returns true; or false, having written nothing, to let
   * the app answer. It reads the request as @hono/node-server would build it, and leaves to the app any
   * request it would build differently from the raw target and headers (see `plainTarget`).
   */
  send(incoming: IncomingMessage, outgoing: ServerResponse): boolean;
  /** Settles once the security headers are known; until then every request goes through the app. */
  readonly ready: Promise<void>;
}

/** One way of answering a kept entry: made once per entry, so a hit allocates nothing. */
interface Found {
  readonly status: 200 | 304;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

interface Prepared {
  readonly ok: Found;
  readonly head: Found;
  readonly notModified: Found;
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
    ok: { status: 200, headers: wireHeaders(full, answer.body.byteLength), body: answer.body },
    head: { status: 200, headers: wireHeaders(full, null), body: null },
    notModified: {
      status: 304,
      headers: wireHeaders(appHeaders(validators, security), null),
      body: null,
    },
  };
}

/** `?lang=` (under any spelling the app's query reading would decode to it) goes through the app. */
function asksLanguage(search: string): boolean {
  if (/lang/i.test(search)) return true;
  if (!search.includes('%')) return false;
  for (const key of new URLSearchParams(search).keys()) if (/lang/i.test(key)) return true;
  return false;
}

/**
 * A request target whose path and query the URL parser leaves exactly as sent, so that the raw target is
 * `url.pathname + url.search` of the Request @hono/node-server would build: characters no part of a URL
 * escapes or reads specially (not `'`, which a query escapes, nor `#`, `\`, `?` twice, an empty query),
 * and no dot segment, `%2e` included. Any other target is read by the app, through `answer`.
 */
const PLAIN_TARGET = /^\/[\w\-.~!$&()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/]+)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?]|$)|%2e/i;
/** A Host @hono/node-server takes as it is; another one it parses, or refuses with a 400, so the app decides. */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

/**
 * A header @hono/node-server reads from the raw headers, joining repeats with a comma, where Node keeps the
 * first only: if-modified-since. A repeated one is left to the app; a single one reads the same both ways.
 */
function sentOnce(rawHeaders: readonly string[], lowerName: string): boolean {
  let seen = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) seen++;
  }
  return seen === 1;
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

  /** The one lookup behind both doors: the request's parts as the app would read them. */
  const find = (
    method: string,
    address: string,
    search: string,
    cookie: string | undefined,
    acceptLanguage: string | undefined,
    ifNoneMatch: string | undefined,
    ifModifiedSince: string | undefined,
  ): Found | null => {
    if (security === null || (method !== 'GET' && method !== 'HEAD')) return null;
    if (cookie !== undefined && parse(cookie, sessionCookie)[sessionCookie] !== undefined) return null;
    if (asksLanguage(search)) return null;
    const lang = requestedLang(cookie, acceptLanguage);
    const kept = cache.fresh<CachedAnswer>(answerKey(lang, address));
    if (kept === undefined) return null;
    let headersOf = prepared.get(kept);
    if (headersOf === undefined) {
      headersOf = prepare(kept, security);
      prepared.set(kept, headersOf);
    }
    if (headersOf === null) return null;
    if (notModified(ifNoneMatch, ifModifiedSince, kept)) return headersOf.notModified;
    return method === 'HEAD' ? headersOf.head : headersOf.ok;
  };

  const answer = (request: Request): Response | null => {
    const headers = request.headers;
    const url = new URL(request.url);
    const found = find(
      request.method,
      `${url.pathname}${url.search}`,
      url.search,
      headers.get('Cookie') ?? undefined,
      headers.get('Accept-Language') ?? undefined,
      headers.get('If-None-Match') ?? undefined,
      headers.get('If-Modified-Since') ?? undefined,
    );
    return found && new Response(found.body, { status: found.status, headers: found.headers });
  };

  const send = (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
    const target = incoming.url ?? '';
    const headers = incoming.headers;
    const host = headers.host;
    if (!PLAIN_TARGET.test(target) || DOT_SEGMENT.test(target)) return false;
    if (host === undefined || !PLAIN_HOST.test(host)) return false;
    const ifModifiedSince = headers['if-modified-since'];
    if (ifModifiedSince !== undefined && !sentOnce(incoming.rawHeaders, 'if-modified-since')) return false;
    const query = target.indexOf('?');
    const found = find(
      incoming.method ?? '',
      target,
      query === -1 ? '' : target.slice(query),
      // Node joins repeated Cookie headers with "; " and the others with ", ", as @hono/node-server reads them.
      headers.cookie,
      headers['accept-language'],
      headers['if-none-match'],
      ifModifiedSince,
    );
    if (found === null) return false;
    outgoing.writeHead(found.status, found.headers);
    if (found.body === null) outgoing.end();
    else outgoing.end(found.body);
    return true;
  };

  return { answer, send, ready };
}
