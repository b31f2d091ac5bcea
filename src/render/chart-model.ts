import { dec, decimalPlacesOf, roundTo, type DecimalString } from '../core/decimal.ts';
import type { Evaluation, KpiResult, SeriesResult } from '../core/evaluation.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { formatFigure, formatNumber, withSeriesLabel } from '../core/format.ts';
import { baselineYear } from '../core/plan.ts';
import { MIN_PROJECTION_POINTS } from '../core/trajectory.ts';
import type { Messages } from './messages.ts';
import { baselineText, targetText } from './target-text.ts';

/** A point drawn: where it sits (a number, for the drawing only) and the text its label shows. */
export interface ChartPoint {
  readonly value: number;
  readonly text: string;
  /** The figure within the text (431.5 in 基準値 431.5 (H30)), formatted from the plan's decimal. */
  readonly figure: string;
}

export type ChartLineRole = 'actual' | 'path' | 'projection' | 'baseline' | 'target';

/** One line of the chart: a value or nothing for each category, in the categories' order. */
export interface ChartLine {
  readonly role: ChartLineRole;
  readonly name: string;
  /** The KPI's series the line belongs to (男性, 女性): it picks the colour and the marker. */
  readonly series: number;
  readonly points: readonly (ChartPoint | null)[];
  /**
   * Where each point's text is shown, if it is: the actuals' above their points; the baseline's and the
   * target's on the side away from the path between them, so the path never runs through them.
   */
  readonly label: 'above' | 'below' | null;
}

/**
 * Everything a KPI's chart shows, for every renderer (ECharts for the web, HTML, PDF and Excel; the
 * native PowerPoint chart), so that they cannot disagree: the same years, points and label texts.
 */
export interface ChartModel {
  readonly years: readonly FiscalYear[];
  /** The x-axis: every year from the earliest baseline to the last target, one category each. */
  readonly categories: readonly string[];
  readonly unit: string | null;
  /** Decimal places of the figures as the plan writes them: the labels' and the number format's. */
  readonly places: number;
  readonly lines: readonly ChartLine[];
  /** The value axis, the same in every renderer: round bounds around every point, with room for labels. */
  readonly axis: ValueAxis;
  /** Said on the chart itself: where the evaluation assumes the baseline's year. */
  readonly notes: readonly string[];
  /** Said beside the chart: each series's pace against the path, and where this pace leads. */
  readonly statements: readonly string[];
}

export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Decimal places of the step, for the axis's number format. */
  readonly places: number;
}

/** The round step (1, 2, 2.5 or 5 times a power of ten) nearest above a fifth of the range. */
function roundStep(range: number): number {
  const rough = range / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10;
  return step * power;
}

/**
 * Bounds for the value axis: every point inside with a fifth of the range to spare above and below for
 * the labels, on round steps no finer than the figures' places; zero is kept as a bound where the
 * figures come near it. These numbers
 * only place ticks on a drawing; no figure of the report is read from them.
 */
export function valueAxis(values: readonly number[], figurePlaces = 0): ValueAxis {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const range = high - low || Math.abs(high) || 1;
  // Never finer than the figures themselves: counts of people step by whole numbers at least.
  const step = Math.max(roundStep(range * 1.4), 10 ** -figurePlaces);
  let min = Math.floor((low - range * 0.2) / step) * step;
  const max = Math.ceil((high + range * 0.2) / step) * step;
  if (low >= 0 && min < 0) min = 0;
  const places = Math.max(
    0,
    -Math.floor(Math.log10(step) + 1e-9) + (step / 10 ** Math.floor(Math.log10(step)) === 2.5 ? 1 : 0),
  );
  const fix = (n: number) => Number(n.toFixed(places));
  return { min: fix(min), max: fix(max), step: fix(step), places };
}

/** The share of the axis's height a label needs beside its point. */
const LABEL_ROOM = 0.1;

/**
 * A mark's label turned to the other side where its own side has no room before the axis ends: a
 * baseline of 0 on an axis starting at 0 is labelled above, not over the years below it.
 */
function clearOfAxis(line: ChartLine, axis: ValueAxis): ChartLine {
  if (line.role !== 'baseline' && line.role !== 'target') return line;
  const point = line.points.find((p) => p !== null);
  if (!point || line.label === null) return line;
  const room = (axis.max - axis.min) * LABEL_ROOM;
  if (line.label === 'below' && point.value - axis.min < room) return { ...line, label: 'above' };
  if (line.label === 'above' && axis.max - point.value < room) return { ...line, label: 'below' };
  return line;
}

