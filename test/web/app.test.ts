import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ShinchokuError } from '../../src/core/errors.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { fromAcceptLanguage } from '../../src/web/language.ts';
import { KITAMOTO, publishedKitamoto, testApp } from '../support/web.ts';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: null });
  await publishedKitamoto(store);
}, 60_000);
afterAll(() => store.close());

describe('security headers', () => {
  it('sends a strict policy with no outside origin on pages, errors and the API', async () => {
    const app = testApp(store);
    for (const url of ['/', `/plans/${KITAMOTO}`, '/no-such-page', '/api/plans', '/assets/app.css']) {
      const res = await app.request(url);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
      expect(res.headers.get('strict-transport-security'), url).toBeNull();
    }
  });

  it('asks for HTTPS only where cookies are secure', async () => {
    const res = await testApp(store, { secureCookies: true }).request('/');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('loads every asset of a page from the app itself', async () => {
    const html = await (await testApp(store).request(`/plans/${KITAMOTO}/R4/kpis/births`)).text();
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^(\/|#)/);
  });
});

describe('errors', () => {
  const failing = () => {
    const app = testApp(store);
    app.get('/test/conflict', () => {
      throw new ShinchokuError('conflict', 'Someone saved first.', 'Check and save again.', [], {
        current: '330人',
        attempted: '331人',
      });
    });
    app.get('/test/crash', () => {
      throw new Error('secret database detail');
    });
    app.get('/api/test/crash', () => {
      throw new Error('secret database detail');
    });
    return app;
  };

  it('shows a ShinchokuError at its status with its message, hint and both sides of a conflict', async () => {
    const res = await failing().request('/test/conflict');
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('<h1>ほかの人の変更と重なりました</h1>');
    expect(html).toContain('Someone saved first.');
    expect(html).toContain('Check and save again.');
    expect(html).toMatch(/<dt>保存されている値<\/dt><dd>330人<\/dd><dt>入力した値<\/dt><dd>331人<\/dd>/);
  });

  it('answers anything else with a 500 that tells nothing of the insides', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const page = await failing().request('/test/crash');
      expect(page.status).toBe(500);
      const html = await page.text();
      expect(html).toContain('サーバーで問題が発生しました');
      expect(html).not.toMatch(/secret|at .*\.ts/);
      const api = await failing().request('/api/test/crash');
      expect(api.status).toBe(500);
      const body = await api.text();
      expect(JSON.parse(body)).toMatchObject({ error: { id: 'internal', status: 500 } });
      expect(body).not.toContain('secret');
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
    }
  });

  it('has a 404 page, and a JSON 404 under /api', async () => {
    const page = await testApp(store).request('/no/such/page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<h1>ページが見つかりません</h1>');
    const api = await testApp(store).request('/api/no-such-thing?lang=en');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await api.json()).toMatchObject({
      error: { id: 'not-found', message: expect.stringContaining('does not exist') },
    });
  });
});

describe('language', () => {
  const langOf = async (init: RequestInit, url = '/') => {
    const res = await testApp(store).request(url, init);
    return { lang: /<html lang="(\w+)">/.exec(await res.text())?.[1], cookie: res.headers.get('set-cookie') };
  };

  it('is Japanese by default and follows Accept-Language', async () => {
    expect((await langOf({})).lang).toBe('ja');
    expect((await langOf({ headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })).lang).toBe('en');
    expect((await langOf({ headers: { 'Accept-Language': 'fr, en;q=0.5, ja;q=0.8' } })).lang).toBe('ja');
  });

  it('switches with ?lang and remembers the choice in a cookie, which Accept-Language does not override', async () => {
    const asked = await langOf({ headers: { 'Accept-Language': 'ja' } }, '/?lang=en');
    expect(asked.lang).toBe('en');
    expect(asked.cookie).toMatch(/^lang=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await langOf({ headers: { Cookie: 'lang=en', 'Accept-Language': 'ja' } })).lang).toBe('en');
    expect((await langOf({ headers: { Cookie: 'lang=en' } }, '/?lang=ja')).lang).toBe('ja');
    expect((await langOf({}, '/?lang=fr')).lang).toBe('ja');
  });

  it('links to the same page in the other language', async () => {
    const html = await (await testApp(store).request(`/plans/${KITAMOTO}/R4?edition=1`)).text();
    expect(html).toContain(
      `href="/plans/${KITAMOTO}/R4?edition=1&amp;lang=en" lang="en" hreflang="en">English</a>`,
    );
  });

  it('reads Accept-Language by quality', () => {
    expect(fromAcceptLanguage('en;q=0.1, ja;q=0.2')).toBe('ja');
    expect(fromAcceptLanguage('de, EN-us')).toBe('en');
    expect(fromAcceptLanguage('ja;q=0, en;q=0.1')).toBe('en');
    expect(fromAcceptLanguage('de')).toBeNull();
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });
});

describe('assets', () => {
  it('serves the stylesheet, the script and the Noto Sans JP chunks it names, for good', async () => {
    const app = testApp(store);
    const css = await app.request('/assets/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    const fonts = await (await app.request('/assets/fonts.css')).text();
    const files = [...fonts.matchAll(/url\(\/assets\/fonts\/([^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(files.length).toBeGreaterThan(100);
    expect(fonts).toContain('font-weight:700');
    const font = await app.request(`/assets/fonts/${files[0]}`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(String.fromCharCode(...new Uint8Array(await font.arrayBuffer()).slice(0, 4))).toBe('wOF2');
    expect((await app.request('/assets/app.js')).headers.get('content-type')).toContain('javascript');
  });

  it('serves no other file', async () => {
    const app = testApp(store);
    for (const url of [
      '/assets/fonts/..%2F..%2Fpackage.json',
      '/assets/fonts/noto-sans-jp-0-400-normal.woff',
      '/assets/nope.css',
    ]) {
      expect((await app.request(url)).status, url).toBe(404);
    }
  });
});
