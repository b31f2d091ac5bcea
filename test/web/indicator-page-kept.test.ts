import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { compareIndicator, type IndicatorFigure } from '../../src/core/indicator-comparison.ts';
import { indicatorByCode } from '../../src/core/indicators.ts';
import type { Lang } from '../../src/core/language.ts';
import type { IndicatorComparison, IndicatorRow } from '../../src/web/queries/indicator-comparison.ts';
import { IndicatorPage } from '../../src/web/routes/public/indicator-page.tsx';
import { KeptParts } from '../../src/web/routes/public/kept-parts.ts';

const found = indicatorByCode('total-fertility-rate');
if (!found) throw new Error('the indicator list lost total-fertility-rate');
const indicator = found;
const d = (text: string) => text as DecimalString;

/** 300 plans of 280 municipalities (some with two plans), a series label on some, a few without a figure. */
function comparison(): IndicatorComparison {
  const figures: IndicatorFigure<IndicatorRow>[] = Array.from({ length: 300 }, (_, i) => ({
    item: {
      slug: `plan-${i}`,
      edition: 1,
      planTitle: `総合戦略 ${i}`,
      municipality: `市町村${i % 280}`,
      municipalityCode: String(100000 + (i % 280)),
      kpiId: 'k1',
      kpiName: '合計特殊出生率',
      english: { planTitle: i % 2 ? 'Strategy' : null, municipality: null, kpiName: null },
      unit: null,
      printed: null,
      population: { value: d(String(10000 + i * 37)), year: 2020 },
      status: 'achieved',
      progress: i % 4 ? d('85.3') : null,
    },
    label: i % 9 ? null : '男性',
    entry: i % 11 ? { kind: 'value', value: d((1 + (i % 97) / 100).toFixed(2)) } : null,
    unit: null,
    cumulative: false,
    population: { value: d(String(10000 + i * 37)), year: 2020 },
  }));
  return {
    indicator: indicator.code,
    year: 2022,
    prefecture: null,
    groups: compareIndicator(indicator, figures),
  };
}

async function page(kept: IndicatorComparison, lang: Lang, highlight: string | null): Promise<string> {
  const element = jsx(IndicatorPage, {
    lang,
    indicator: indicator,
    choices: { prefecture: null, year: null, highlight },
    years: [2022],
    year: 2022,
    comparison: kept,
    problems: [],
  });
  return String(await element.toString());
}

describe('a comparable-KPI page drawn from the parts kept beside its comparison', () => {
  it('is the page drawn afresh, whatever was asked before it', async () => {
    const kept = comparison();
    // Highlights in turn, repeated, in both languages; 100010 has two plans, 100279 one, 999999 none.
    const asked: [Lang, string | null][] = [
      ['ja', null],
      ['ja', '100010'],
      ['en', '100010'],
      ['ja', '100279'],
      ['ja', '999999'],
      ['ja', null],
      ['ja', '100010'],
      ['en', null],
    ];
    for (const [lang, highlight] of asked) {
      expect(await page(kept, lang, highlight)).toBe(await page(comparison(), lang, highlight));
    }
  });

  it('marks the highlighted rows and no other', async () => {
    const kept = comparison();
    await page(kept, 'ja', null);
    const html = await page(kept, 'ja', '100010');
    expect(html.match(/<tr class="highlighted">/g)).toHaveLength(2);
    expect((await page(kept, 'ja', null)).includes('<tr class="highlighted">')).toBe(false);
  });
});

describe('KeptParts', () => {
  it('makes a part once per value and key, and lets the one used longest ago go past its budget', () => {
    const parts = new KeptParts<string>(4, (text) => text.length);
    const owner = {};
    let made = 0;
    const make = (text: string) => () => {
      made++;
      return text;
    };
    expect(parts.get(owner, 'a', make('AA'))).toBe('AA');
    expect(parts.get(owner, 'a', make('other'))).toBe('AA');
    parts.get(owner, 'b', make('BB'));
    parts.get(owner, 'a', make('AA again'));
    parts.get(owner, 'c', make('CC'));
    expect(made).toBe(3);
    expect(parts.bytes).toBe(4);
    // 'b' was used longest ago, so it went; 'a' stayed.
    expect(parts.get(owner, 'a', make('AA anew'))).toBe('AA');
    expect(parts.get(owner, 'b', make('BB anew'))).toBe('BB anew');
    // Another value never gets this one's parts, though its key is the same.
    expect(parts.get({}, 'a', make('another value'))).toBe('another value');
  });

  it('keeps no part over the whole budget, and stays within it', () => {
    const parts = new KeptParts<string>(4, (text) => text.length);
    const owner = {};
    parts.get(owner, 'small', () => 'ab');
    expect(parts.get(owner, 'large', () => 'abcdefgh')).toBe('abcdefgh');
    expect(parts.bytes).toBe(2);
    expect(parts.get(owner, 'large', () => 'drawn again')).toBe('drawn again');
    for (let i = 0; i < 50; i++) parts.get(owner, `k${i}`, () => 'xyz');
    expect(parts.bytes).toBeLessThanOrEqual(4);
  });
});
