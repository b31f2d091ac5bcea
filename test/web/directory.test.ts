import { beforeEach, expect, it } from 'vitest';
import { generatePlan, NATIONAL } from '../../bench/data/national.ts';
import { municipalityCodes } from '../../bench/data/national-municipalities.ts';
import { assignMunicipalities } from '../../bench/web/national-municipalities.ts';
import { storeNational } from '../../bench/web/national-store.ts';
import { parseMunicipalityCode } from '../../src/core/municipality-code.ts';
import { prefectureOf } from '../../src/core/prefectures.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';

/** 80 small plans, each its own municipality, spread over prefectures by the bench's assignment. */
const PLANS = Array.from({ length: 80 }, (_, i) => generatePlan(i, { ...NATIONAL, kpisPerPlan: 2 }));
const CODES = municipalityCodes(PLANS.length);
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describeStores('the public directory of municipalities', (store) => {
  beforeEach(async () => {
    await storeNational(store().db, PLANS, 2024);
    await assignMunicipalities(store().db, PLANS);
  }, 120_000);

  const get = async (path: string, init?: RequestInit) => {
    const res = await testApp(store()).request(`http://localhost${path}`, init);
    return { status: res.status, html: await res.text(), headers: res.headers };
  };

  it('lists the prefectures in JIS order with their counts, the empty ones folded away', async () => {
    const page = await get('/municipalities');
    expect(page.status).toBe(200);
    const counts = new Map<string, number>();
    for (const code of CODES) counts.set(code.slice(0, 2), (counts.get(code.slice(0, 2)) ?? 0) + 1);
    const linked = [...page.html.matchAll(/<a href="\/prefectures\/(\d\d)">/g)].map((m) => m[1]);
    expect(linked).toEqual([...counts.keys()].sort());
    const hokkaido = counts.get('01') ?? 0;
    expect(text(page.html)).toContain(`北海道 ${hokkaido}団体`);
    expect(page.html).toContain('<details class="empty-prefectures">');
    expect(text(page.html)).toContain(`公表している自治体のない都道府県（${47 - counts.size}）`);
  });

  it('shows a prefecture’s municipalities by either address, each linking to its plans', async () => {
    const code = CODES[0] ?? '';
    const pref = code.slice(0, 2);
    const inPref = CODES.filter((c) => c.startsWith(pref)).sort();
    for (const path of [
      `/prefectures/${pref}`,
      `/municipalities?pref=${pref}`,
      `/municipalities?pref=${encodeURIComponent('１' + pref.slice(1))}`,
    ]) {
      if (pref[0] !== '1' && path.includes('%EF')) continue;
      const page = await get(path);
      expect(page.status, path).toBe(200);
      const rows = [...page.html.matchAll(/<a href="\/municipalities\/(\d{6})">/g)].map((m) => m[1]);
      expect(rows, path).toEqual(inPref);
    }
    const own = await get(`/municipalities/${code}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain(`<a href="/plans/${PLANS[0]?.id}">`);
    expect(text(own.html)).toContain(`${PLANS[0]?.municipality}の計画`);
    expect(own.html).toContain(`/compare/rates?pref=${pref}&amp;year=R6&amp;highlight=${code}`);
  });

  it('finds municipalities by name or code, full-width digits too', async () => {
    const code = CODES[5] ?? '';
    const byCode = await get(
      `/municipalities?q=${encodeURIComponent(code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))))}`,
    );
    expect(byCode.status).toBe(200);
    expect([...byCode.html.matchAll(/<a href="\/municipalities\/(\d{6})">/g)].map((m) => m[1])).toEqual([
      code,
    ]);
    const five = await get(`/municipalities?q=${code.slice(0, 5)}`);
    expect(five.html).toContain(`/municipalities/${code}`);
    const byName = await get(`/municipalities?q=${encodeURIComponent(PLANS[5]?.municipality ?? '')}`);
    expect([...byName.html.matchAll(/<a href="\/municipalities\/(\d{6})">/g)].map((m) => m[1])).toEqual([
      code,
    ]);
    const none = await get(`/municipalities?q=${encodeURIComponent('%_')}`);
    expect(none.status).toBe(200);
    expect(text(none.html)).toContain('「%_」に一致する自治体はありません。');
  });

  it('answers hostile parameters with 400 naming the field, and an unknown code with 404', async () => {
    const cases: [string, string][] = [
      [`/municipalities?q=${'あ'.repeat(10_000)}`, '検索語：100文字以内'],
      [`/municipalities?q=${encodeURIComponent('北\u0000本')}`, '検索語：制御文字'],
      ['/municipalities?page=-1', 'ページ：「-1」'],
      ['/municipalities?page=abc', 'ページ：「abc」'],
      ['/municipalities?pref=48', '都道府県：「48」'],
      ['/prefectures/xx', '都道府県：「xx」'],
      ['/municipalities/112331', '団体コード：「112331」'],
      ['/municipalities/abc', '団体コード：「abc」'],
    ];
    for (const [path, words] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(text(res.html), path).toContain(words);
    }
    // 47300 is past Okinawa's generated numbers (47201–47241): a valid code no municipality here has.
    const unused = parseMunicipalityCode('47300');
    expect(unused.ok && CODES.includes(unused.value)).toBe(false);
    const unknown = await get(`/municipalities/${unused.ok ? unused.value : ''}`);
    expect(unknown.status).toBe(404);
    // A page past the end shows the last.
    const far = await get('/municipalities?q=0&page=99999999999');
    expect(far.status).toBe(200);
  });

  it('links the directory from the front page once more than one municipality publishes', async () => {
    const front = await get('/');
    expect(front.html).toContain('<a href="/municipalities">');
    expect(front.html).toContain('<a href="/compare/rates">');
    const english = await get('/municipalities?lang=en');
    expect(text(english.html)).toContain('Municipalities');
    expect(english.html).toContain('Hokkaido');
    expect(prefectureOf(CODES[0] ?? '')).not.toBeNull();
  });
});
