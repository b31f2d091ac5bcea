import type * as Echarts from 'echarts';
import type { DecimalString } from '../core/decimal.ts';
import { CHART_FONT, echarts } from './chart.ts';

/** One municipality's bar: its compared figure, and whether it is the one the reader asked about. */
export interface IndicatorBar {
  readonly value: DecimalString;
  readonly highlighted: boolean;
}

export interface IndicatorChartWords {
  /** 「中央値 12.3」 */
  readonly median: string;
  /** The highlighted municipality's label over its bar: 「北本市 3位」. */
  readonly highlight: string | null;
  /** The value axis's name: 「1,000人当たり（人）」. */
  readonly axis: string;
}

const BAR = '#9aa9c2';
/**
 * Bars drawn at most: a nation's 1,700 bars cost seconds to draw and show no more than 200 evenly spaced
 * ranks do at a page's width; the highlighted one is always among them.
 */
export const MOST_BARS = 200;

/** Evenly spaced ranks, best and worst included, and the highlighted bar wherever it falls. */
export function thinnedBars(bars: readonly IndicatorBar[]): IndicatorBar[] {
  if (bars.length <= MOST_BARS) return [...bars];
  const last = bars.length - 1;
  const picked = new Set<number>();
  for (let i = 0; i < MOST_BARS; i++) picked.add(Math.round((i * last) / (MOST_BARS - 1)));
  bars.forEach((bar, i) => {
    if (bar.highlighted) picked.add(i);
  });
  return [...picked].sort((a, b) => a - b).flatMap((i) => bars[i] ?? []);
}
const HIGHLIGHT = '#b3381f';

/**
 * The comparison at a glance: every ranked municipality's bar, best first, the median as a dashed line
 * and the highlighted one in another colour with its name (so it is told by label, not colour alone).
 * The page's table is the text alternative; the figures here are drawn, never read back.
 */
export function indicatorChartSvg(
  bars: readonly IndicatorBar[],
  median: DecimalString,
  words: IndicatorChartWords,
  width: number,
): string {
  const height = 260;
  const drawn = thinnedBars(bars);
  const data: Echarts.BarSeriesOption['data'] = drawn.map((bar) => ({
    value: Number(bar.value),
    itemStyle: { color: bar.highlighted ? HIGHLIGHT : BAR },
    ...(bar.highlighted && words.highlight !== null
      ? {
          label: {
            show: true,
            position: 'top' as const,
            formatter: words.highlight,
            color: HIGHLIGHT,
            fontWeight: 'bold' as const,
            fontSize: 12,
          },
        }
      : {}),
  }));
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: '#222' },
    grid: { left: 56, right: width < 480 ? 16 : 32, top: 64, bottom: 24 },
    xAxis: {
      type: 'category',
      data: drawn.map((_, i) => String(i + 1)),
      axisLabel: { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      name: words.axis,
      nameGap: 30,
      nameTextStyle: { color: '#222', fontSize: 12, align: 'left' },
      axisLabel: { color: '#222' },
    },
    series: [
      {
        type: 'bar',
        data,
        barCategoryGap: drawn.length > 60 ? '0%' : '20%',
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#111', type: 'dashed', width: 1.5 },
          label: { formatter: words.median, position: 'insideEndTop', color: '#111', fontSize: 12 },
          data: [{ yAxis: Number(median) }],
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
