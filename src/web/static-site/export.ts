import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { ShinchokuError } from '../../core/errors.ts';
import type { Lang } from '../../core/language.ts';
import { isDownloadPath } from '../../publish/formats.ts';
import type { AppEnv } from '../env.ts';
import { LANG_COOKIE } from '../language.ts';
import {
  addressKey,
  addressOf,
  fileOf,
  isOutsideSite,
  relativeLink,
  requestPath,
  type SiteAddress,
} from './paths.ts';

/** A guard against a link loop generating pages without end; a real site has a few hundred. */
const MAX_FILES = 20_000;
/** Links in our own markup (always double-quoted attributes) and in our own stylesheets. */
const LINK = /\b(href|src)="([^"]*)"|url\((['"]?)([^'")]+)\3\)/g;
const anchorTo = (href: string) => {
  const anchor = `<a\\b[^>]*\\bhref="${escapeRegExp(href)}"[^>]*>([\\s\\S]*?)</a>`;
  return { item: new RegExp(`<li>\\s*${anchor}\\s*</li>`, 'g'), anchor: new RegExp(anchor, 'g') };
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const decodeEntities = (text: string) => text.replace(/&amp;/g, '&');

export interface SiteResult {
  readonly files: number;
  /** Downloads the app could not make (a PDF without Chromium); their links are left out. */
  readonly skipped: readonly string[];
}

/**
 * Writes the public pages as a static site: every page and download reachable from the plan list, in
 * Japanese and English, with relative links, so it works from a folder or any web server, offline.
 */
export async function exportStaticSite(
  app: Hono<AppEnv>,
  outDir: string,
  langs: readonly Lang[] = ['ja', 'en'],
): Promise<SiteResult> {
  const queue: SiteAddress[] = langs.map((lang) => ({ path: '/', lang, edition: null }));
  const seen = new Set(queue.map(addressKey));
  const written = new Map<string, string>();
  const skipped: string[] = [];
  const pages: { file: string; html: string; address: SiteAddress }[] = [];

  while (queue.length > 0) {
    const address = queue.shift() as SiteAddress;
    if (written.size >= MAX_FILES)
      throw new ShinchokuError('internal', `The site grew past ${MAX_FILES} files.`);
    const response = await app.request(requestPath(address), {
      headers: { cookie: `${LANG_COOKIE}=${address.lang}` },
    });
    if (response.status === 503) {
      skipped.push(requestPath(address));
      continue;
    }
    if (!response.ok) {
      throw new ShinchokuError(
        'internal',
        `The public page ${requestPath(address)} answered ${response.status}.`,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    const isPage = type.startsWith('text/html') && !isDownloadPath(address.path);
    const file = fileOf(address, isPage);
    written.set(addressKey(address), file);
    if (isPage || type.startsWith('text/css')) {
      const html = await response.text();
      pages.push({ file, html, address });
      for (const match of html.matchAll(LINK)) {
        const target = addressOf(decodeEntities(match[2] ?? match[4] ?? ''), address);
        if (!target || isOutsideSite(target.path) || seen.has(addressKey(target))) continue;
        seen.add(addressKey(target));
        queue.push(target);
      }
    } else {
      await save(join(outDir, file), new Uint8Array(await response.arrayBuffer()));
    }
  }

  for (const page of pages) await save(join(outDir, page.file), rewriteLinks(page.html, page, written));
  return { files: written.size, skipped };
}

/** Points every link at the written file; links the site cannot serve become plain text. */
function rewriteLinks(
  html: string,
  page: { file: string; address: SiteAddress },
  written: ReadonlyMap<string, string>,
): string {
  const unserved = new Set<string>();
  const rewritten = html.replace(
    LINK,
    (
      whole,
      attribute: string | undefined,
      quoted: string | undefined,
      quote: string | undefined,
      inCss: string | undefined,
    ) => {
      const href = quoted ?? inCss ?? '';
      const target = addressOf(decodeEntities(href), page.address);
      if (!target) return whole;
      const file = written.get(addressKey(target));
      if (!file) {
        unserved.add(href);
        return whole;
      }
      const link = relativeLink(page.file, file, href.includes('#') ? href.slice(href.indexOf('#')) : '');
      return attribute ? `${attribute}="${link}"` : `url(${quote ?? ''}${link}${quote ?? ''})`;
    },
  );
  let result = rewritten;
  for (const href of unserved) {
    const { item, anchor } = anchorTo(href);
    result = result.replace(item, '').replace(anchor, '<span>$1</span>');
  }
  return result;
}

async function save(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}