/** Figures leave exact decimals only here, to be drawn; every text is formatted from the decimal. */
const drawn = (value: DecimalString): number => Number(value);

const valueOf = (s: SeriesResult, year: FiscalYear): DecimalString | null => {
  const entry = s.history.find((h) => h.year === year)?.entry;
  return entry?.kind === 'value' ? entry.value : null;
};

const actualYears = (s: SeriesResult): FiscalYear[] =>
  s.history.filter((h) => h.entry?.kind === 'value').map((h) => h.year);

/** The places a series's figures are written with: the most any of its baseline, target or actuals has. */
function seriesPlaces(s: SeriesResult): number {
  const values: DecimalString[] = [s.target.value];
  if (s.baseline) values.push(s.baseline.value);
  for (const h of s.history) if (h.entry?.kind === 'value') values.push(h.entry.value);
  return Math.max(0, ...values.map(decimalPlacesOf));
}

/** A computed figure (the projection, the point on the path) in the KPI's own decimals. */
const atPlaces = (value: DecimalString, places: number): string =>
  formatNumber(roundTo(dec(value), places, 'half-up'));

/**
 * The chart's model. The baseline stands at the year the evaluation takes for it (core/plan.ts
 * baselineYear): the end of its span (H30～R2平均値 at R2), or, where the plan gives it no year, the year
 * before the plan, which the chart then says in words. The axis runs from the earliest baseline year to
 * the last target year, every year a category, years without figures left blank.
 */
