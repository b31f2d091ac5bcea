import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { REPORT_SCRIPT } from '../../render/html/script.ts';
import type { AppEnv } from '../env.ts';
import { fontFiles, readFontFile, type FontFiles } from './fonts.ts';
import { APP_CSS } from './styles.ts';
import { UNSAVED_CHANGES_SCRIPT } from './unsaved-changes.ts';

export const ASSETS_PATH = '/assets';
const FONTS_PATH = `${ASSETS_PATH}/fonts/`;

/**
 * The formulas shown on hover and focus can be dismissed with Escape (WCAG 1.4.13), as in the report,
 * and leaving a form with unsaved changes warns first; the pages work the same without it.
 */
const APP_SCRIPT = `${REPORT_SCRIPT}\n${UNSAVED_CHANGES_SCRIPT}`;

const version = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

let fonts: FontFiles | null = null;
const loadedFonts = (): FontFiles => (fonts ??= fontFiles(FONTS_PATH));

/**
 * Each asset's URL carries a hash of its content, so it can be cached for good and a new release is
 * fetched at once. The font files are named by @fontsource's version through the package lock.
 */
let hrefs: { fonts: string; styles: string; script: string } | null = null;
export function assetHrefs(): { fonts: string; styles: string; script: string } {
  hrefs ??= {
    fonts: `${ASSETS_PATH}/fonts.css?v=${version(loadedFonts().css)}`,
    styles: `${ASSETS_PATH}/app.css?v=${version(APP_CSS)}`,
    script: `${ASSETS_PATH}/app.js?v=${version(APP_SCRIPT)}`,
  };
  return hrefs;
}

const FOREVER = 'public, max-age=31536000, immutable';

/** Everything a page loads comes from here: no CDN, no network beyond this server. */
export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/app.css', (c) =>
    c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': FOREVER }),
  );
  app.get('/fonts.css', (c) =>
    c.body(loadedFonts().css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': FOREVER }),
  );
  app.get('/app.js', (c) =>
    c.body(APP_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': FOREVER }),
  );
  app.get('/fonts/:file', (c) => {
    const file = c.req.param('file');
    // Only the files the stylesheet names are served, so no path reaches outside the font package.
    if (!loadedFonts().files.has(file)) return c.notFound();
    return c.body(new Uint8Array(readFontFile(file)), 200, {
      'Content-Type': 'font/woff2',
      'Cache-Control': FOREVER,
    });
  });
  return app;
}
