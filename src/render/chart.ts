import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type { Evaluation, KpiResult } from '../core/evaluation.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import { kpiChartModel, type ChartLine } from './chart-model.ts';
import { NO_FIGURE } from '../core/format.ts';
import { baselineText, entryText, targetText } from './target-text.ts';
import type { Messages } from './messages.ts';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export const CHART_SIZE: ChartSize = { width: 640, height: 320 };
export const CHART_FONT = "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

/**
 * ECharts is the largest library a server holds (about 75 MB resident) and only a KPI page or a report
 * draws a chart, so it is loaded on the first chart, not with the server; synchronously, as a chart is.
 */
let loaded: typeof Echarts | null = null;
export function echarts(): typeof Echarts {
  loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts;
  return loaded;
}

const PALETTE = ['#1f4e99', '#b3381f', '#1d6b3a', '#6b3fa0'];
const SYMBOLS = ['circle', 'triangle'];

/** Legend keys for the lines without markers: a short dash or dot, as the line itself is drawn. */
const LEGEND_ICON: Partial<Record<ChartLine['role'], string>> = {
  path: 'path://M0,4h5v2h-5zM7,4h5v2h-5zM14,4h5v2h-5z',
  projection: 'path://M0,4h2v2h-2zM4,4h2v2h-2zM8,4h2v2h-2zM12,4h2v2h-2zM16,4h2v2h-2z',
};

function legendData(lines: readonly ChartLine[]): { name: string; icon?: string }[] {
  const seen = new Set<string>();
  return lines.flatMap((line) => {
    if (seen.has(line.name)) return [];
    seen.add(line.name);
    const icon = LEGEND_ICON[line.role];
    return [icon ? { name: line.name, icon } : { name: line.name }];
  });
}

/** How each kind of line is drawn: dash and marker as well as colour, so none is told by colour alone. */
function seriesOption(line: ChartLine): Echarts.SeriesOption {
  const color = PALETTE[line.series % PALETTE.length];
  const data = line.points.map((p) => (p === null ? null : p.value));
  const texts = line.points.map((p) => p?.text ?? '');
  const formatter = (p: { dataIndex: number }) => texts[p.dataIndex] ?? '';
  const common = { name: line.name, type: 'line' as const, data, connectNulls: true, itemStyle: { color } };
  switch (line.role) {
    case 'actual':
      return {
        ...common,
        symbol: SYMBOLS[line.series % SYMBOLS.length],
        symbolSize: 8,
        z: 4,
        lineStyle: { color, width: 2.5, type: 'solid' },
        label: {
          show: true,
          position: line.label === 'below' ? 'bottom' : 'top',
          distance: 6,
          fontSize: 11,
          color: '#222',
          formatter,
        },
        labelLayout: { hideOverlap: true },
      };
    case 'path':
      return {
        ...common,
        symbol: 'none',
        lineStyle: { color, width: 1.5, type: 'dashed', opacity: 0.8 },
      };
    case 'projection':
      return {
        ...common,
        symbol: 'none',
        lineStyle: { color, width: 1.5, type: 'dotted' },
      };
    case 'baseline':
    case 'target':
      // The marks carry their name and figure on the chart itself, boxed so they read over any line.
      return {
        ...common,
        symbol: line.role === 'baseline' ? 'rect' : 'diamond',
        symbolSize: 11,
        z: 5,
        lineStyle: { width: 0 },
        label: {
          show: line.label !== null,
          position: line.label === 'below' ? 'bottom' : 'top',
          // The baseline opens the axis and the target closes it: each label reaches inwards, off the axis.
          align: line.role === 'baseline' ? 'left' : 'right',
          offset: line.role === 'baseline' ? [-6, 0] : [6, 0],
          distance: 8,
          fontSize: 11,
          fontWeight: 'bold',
          color: '#111',
          backgroundColor: '#ffffff',
          borderColor: color,
          borderWidth: 1,
          padding: [3, 8],
          formatter,
        },
        labelLayout: { moveOverlap: 'shiftY' },
      };
  }
}

/**
 * One KPI's chart as SVG, drawn from its model (chart-model.ts): actuals over the years, the baseline
 * and target marked and named, the straight path between them and, where there are enough points, the
 * least-squares projection. The grid keeps its labels inside and the category axis leaves a half band
 * at each end, so no label meets an axis; labels that would still overlap another are moved or hidden.
 */
export function kpiChartSvg(
  kpi: KpiResult,
  evaluation: Evaluation,
  messages: Messages,
  size: ChartSize = CHART_SIZE,
  options: { readonly title: boolean } = { title: true },
): string {
  const model = kpiChartModel(kpi, evaluation, messages);
  const chart = echarts().init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  const noteHeight = model.notes.length * 16;
  const legend = legendData(model.lines);
  const legendRows = Math.ceil(legend.length / 4);
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: '#222' },
    title: [
      {
        show: options.title,
        text: kpi.name,
        left: 8,
        top: 4,
        textStyle: { fontSize: 14, fontWeight: 'bold', color: '#111' },
      },
      ...model.notes.map((note, k) => ({
        text: note,
        left: 8,
        bottom: 4 + legendRows * 20 + k * 16,
        textStyle: { fontSize: 10, fontWeight: 'normal', color: '#333' },
      })),
    ],
    legend: { data: legend, bottom: 4, itemGap: 12, textStyle: { fontSize: 11, color: '#222' } },
    grid: {
      left: 16,
      right: 32,
      top: options.title ? 56 : 36,
      bottom: 24 + legendRows * 20 + noteHeight,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      data: model.categories,
      boundaryGap: true,
      // Every year is labelled while the labels fit side by side; a long plan lets ECharts skip some.
      axisLabel: { color: '#222', interval: model.categories.length <= 16 ? 0 : 'auto', margin: 10 },
    },
    yAxis: {
      type: 'value',
      min: model.axis.min,
      max: model.axis.max,
      interval: model.axis.step,
      name: model.unit ?? '',
      nameGap: 16,
      axisLabel: { color: '#222', formatter: (v: number) => axisNumber(v, model.axis.places) },
      nameTextStyle: { color: '#222', align: 'left' },
    },
    series: model.lines.map(seriesOption),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * The y-axis's ticks are round steps of the model's axis, not figures of the plan: they are written
 * with the step's places and grouped (254,000).
 */
function axisNumber(value: number, places: number): string {
  const [integer = '', fraction] = Math.abs(value).toFixed(places).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return (value < 0 ? '-' : '') + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** The chart's text alternative: what the chart shows, in words, for screen readers and alt text. */
export function kpiChartDescription(kpi: KpiResult, messages: Messages): string {
  const words = messages.chart;
  const [colon, comma, between] = messages.lang === 'ja' ? ['：', '、', '／'] : [': ', ', ', ' / '];
  return kpi.series
    .map((s) => {
      const unit = s.unit;
      const years = s.history
        .filter((h) => h.entry !== null)
        .map((h) => `${formatFiscalYear(h.year)} ${entryText(h.entry, unit, messages)}`)
        .join(comma);
      const label = s.label ? `${s.label}${colon}` : '';
      const target = s.target.none
        ? targetText(s.target, unit, messages)
        : `${targetText(s.target, unit, messages)} (${formatFiscalYear(s.target.year)})`;
      return `${label}${words.baseline} ${baselineText(s.baseline, unit, messages)}${comma}${words.target} ${target}${comma}${words.actual} ${years || NO_FIGURE}`;
    })
    .join(between);
}
