import type * as Echarts from 'echarts';
import type { DecimalString } from '../core/decimal.ts';
import { formatRate } from '../core/format.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { CHART_FONT, echarts, type ChartSize } from './chart.ts';

/** One line of the trend: the plan's overall rate or a goal's, one rate per year (null: nothing evaluated). */
export interface TrendLine {
  readonly name: string;
  readonly rates: readonly (DecimalString | null)[];
  /** The overall line: drawn thicker, and the only one with its figures printed, so no labels collide. */
  readonly overall: boolean;
}

export const TREND_CHART_SIZE: ChartSize = { width: 640, height: 340 };

const PALETTE = ['#1f4e99', '#b3381f', '#1d6b3a', '#6b3fa0', '#7a5200', '#0b6e75', '#8a1f5c', '#3d3d3d'];
const SYMBOLS = ['rect', 'triangle', 'diamond', 'pin', 'roundRect', 'arrow'];
const DASHES = ['dashed', 'dotted'] as const;

/** Figures leave exact decimals only here, to be drawn; nothing computed is read back from a chart. */
const toNumber = (rate: DecimalString | null): number | null => (rate === null ? null : Number(rate));

/**
 * The achievement rates over the plan's published years as SVG, drawn on the server by ECharts: the
 * overall rate as a thick line with its figures, each goal's as a thinner line told apart by marker and
 * dash as well as colour. The axis runs 0–100% so years and goals compare at one scale.
 */
export function rateTrendSvg(
  years: readonly FiscalYear[],
  lines: readonly TrendLine[],
  size: ChartSize = TREND_CHART_SIZE,
): string {
  let goal = 0;
  const series: Echarts.SeriesOption[] = lines.map((line) => {
    if (line.overall) {
      return {
        name: line.name,
        type: 'line',
        data: line.rates.map(toNumber),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 10,
        z: 10,
        lineStyle: { color: '#111', width: 3.5, type: 'solid' },
        itemStyle: { color: '#111' },
        label: {
          show: true,
          position: 'top',
          distance: 8,
          fontSize: 13,
          fontWeight: 'bold',
          color: '#111',
          formatter: (p: { dataIndex: number }) => formatRate(line.rates[p.dataIndex] ?? null),
        },
      };
    }
    const i = goal++;
    const color = PALETTE[i % PALETTE.length];
    return {
      name: line.name,
      type: 'line',
      data: line.rates.map(toNumber),
      connectNulls: false,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 8,
      lineStyle: { color, width: 2, type: DASHES[i % DASHES.length] },
      itemStyle: { color },
    };
  });
  const chart = echarts().init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  const legendRows = Math.ceil(lines.length / 4);
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: '#222' },
    legend: { bottom: 4, itemGap: 16, textStyle: { fontSize: 12, color: '#222' } },
    grid: { left: 56, right: 32, top: 36, bottom: 40 + legendRows * 24 },
    xAxis: {
      type: 'category',
      data: years.map(formatFiscalYear),
      boundaryGap: true,
      axisLabel: { color: '#222', fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { color: '#222', formatter: '{value}%' },
    },
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
