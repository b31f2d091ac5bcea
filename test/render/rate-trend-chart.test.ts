import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { legendRows, rateTrendSvg, TREND_CHART_WIDTH } from '../../src/render/rate-trend-chart.ts';

const d = (text: string) => text as DecimalString;
const lines = [
  { name: '全体', rates: [d('26.7'), d('50.0')], overall: true },
  { name: '基本目標 1', rates: [d('0.0'), null], overall: false },
  { name: '基本目標 2', rates: [d('50.0'), d('62.5')], overall: false },
];

describe('the rates’ trend chart', () => {
  it('prints the overall figures only, as the pages print rates, and names every line in the legend', () => {
    const svg = rateTrendSvg([2022, 2023], lines);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(
      expect.arrayContaining(['26.7%', '50%', 'R4', 'R5', '全体', '基本目標 1', '基本目標 2']),
    );
    // No goal's figure is printed beside its point, so no label can collide with another.
    expect(texts).not.toContain('62.5%');
  });

  it('wraps the legend onto more rows when narrow, and grows by them rather than shrinking the plot', () => {
    const many = Array.from({ length: 7 }, (_, i) => `横断的な目標 ${i + 1}`);
    expect(legendRows(['全体'], TREND_CHART_WIDTH.wide)).toBe(1);
    const wide = legendRows(many, TREND_CHART_WIDTH.wide);
    const narrow = legendRows(many, TREND_CHART_WIDTH.narrow);
    expect(narrow).toBeGreaterThan(wide);
    const height = (svg: string) => Number(/<svg[^>]*height="(\d+)"/.exec(svg)?.[1]);
    const named = many.map((name, i) => ({ name, rates: [d(String(i))], overall: i === 0 }));
    expect(
      height(rateTrendSvg([2022], named, TREND_CHART_WIDTH.narrow)) - height(rateTrendSvg([2022], named)),
    ).toBe((narrow - wide) * 22);
  });
});
