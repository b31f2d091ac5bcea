import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { generatePlan, NATIONAL } from '../../bench/data/national.ts';
import { storeNational } from '../../bench/web/national-store.ts';
import { editions, plans } from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';

/** 120 small plans, published: more than two pages of the list. */
const PLANS = Array.from({ length: 120 }, (_, i) => generatePlan(i, { ...NATIONAL, kpisPerPlan: 2 }));
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const rows = (html: string): string[] =>
  [...html.matchAll(/<th scope="row"><a href="\/plans\/([^"]+)">/g)].map((m) => m[1] ?? '');

describeStores('the plan list, paginated and searchable', (store) => {
  beforeEach(async () => {
    await storeNational(store().db, PLANS, 2024);
  }, 120_000);

  const get = async (path: string, init?: RequestInit) => {
    const res = await testApp(store()).request(`http://localhost${path}`, init);
    return { status: res.status, html: await res.text() };
  };

  it('shows fifty plans a page, in order, with links to the other pages', async () => {
    const first = await get('/');
    expect(first.status).toBe(200);
    expect(rows(first.html)).toEqual(PLANS.slice(0, 50).map((p) => p.id));
    expect(text(first.html)).toContain('120件中 1〜50件目を表示しています。');
    expect(first.html).toContain('<nav class="pagination" aria-label="計画一覧のページ">');
    expect(first.html).toContain('<a href="/?page=2" rel="next">次のページ</a>');
    expect(first.html).toContain('<span aria-current="page" aria-label="3ページ中 1ページ目">1</span>');
    const last = await get('/?page=3');
    expect(rows(last.html)).toEqual(PLANS.slice(100).map((p) => p.id));
    expect(last.html).toContain('<a href="/?page=2" rel="prev">前のページ</a>');
    expect(last.html).not.toContain('rel="next"');
    expect(last.html).toContain('<title>3ページ中 3ページ目');
  });

  it('finds plans by municipality or title, full-width or not, all words together', async () => {
    const one = await get(`/?q=${encodeURIComponent('市町村０１０７')}`);
    expect(rows(one.html)).toEqual(['m0107']);
    expect(text(one.html)).toContain('「市町村0107」に一致する計画は1件です。');
    expect(one.html).toContain('value="市町村0107"');
    const title = await get(`/?q=${encodeURIComponent('創生総合戦略 0010')}`);
    expect(rows(title.html)).toEqual(['m0010']);
    const tens = await get(`/?q=${encodeURIComponent('市町村00')}&page=2`);
    expect(rows(tens.html)).toEqual(PLANS.slice(50, 99).map((p) => p.id));
    expect(tens.html).toContain(`href="/?q=${encodeURIComponent('市町村00')}"`);
    const none = await get(`/?q=${encodeURIComponent('存在しない町')}`);
    expect(none.status).toBe(200);
    expect(rows(none.html)).toEqual([]);
    expect(text(none.html)).toContain('「存在しない町」に一致する計画はありません。');
    const english = await get(`/?q=0042&lang=en`);
    expect(text(english.html)).toContain('1 plan matches “0042”.');
  });

  it('treats LIKE’s own characters as text', async () => {
    for (const q of ['%', '_', '\\', '%_%']) {
      const page = await get(`/?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      expect(rows(page.html)).toEqual([]);
    }
  });

  it('answers hostile input with a page, never an error', async () => {
    const long = 'あ'.repeat(10_000);
    const tooLong = await get(`/?q=${encodeURIComponent(long)}`);
    expect(tooLong.status).toBe(200);
    expect(text(tooLong.html)).toContain('検索語が長すぎるため、先頭の100文字で検索しました。');
    expect(tooLong.html).toContain(`value="${'あ'.repeat(100)}"`);
    const nul = await get(`/?q=${encodeURIComponent('市町村\u00000107')}`);
    expect(nul.status).toBe(200);
    expect(rows(nul.html)).toEqual(['m0107']);
    for (const page of ['-1', 'abc', '0', '1e9', '99999999999999999999', '２', ' 2 ', '']) {
      const res = await get(`/?page=${encodeURIComponent(page)}`);
      expect(res.status, page).toBe(200);
      expect(rows(res.html).length, page).toBeGreaterThan(0);
    }
    expect(rows((await get('/?page=２')).html)).toEqual(PLANS.slice(50, 100).map((p) => p.id));
    // Past the end: the last page, not an empty one.
    expect(rows((await get('/?page=99999999999999999999')).html)).toEqual(PLANS.slice(100).map((p) => p.id));
    expect(rows((await get('/?page=-1')).html)).toEqual(PLANS.slice(0, 50).map((p) => p.id));
  });

  it('leaves out withdrawn and unpublished plans', async () => {
    const all = await get('/?q=0001');
    expect(rows(all.html)).toEqual(['m0001']);
    const [plan] = await store().db.select({ id: plans.id }).from(plans).where(eq(plans.slug, 'm0001'));
    await store()
      .db.update(editions)
      .set({ withdrawnAt: new Date(), withdrawnReason: 'test' })
      .where(eq(editions.planId, plan?.id ?? 0));
    const after = await get('/?q=0001');
    expect(rows(after.html)).toEqual([]);
    expect(text((await get('/')).html)).toContain('119件中 1〜50件目');
  });
});
