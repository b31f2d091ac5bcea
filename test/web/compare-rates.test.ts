import { beforeEach, expect, it } from 'vitest';
import { generatePlan, NATIONAL } from '../../bench/data/national.ts';
import { municipalityCodes } from '../../bench/data/national-municipalities.ts';
import { assignMunicipalities } from '../../bench/web/national-municipalities.ts';
import { storeNational } from '../../bench/web/national-store.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { publishEdition, withdrawEdition } from '../../src/store/editions.ts';
import { EditionCache } from '../../src/publish/edition-cache.ts';
import { allEditionsVersion } from '../../src/store/municipality-directory.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';

/** 80 small plans, each its own municipality; Hokkaido (01) gets the most of them. */
const PLANS = Array.from({ length: 80 }, (_, i) => generatePlan(i, { ...NATIONAL, kpisPerPlan: 6 }));
const CODES = municipalityCodes(PLANS.length);
const YEAR = 2024;
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const codesIn = (html: string): string[] =>
  [
    ...html.matchAll(
      /<th scope="row">(?:<span aria-hidden="true">★<\/span>)?<a href="\/municipalities\/(\d{6})">/g,
    ),
  ].map((m) => m[1] ?? '');

/** The oracle: each plan's overall tally from evaluate itself, ranked by cross-multiplying in BigInt. */
function expectedRanking(pref: string) {
  const rows = PLANS.map((plan, i) => ({ code: CODES[i] ?? '', tally: evaluate(plan, YEAR).overall })).filter(
    (r) => r.code.startsWith(pref),
  );
  const rated = rows.filter((r) => r.tally.evaluated > 0);
  const above = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    BigInt(a.tally.achieved) * BigInt(b.tally.evaluated) >
    BigInt(b.tally.achieved) * BigInt(a.tally.evaluated);
  return rows.map((r) => ({
    code: r.code,
    rank: r.tally.evaluated === 0 ? null : 1 + rated.filter((o) => above(o, r)).length,
    total: rated.length,
  }));
}

