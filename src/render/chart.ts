import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type { Evaluation, KpiResult } from '../core/evaluation.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { NO_FIGURE } from '../core/format.ts';
import { baselineText, entryText, targetText } from './target-text.ts';
import type { Messages } from './messages.ts';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export const CHART_SIZE: ChartSize = { width: 640, height: 320 };
export const CHART_FONT = "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

interface ChartWords {
  actual: string;
  path: string;
  projection: string;
  target: string;
  baseline: string;
}

const WORDS: Record<Messages['lang'], ChartWords> = {
  ja: {
    actual: '実績値',
    path: '目標への経路',
    projection: '推計（最小二乗法）',
    target: '目標値',
    baseline: '現状値',
  },
  en: {
    actual: 'Actual',
    path: 'Path to target',
    projection: 'Projection (least squares)',
    target: 'Target',
    baseline: 'Baseline',
  },
};

/**
 * ECharts is the largest library a server holds (about 75 MB resident) and only a KPI page or a report
 * draws a chart, so it is loaded on the first chart, not with the server; synchronously, as a chart is.
 */
let loaded: typeof Echarts | null = null;
export function echarts(): typeof Echarts {
  loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts;
  return loaded;
}

/** Figures leave exact decimals only here, to be drawn; nothing computed is read back from a chart. */
const toNumber = (value: string): number => Number(value);

/**
 * One KPI's chart as SVG: actuals over the years, the baseline and target, the straight path between
 * them and, where there are enough points, the least-squares projection. Lines differ by dash and
 * marker as well as colour, so no series is told apart by colour alone.
 */
export function kpiChartSvg(
  kpi: KpiResult,
  evaluation: Evaluation,
  messages: Messages,
  size: ChartSize = CHART_SIZE,
  options: { readonly title: boolean } = { title: true },
): string {
  const words = WORDS[messages.lang];
  const firstYear = Math.min(
    ...kpi.series.map((s) => s.baseline?.span?.from ?? evaluation.plan.period.from - 1),
    ...kpi.series.flatMap((s) => s.history.filter((h) => h.entry?.kind === 'value').map((h) => h.year)),
  );
  const lastYear = Math.max(...kpi.series.map((s) => s.target.year), evaluation.year);
  const years: FiscalYear[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  const at = (year: FiscalYear) => years.indexOf(year);

  const palette = ['#1f4e99', '#b3381f', '#1d6b3a', '#6b3fa0'];
  const series: Echarts.SeriesOption[] = [];
  kpi.series.forEach((s, i) => {
    const color = palette[i % palette.length];
    const suffix = s.label ? `（${s.label}）` : '';
    const actualData = years.map((y) => {
      const entry = s.history.find((h) => h.year === y)?.entry;
      return entry?.kind === 'value' ? toNumber(entry.value) : null;
    });
    series.push({
      name: words.actual + suffix,
      type: 'line',
      data: actualData,
      connectNulls: true,
      symbol: i % 2 === 0 ? 'circle' : 'triangle',
      symbolSize: 8,
      lineStyle: { color, width: 2.5, type: 'solid' },
      itemStyle: { color },
      label: { show: true, position: 'top', fontSize: 11, color: '#222' },
    });
    const pathData: (number | null)[] = years.map(() => null);
    const baseYear = s.baseline?.span?.to ?? evaluation.plan.period.from - 1;
    if (s.baseline && at(baseYear) >= 0) pathData[at(baseYear)] = toNumber(s.baseline.value);
    if (at(s.target.year) >= 0 && !s.target.none) pathData[at(s.target.year)] = toNumber(s.target.value);
    series.push({
      name: words.path + suffix,
      type: 'line',
      data: pathData,
      connectNulls: true,
      symbol: 'diamond',
      symbolSize: 7,
      lineStyle: { color, width: 1.5, type: 'dashed', opacity: 0.8 },
      itemStyle: { color },
    });
    const projection = s.trajectory.projection;
    if (projection) {
      const last = [...s.history]
        .reverse()
        .find((h) => h.entry?.kind === 'value' && h.year <= evaluation.year);
      const projData: (number | null)[] = years.map(() => null);
      if (last?.entry?.kind === 'value') projData[at(last.year)] = toNumber(last.entry.value);
      projData[at(s.target.year)] = toNumber(projection.value);
      series.push({
        name: words.projection + suffix,
        type: 'line',
        data: projData,
        connectNulls: true,
        symbol: 'rect',
        symbolSize: 6,
        lineStyle: { color, width: 1.5, type: 'dotted' },
        itemStyle: { color },
      });
    }
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
    title: {
      show: options.title,
      text: kpi.name,
      left: 8,
      top: 4,
      textStyle: { fontSize: 14, fontWeight: 'bold', color: '#111' },
    },
    legend: { bottom: 4, textStyle: { fontSize: 11, color: '#222' } },
    grid: { left: 64, right: 24, top: options.title ? 64 : 40, bottom: 64 },
    xAxis: { type: 'category', data: years.map(formatFiscalYear), axisLabel: { color: '#222' } },
    yAxis: {
      type: 'value',
      scale: true,
      name: kpi.unit ?? '',
      axisLabel: { color: '#222' },
      nameTextStyle: { color: '#222' },
    },
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The chart's text alternative: what the chart shows, in words, for screen readers and alt text. */
export function kpiChartDescription(kpi: KpiResult, messages: Messages): string {
  const words = WORDS[messages.lang];
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
