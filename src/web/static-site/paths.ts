import { posix } from 'node:path';
import type { Lang } from '../../core/language.ts';

/** A page or file of the public site as the crawler requests it: a path, and the language tree it is in. */
export interface SiteAddress {
  readonly path: string;
  readonly lang: Lang;
  readonly edition: string | null;
  /** A later page of the plan list (?page=N); absent or null for the first. */
  readonly page?: string | null;
  /**
   * The directory's and the comparisons' choices (?pref=11&year=R4&sort=code&page=2), sorted by name:
   * each choice is a page of its own. A highlighted municipality (?highlight=) and a search (?q=) are
   * not kept: the site links the page without them.
   */
  readonly choices?: string;
}

/** The pages whose choices are plain links, and the choices kept for them. */
const CHOICE_PAGES = /^\/(municipalities|prefectures|compare)(\/|\.|$)/;
const KEPT_CHOICES = ['page', 'pref', 'sort', 'year'];

function choicesOf(url: URL): string {
  if (!CHOICE_PAGES.test(url.pathname)) return '';
  const kept = new URLSearchParams();
  for (const name of KEPT_CHOICES) {
    const value = url.searchParams.get(name);
    if (value !== null && /^[A-Za-z0-9]{1,16}$/.test(value) && !(name === 'page' && value === '1'))
      kept.set(name, value);
  }
  return kept.toString();
}

/** The choices as folder names (pref-11/year-R4), in the order they are kept. */
const choiceSegments = (choices: string | undefined): string[] =>
  [...new URLSearchParams(choices ?? '')].map(([name, value]) => `${name}-${value}`);

export const ASSET_PREFIX = '/assets/';

/**
 * Paths a static site cannot serve: sign-in, the live API, and the comparison of editions, whose form
 * is answered by the server. Links to them are dropped.
 */
export function isOutsideSite(path: string): boolean {
  return (
    path === '/staff' ||
    path.startsWith('/staff/') ||
    path === '/api' ||
    path.startsWith('/api/') ||
    /^\/plans\/[^/]+\/compare$/.test(path)
  );
}

/** Reads a link in a page of `from`'s tree: ?lang switches tree, ?edition picks an older edition. */
export function addressOf(href: string, from: SiteAddress): SiteAddress | null {
  if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  const url = new URL(href, `http://site${from.path}`);
  const lang = url.searchParams.get('lang');
  const page = url.pathname === '/' ? url.searchParams.get('page') : null;
  const choices = choicesOf(url);
  return {
    path: decodeURIComponent(url.pathname),
    lang: lang === 'ja' || lang === 'en' ? lang : from.lang,
    edition: url.searchParams.get('edition'),
    ...(page !== null && /^[0-9]{1,7}$/.test(page) && page !== '1' ? { page } : {}),
    ...(choices === '' ? {} : { choices }),
  };
}

/** The key the crawler remembers an address by. */
export function addressKey(address: SiteAddress): string {
  const tree = address.path.startsWith(ASSET_PREFIX) ? '*' : address.lang;
  return `${tree}:${address.path}:${address.edition ?? ''}${address.page ? `:page-${address.page}` : ''}${address.choices ? `?${address.choices}` : ''}`;
}

/** The query the app needs to answer for an address (the language comes by cookie). */
export function requestPath(address: SiteAddress): string {
  const path = address.path.split('/').map(encodeURIComponent).join('/');
  if (address.page) return `${path}?page=${encodeURIComponent(address.page)}`;
  if (address.choices) return `${path}?${address.choices}`;
  return address.edition === null ? path : `${path}?edition=${encodeURIComponent(address.edition)}`;
}

/**
 * Where an address is written: Japanese at the root, English under en/, assets once for both; a page
 * becomes folder/index.html so relative links work from file:// as well as from any web server.
 */
export function fileOf(address: SiteAddress, isPage: boolean): string {
  const segments = address.path.split('/').filter(Boolean);
  if (address.path.startsWith(ASSET_PREFIX)) return segments.join('/');
  const prefix = address.lang === 'ja' ? [] : [address.lang];
  const edition = address.edition === null ? [] : [`edition-${address.edition}`];
  const page = address.page ? [`page-${address.page}`] : [];
  const choices = choiceSegments(address.choices);
  if (isPage) return posix.join(...prefix, ...segments, ...edition, ...page, ...choices, 'index.html');
  const name = segments.pop() ?? 'index';
  return posix.join(...prefix, ...segments, ...edition, ...choices, name);
}

/** A link from one written file to another, relative, so the site can be opened from a folder. */
export function relativeLink(fromFile: string, toFile: string, hash: string): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile) || posix.basename(toFile);
  return relative + hash;
}