describeStores('the comparison of achievement rates', (store) => {
  beforeEach(async () => {
    await storeNational(store().db, PLANS, YEAR);
    await assignMunicipalities(store().db, PLANS);
  }, 120_000);

  it('ranks a prefecture’s plans exactly, says where the highlighted one stands, and draws its band', async () => {
    const app = testApp(store());
    const expected = expectedRanking('01');
    const target = expected.find((r) => r.rank !== null && r.rank > 1) ?? expected[0];
    if (!target || target.rank === null) throw new Error('no ranked plan in Hokkaido');
    const res = await app.request(`http://localhost/compare/rates?pref=01&year=R6&highlight=${target.code}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    // Sorted by the overall rate: the ranks in the table are the oracle's, in order.
    const shown = codesIn(html);
    expect(new Set(shown)).toEqual(new Set(expected.map((r) => r.code)));
    const ranks = shown.map((code) => expected.find((r) => r.code === code)?.rank ?? null);
    const sortedRanks = [...ranks].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
    expect(ranks).toEqual(sortedRanks);
    const tied = expected.filter((r) => r.rank === target.rank).length;
    const top = Math.max(1, Math.round((target.rank * 100) / target.total));
    expect(text(html)).toContain(
      `道内${target.total}団体中${target.rank}位${tied > 1 ? `（同率${tied}団体）` : ''}（上位${top}%）`,
    );
    expect(html).toContain('<svg class="chart-wide" role="img"');
    expect(html).toContain('<svg class="chart-narrow" role="img"');
    expect(html).toContain('<tr class="highlighted">');
    expect(html).toContain('href="/compare/rates.csv?pref=01&amp;year=R6"');
  });

  it('compares the nation without pref, sorts by code, and serves the CSV with its dictionary', async () => {
    const app = testApp(store());
    const nation = await app.request('http://localhost/compare/rates?sort=code');
    expect(nation.status).toBe(200);
    const html = await nation.text();
    expect(codesIn(html)).toEqual([...CODES].sort());
    expect(text(html)).toContain('全国の自治体の達成率（令和6年度）');
    const csv = await app.request('http://localhost/compare/rates.csv?pref=01&year=R6');
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(header?.split(',').slice(0, 6)).toEqual([
      '年度',
      '年度表記',
      '都道府県コード',
      '都道府県',
      '全国地方公共団体コード',
      '地方公共団体名',
    ]);
    expect(lines.length).toBe(CODES.filter((c) => c.startsWith('01')).length);
    const english = await app.request('http://localhost/compare/rates.csv?pref=01&year=R6&lang=en');
    expect((await english.text()).split('\r\n')[0]?.split(',')[0]).toBe('fiscal_year');
    const dictionary = await app.request('http://localhost/compare/rates-dictionary.csv');
    const words = await dictionary.text();
    expect(words.split('\r\n')[0]).toBe('項目名,英語キー,型,単位,説明');
    for (const column of header?.split(',') ?? []) expect(words).toContain(`\r\n${column},`);
  });

  it('refuses hostile parameters with 400 naming the field', async () => {
    const app = testApp(store());
    const cases: [string, string][] = [
      ['pref=99', '都道府県：「99」'],
      ['year=R99x', '年度：「R99x」'],
      ['year=R5', '年度：令和5年度の実施報告を公表している自治体はありません。'],
      [`year=${'1'.repeat(10_000)}`, '年度：100文字以内'],
      ['highlight=123', '強調する団体：「123」'],
      [`highlight=${CODES.find((c) => !c.startsWith('01'))}&pref=01`, 'はこの比較に含まれていません'],
      ['sort=evil', '並べ替え：「evil」'],
      ['pref=%00', '都道府県：制御文字'],
    ];
    for (const [query, words] of cases) {
      const res = await app.request(`http://localhost/compare/rates?${query}`);
      expect(res.status, query).toBe(400);
      expect(text(await res.text()), query).toContain(words);
    }
    const fullWidth = await app.request(
      `http://localhost/compare/rates?pref=${encodeURIComponent('０１')}&year=${encodeURIComponent('Ｒ６')}`,
    );
    expect(fullWidth.status).toBe(200);
  });

  it('answers 304 to its ETag, and a publication or withdrawal changes the page', async () => {
    const cache = new EditionCache({ maxBytes: 64 * 1024 * 1024, recheckMs: Infinity });
    const app = testApp(store(), { editionCache: cache });
    const url = 'http://localhost/compare/rates?pref=01&year=R6';
    const first = await app.request(url);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await app.request(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const index = CODES.findIndex((c) => c.startsWith('01'));
    const slug = PLANS[index]?.id ?? '';
    await withdrawEdition(store().db, { plan: slug, year: YEAR, number: 1, reason: 'test' }, null);
    cache.invalidate(slug);
    const after = await app.request(url, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(codesIn(await after.text())).not.toContain(CODES[index]);
    await publishEdition(store().db, { plan: slug, year: YEAR - 1, errata: null }, null);
    cache.invalidate(slug);
    const years = await app.request('http://localhost/compare/rates?pref=01');
    expect(text(await years.text())).toContain('令和5年度');
  });

  it('sees another process’s publication through the version of every plan’s editions', async () => {
    // recheckMs 0: every request reads the version, as a second process on PostgreSQL would.
    const db = store().db;
    const cache = new EditionCache({
      maxBytes: 64 * 1024 * 1024,
      recheckMs: 0,
      allVersionOf: () => allEditionsVersion(db),
    });
    const app = testApp(store(), { editionCache: cache });
    const url = 'http://localhost/compare/rates?pref=01&year=R6';
    const before = codesIn(await (await app.request(url)).text());
    const index = CODES.findIndex((c) => c.startsWith('01'));
    await withdrawEdition(db, { plan: PLANS[index]?.id ?? '', year: YEAR, number: 1, reason: 'test' }, null);
    const after = codesIn(await (await app.request(url)).text());
    expect(after.length).toBe(before.length - 1);
  });
});
