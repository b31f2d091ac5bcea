import { describe, expect, it } from 'vitest';
import { pageWindow, planListHref, readPlanListQuery } from '../../src/web/routes/public/plan-list-query.ts';
import { addressKey, addressOf, fileOf, requestPath } from '../../src/web/static-site/paths.ts';

describe('the plan list’s query and pages', () => {
  it('reads what a reader types, and never throws', () => {
    expect(readPlanListQuery('  ＡＢＣ　市町村\u0000０１ ', '２')).toEqual({
      text: 'ABC 市町村 01',
      terms: ['ABC', '市町村', '01'],
      shortened: false,
      page: 2,
    });
    expect(readPlanListQuery(undefined, '-1').page).toBe(1);
    expect(readPlanListQuery(undefined, 'abc').page).toBe(1);
    expect(readPlanListQuery(undefined, '9'.repeat(10_000)).page).toBe(1_000_000);
    const long = readPlanListQuery('x'.repeat(10_000), undefined);
    expect([long.text.length, long.shortened]).toEqual([100, true]);
    expect(readPlanListQuery('a b c d e f g h i j', undefined).terms).toHaveLength(8);
  });

  it('links the first, the last and two pages either side of the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 35)).toEqual([1, null, 3, 4, 5, 6, 7, null, 35]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
    expect(planListHref('', 1)).toBe('/');
    expect(planListHref('市町村 01', 3)).toBe('/?q=%E5%B8%82%E7%94%BA%E6%9D%91+01&page=3');
  });

  it('gives each page of the list its own file in a static site', () => {
    const from = { path: '/', lang: 'ja' as const, edition: null };
    const second = addressOf('/?page=2', from);
    expect(second).not.toBeNull();
    if (!second) return;
    expect(addressKey(second)).not.toBe(addressKey(from));
    expect(requestPath(second)).toBe('/?page=2');
    expect(fileOf(second, true)).toBe('page-2/index.html');
    const english = addressOf('/?page=2&lang=en', from);
    expect(english && fileOf(english, true)).toBe('en/page-2/index.html');
    const first = addressOf('/?page=1', from);
    expect(first && addressKey(first)).toBe(addressKey(from));
  });
});
