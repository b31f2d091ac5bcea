import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { EditionCache } from '../../../publish/edition-cache.ts';
import type { Lang } from '../../../core/language.ts';
import type { AppEnv } from '../../env.ts';

/** A public answer as kept: its body, its own headers and its validators. */
export interface CachedAnswer {
  /** Encoded once, when kept: sending it again costs no UTF-8 encoding and no copy. */
  readonly body: Uint8Array<ArrayBuffer>;
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
  /**
   * When it was rendered, in whole seconds (HTTP dates have no finer grain), so never before the last
   * change it shows. A page published, read, corrected and read again within one second would carry the
   * same date: a client sending only If-Modified-Since could be told 304 then; browsers send the ETag
   * too, and it decides.
   */
  readonly lastModified: number;
}

/** What a public handler produces for the cache: a body and its headers, or a response not to keep. */
export interface Fresh {
  readonly body: string | Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A published page may change only when its plan publishes or withdraws, which should reach readers
 * within a minute; until then browsers and proxies reuse it, and after it they ask again with the ETag.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';
/** An answer that sets a cookie (?lang=) or goes to a signed-in user is never stored by a shared cache. */
const PRIVATE_CACHE_CONTROL = 'private, no-cache';
const SIGNED_IN_CACHE_CONTROL = 'private, no-store';
/** A longer address (a hostile search) is answered but not kept, so it cannot push real pages out. */
const LONGEST_KEPT_ADDRESS = 512;

const etagOf = (body: string | Uint8Array): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** If-None-Match as RFC 9110 reads it: any listed tag, weak or strong, or `*`. */
function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Whether the reader already has the answer, from its If-None-Match and If-Modified-Since (undefined when
 * not sent). The fast path (fast-answer.ts) asks the same question of the same headers.
 */
export function notModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  answer: CachedAnswer,
): boolean {
  // When both are sent, the ETag decides: a date says less than a tag of the body itself.
  if (ifNoneMatch !== undefined) return noneMatch(ifNoneMatch, answer.etag);
  if (ifModifiedSince === undefined) return false;
  const at = Date.parse(ifModifiedSince);
  return Number.isFinite(at) && answer.lastModified <= Math.floor(at / 1000);
}

/** The key a public answer is kept under: one per language and address (path and query). */
export const answerKey = (lang: Lang, address: string): string => `${lang} ${address}`;

/** The validators every kept answer is sent with, 200 or 304. */
export const validatorsOf = (answer: CachedAnswer, cacheControl: string): Record<string, string> => ({
  ETag: answer.etag,
  'Last-Modified': new Date(answer.lastModified * 1000).toUTCString(),
  'Cache-Control': cacheControl,
});

const bodyOf = (body: string | Uint8Array): string | Uint8Array<ArrayBuffer> =>
  typeof body === 'string' ? body : new Uint8Array(body);

function respond(c: Context<AppEnv>, answer: CachedAnswer): Response {
  const validators = validatorsOf(
    answer,
    c.req.query('lang') === undefined ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL,
  );
  if (notModified(c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), answer)) {
    return c.body(null, 304, validators);
  }
  return c.body(answer.body, 200, { ...answer.headers, ...validators });
}

function sized(fresh: Fresh, renderedAt: number): { value: CachedAnswer; bytes: number } {
  const lastModified = Math.floor(renderedAt / 1000);
  const body =
    typeof fresh.body === 'string' ? new TextEncoder().encode(fresh.body) : new Uint8Array(fresh.body);
  const value = { body, headers: fresh.headers, etag: etagOf(body), lastModified };
  return { value, bytes: body.byteLength };
}

/**
 * A public GET answered from the edition cache, keyed by language and address, with an ETag and
 * Last-Modified and a 304 when the reader already has it. The page is the same for everyone in one
 * language (the language comes from ?lang=, the cookie or Accept-Language, which the language middleware
 * names in Vary). A signed-in user's request bypasses the cache and is marked no-store, so nothing
 * behind a session is kept anywhere.
 */
export async function cachedAnswer(
  c: Context<AppEnv>,
  cache: EditionCache,
  tag: string,
  produce: () => Promise<Fresh | Response>,
): Promise<Response> {
  if (c.var.session) {
    const fresh = await produce();
    const response = fresh instanceof Response ? fresh : c.body(bodyOf(fresh.body), 200, fresh.headers);
    response.headers.set('Cache-Control', SIGNED_IN_CACHE_CONTROL);
    return response;
  }
  const url = new URL(c.req.url);
  const address = `${url.pathname}${url.search}`;
  const own: { response: Response | null } = { response: null };
  const run = async () => {
    const fresh = await produce();
    if (fresh instanceof Response) {
      own.response = fresh;
      return null;
    }
    return sized(fresh, Date.now());
  };
  const direct = async () => {
    const fresh = await run();
    return fresh === null ? (own.response ?? c.notFound()) : respond(c, fresh.value);
  };
  if (address.length > LONGEST_KEPT_ADDRESS) return direct();
  await cache.refresh(tag);
  const answer = await cache.remember(answerKey(c.var.lang, address), tag, run);
  if (answer !== null) return respond(c, answer);
  // Not kept (a 410, say): this request's own answer if it made one, else its own attempt.
  return own.response ?? direct();
}
