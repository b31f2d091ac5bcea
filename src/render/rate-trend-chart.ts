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

/** The chart for a wide page, and the one a phone shows instead, drawn at its own size so text stays legible. */
export const TREND_CHART_WIDTH = { wide: 640, narrow: 360 } as const;
/** The plot's own height; the legend's rows are added below it. */
const PLOT_HEIGHT = 240;
const LEGEND_ROW = 22;
const LEGEND_FONT = 12;
const LEGEND_GAP = 16;
/** The legend's marker and the space before its text. */
const LEGEND_ICON = 25 + 5;

const PALETTE = ['#1f4e99', '#b3381f', '#1d6b3a', '#6b3fa0', '#7a5200', '#0b6e75', '#8a1f5c', '#3d3d3d'];
const SYMBOLS = ['rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'];
const DASHES = ['dashed', 'dotted'] as const;

/** Figures leave exact decimals only here, to be drawn; nothing computed is read back from a chart. */
const toNumber = (rate: DecimalString | null): number | null => (rate === null ? null : Number(rate));

/** A text's width in the legend: CJK characters are a full em, others about 0.6 of one. */
const textWidth = (text: string): number =>
  [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) <= 0x24f ? 0.6 : 1) * LEGEND_FONT, 0);

/** How many rows the legend wraps to at this width, as ECharts lays it out (items left to right). */
export function legendRows(names: readonly string[], width: number): number {
  const room = width - 2 * LEGEND_GAP;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = LEGEND_ICON + textWidth(name);
    if (used > 0 && used + LEGEND_GAP + item > room) {
      rows++;
      used = item;
    } else {
      used += (used > 0 ? LEGEND_GAP : 0) + item;
    }
  }
  return rows;
}

/**
 * The achievement rates over the plan's published years as SVG, drawn on the server by ECharts: the
 * overall rate as a thick line with its figures, each goal's as a thinner line told apart by marker and
 * dash as well as colour. The axis runs 0–100% so years and goals compare at one scale.
 */
export function rateTrendSvg(
  years: readonly FiscalYear[],
  lines: readonly TrendLine[],
  width: number = TREND_CHART_WIDTH.wide,
): string {
  const rows = legendRows(
    lines.map((l) => l.name),
    width,
  );
  const bottom = 36 + rows * LEGEND_ROW;
  const size: ChartSize = { width, height: 36 + PLOT_HEIGHT + bottom };
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
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: '#222' },
    legend: {
      bottom: 4,
      left: LEGEND_GAP,
      right: LEGEND_GAP,
      itemGap: LEGEND_GAP,
      itemHeight: 12,
      textStyle: { fontSize: LEGEND_FONT, color: '#222' },
    },
    grid: { left: 48, right: width < 480 ? 20 : 32, top: 36, bottom },
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
