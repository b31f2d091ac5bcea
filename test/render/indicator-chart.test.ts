import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { indicatorChartSvg, MOST_BARS, thinnedBars } from '../../src/render/indicator-chart.ts';

const bars = (n: number, highlighted: number) =>
  Array.from({ length: n }, (_, i) => ({
    value: String(n - i) as DecimalString,
    highlighted: i === highlighted,
  }));

describe('indicator chart', () => {
  it('draws every bar of a small comparison, and evenly spaced ranks of a large one with the highlighted', () => {
    expect(thinnedBars(bars(30, 3))).toHaveLength(30);
    const thinned = thinnedBars(bars(1741, 1000));
    expect(thinned.length).toBeLessThanOrEqual(MOST_BARS + 1);
    expect(thinned[0]?.value).toBe('1741');
    expect(thinned.at(-1)?.value).toBe('1');
    expect(thinned.filter((b) => b.highlighted)).toHaveLength(1);
    // Still best first.
    const values = thinned.map((b) => Number(b.value));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });

  it('names the highlighted municipality and the median in the drawing', () => {
    const svg = indicatorChartSvg(
      bars(1741, 5),
      '870' as DecimalString,
      {
        median: '中央値 870',
        highlight: '北本市 6位',
        axis: '人口1,000人当たり（人）',
      },
      880,
    );
    expect(svg).toContain('北本市 6位');
    expect(svg).toContain('中央値 870');
    expect(svg.match(/<path d="M[^"]*Z" fill="#b3381f"/g)).toHaveLength(1);
  });
});
