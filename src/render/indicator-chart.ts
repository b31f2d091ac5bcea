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
  const data: Echarts.BarSeriesOption['data'] = bars.map((bar) => ({
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
      data: bars.map((_, i) => String(i + 1)),
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
        barCategoryGap: bars.length > 60 ? '0%' : '20%',
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