export function kpiChartModel(kpi: KpiResult, evaluation: Evaluation, messages: Messages): ChartModel {
  const words = messages.chart;
  const plan = evaluation.plan;
  const starts = kpi.series.map((s) => baselineYear(plan, s.baseline));
  const first = Math.min(...starts, ...kpi.series.flatMap(actualYears));
  const last = Math.max(
    ...kpi.series.map((s) => (s.target.none ? plan.period.to : s.target.year)),
    ...kpi.series.flatMap(actualYears),
  );
  const years: FiscalYear[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  const blank = (): (ChartPoint | null)[] => years.map(() => null);
  const at = (year: FiscalYear): number => years.indexOf(year);
  const places = Math.max(0, ...kpi.series.map(seriesPlaces));

  const lines: ChartLine[] = [];
  const notes = new Set<string>();
  const shown = new Set<string>();
  const statements: string[] = [];
  kpi.series.forEach((s, i) => {
    const suffix = s.label ? (messages.lang === 'ja' ? `（${s.label}）` : ` (${s.label})`) : '';
    const sPlaces = seriesPlaces(s);
    const start = starts[i] ?? first;
    // An actual in the baseline's own year, below the baseline: the actuals' labels go below their
    // points and the baseline's above, so neither label lands on the other's mark.
    const sameYear = valueOf(s, start);
    const underBaseline = s.baseline !== null && sameYear !== null && dec(sameYear).lt(dec(s.baseline.value));
    lines.push({
      role: 'actual',
      name: words.actual + suffix,
      series: i,
      label: underBaseline ? 'below' : 'above',
      points: years.map((year) => {
        const value = valueOf(s, year);
        if (value === null) return null;
        return { value: drawn(value), text: formatNumber(value), figure: formatNumber(value) };
      }),
    });

    const baseline = blank();
    if (s.baseline) {
      const figure = baselineText(s.baseline, null, messages);
      baseline[at(start)] = {
        value: drawn(s.baseline.value),
        text: words.baselineMark(figure),
        figure: formatNumber(s.baseline.value),
      };
      if (!s.baseline.span && s.baseline.label === undefined) notes.add(words.baselineYearAssumed(start));
    }
    const target = blank();
    // A target in words (減少, 維持) has no figure of its own: the value it carries is the baseline's, so
    // it is said in words on the chart rather than drawn as a point or reached by a path.
    const numeric = !s.target.none && s.target.word === undefined;
    if (s.target.word !== undefined && !s.target.none) {
      const text = words.targetWords(targetText(s.target, s.unit, messages), s.target.year);
      notes.add(seriesText(s.label, text, messages));
    }
    if (numeric) {
      const figure = targetText(s.target, null, messages);
      target[at(s.target.year)] = {
        value: drawn(s.target.value),
        text: words.targetMark(figure),
        figure: formatNumber(s.target.value),
      };
    }
    const path = years.map((_, k) => baseline[k] ?? target[k] ?? null);
    if (s.baseline && numeric) {
      lines.push({ role: 'path', name: words.path + suffix, series: i, label: null, points: path });
    }

    const projection = s.trajectory.projection;
    if (projection && numeric) {
      const points = blank();
      const lastActual = [...s.history]
        .reverse()
        .find((h) => h.entry?.kind === 'value' && h.year <= evaluation.year);
      if (lastActual?.entry?.kind === 'value') {
        const figure = formatNumber(lastActual.entry.value);
        points[at(lastActual.year)] = { value: drawn(lastActual.entry.value), text: figure, figure };
      }
      const figure = atPlaces(projection.value, sPlaces);
      points[at(s.target.year)] = { value: drawn(projection.value), text: figure, figure };
      lines.push({ role: 'projection', name: words.projection + suffix, series: i, label: null, points });
    }
    const falling = s.baseline !== null && dec(s.target.value).lt(dec(s.baseline.value));
    // Two series sharing a mark (both 目標値 60.0 in R7) show its label once, not one over the other.
    const once = (side: 'above' | 'below', points: readonly (ChartPoint | null)[]) => {
      const key = points.map((p) => p?.text ?? '').join('|');
      if (shown.has(key)) return null;
      shown.add(key);
      return side;
    };
    if (s.baseline) {
      // Where the year also has an actual, the baseline's label goes on the far side from it, since the
      // actual's label stands above its own point.
      const sameYear = valueOf(s, start);
      const side =
        sameYear === null
          ? falling
            ? 'above'
            : 'below'
          : dec(sameYear).lt(dec(s.baseline.value))
            ? 'above'
            : 'below';
      const label = once(side, baseline);
      lines.push({ role: 'baseline', name: words.baseline, series: i, label, points: baseline });
    }
    if (numeric) {
      const label = once(falling ? 'below' : 'above', target);
      lines.push({ role: 'target', name: words.target, series: i, label, points: target });
    }

    statements.push(...seriesStatements(s, evaluation, messages, sPlaces));
  });
  const values = lines.flatMap((line) => line.points.flatMap((p) => (p === null ? [] : [p.value])));
  const axis = valueAxis(values.length > 0 ? values : [0], places);
  return {
    years,
    categories: years.map(formatFiscalYear),
    unit: kpi.unit,
    places,
    axis,
    lines: lines.map((line) => clearOfAxis(line, axis)),
    notes: [...notes],
    statements,
  };
}

/**
 * What the chart means, in sentences beside it: each series's pace against the straight path, where this
 * pace leads by the target year, and the year taken for a baseline the plan gives none (which the
 * picture also says, but a screen reader does not read a picture's text).
 */
export function kpiChartStatements(kpi: KpiResult, evaluation: Evaluation, messages: Messages): string[] {
  const model = kpiChartModel(kpi, evaluation, messages);
  return [...model.statements, ...model.notes];
}

/** The series's pace against the straight path, and where its least-squares line leads, in words. */
function seriesStatements(
  s: SeriesResult,
  evaluation: Evaluation,
  messages: Messages,
  places: number,
): string[] {
  if (s.target.none) return [];
  const words = messages.chart;
  const out: string[] = [];
  const t = s.trajectory;
  if (t.onTrack !== null && t.expected !== null && s.actual?.kind === 'value') {
    const year = s.dataYear ?? evaluation.year;
    out.push(
      words.pace(
        year,
        formatFigure(s.actual.value, s.unit),
        formatFigure(roundTo(dec(t.expected), places, 'half-up'), s.unit),
        t.onTrack,
      ),
    );
  }
  if (t.projection) {
    out.push(
      words.projected(
        s.target.year,
        formatFigure(roundTo(dec(t.projection.value), places, 'half-up'), s.unit),
        targetText(s.target, s.unit, messages),
        t.projection.reachesTarget,
      ),
    );
  } else if (t.noProjection) {
    out.push(words.noProjection(t.noProjection.points, MIN_PROJECTION_POINTS));
  }
  return out.map((text) => seriesText(s.label, text, messages));
}

/** 男性：… in Japanese, Men: … in English. */
function seriesText(label: string | null, text: string, messages: Messages): string {
  if (label === null) return text;
  return messages.lang === 'ja' ? withSeriesLabel(label, text) : `${label}: ${text}`;
}

/** An Excel and PowerPoint number format for the places: 1,234 or 1,234.50. */
export function numberFormatCode(places: number): string {
  return places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
}
