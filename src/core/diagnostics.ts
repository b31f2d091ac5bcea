import { dec, Decimal, roundTo, toPlainString, type DecimalString } from './decimal.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Kpi, Plan, Series } from './plan.ts';
import { meetsTarget } from './target-bound.ts';
import { baselineYear } from './plan.ts';

/** A gap under this share of the baseline's size makes progress figures swing wildly. */
const TINY_GAP_SHARE = new Decimal('0.05');
/** ...and a progress figure at least this far from zero (in %) is the swing worth flagging. */
const TINY_GAP_PROGRESS = new Decimal(200);
/** A change larger than this many times the KPI's largest earlier step stands out from its history... */
const OUTLIER_STEPS = new Decimal(3);
/** ...provided it also moves the value by more than this share of the previous value. */
const OUTLIER_SHARE = new Decimal('0.25');

export interface DiagnosticContext {
  readonly year: FiscalYear;
  /** The years the other KPIs report, up to the evaluation year. */
  readonly columns: readonly FiscalYear[];
  readonly listedIn: readonly string[];
  /** The plan's period: a baseline given without a year stands for the year before it starts. */
  readonly period: Plan['period'];
}

export function diagnoseKpi(kpi: Kpi, context: DiagnosticContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (context.listedIn.length > 1) found.push({ code: 'shared-kpi', kpiId: kpi.id, goals: context.listedIn });
  const units = [...new Set(kpi.series.map((s) => s.unit))];
  if (units.length > 1) found.push({ code: 'unit-mismatch', kpiId: kpi.id, units });
  // A KPI without a numeric target (評価なし) has no baseline or actual to miss, nor a target to meet.
  for (const series of kpi.series)
    if (!series.target.none) found.push(...diagnoseSeries(kpi.id, series, context));
  return found;
}

function diagnoseSeries(
  kpiId: string,
  series: Series,
  { year, columns, period }: DiagnosticContext,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const label = series.label;
  const baseline = series.baseline?.value ?? null;
  if (baseline === null) {
    found.push({ code: 'missing-baseline', kpiId, series: label });
  } else if (
    series.target.word === undefined &&
    meetsTarget({ value: baseline }, series.target, series.direction)
  ) {
    found.push({ code: 'target-met-at-baseline', kpiId, series: label });
  }
  // The years before the baseline's are before the KPI existed: nothing was missed there.
  const from = baselineYear({ period }, series.baseline);
  for (const column of columns) {
    if (column < from) continue;
    const entry = series.actuals.get(column);
    if (entry?.kind !== 'value') {
      found.push({
        code: 'missing-actual',
        kpiId,
        series: label,
        year: column,
        reason: entry?.kind === 'missing' ? entry.reason : null,
      });
    }
  }
  const actual = series.actuals.get(year);
  if (actual?.kind === 'value') {
    if (baseline !== null) {
      const tiny = tinyGap(baseline, series.target.value, actual.value);
      if (tiny) found.push({ code: 'tiny-gap', kpiId, series: label, ...tiny });
    }
    const outlier = outlierOf(series, year, actual.value);
    if (outlier) found.push({ code: 'outlier', kpiId, series: label, year, value: actual.value, ...outlier });
  }
  return found;
}

function tinyGap(
  baseline: DecimalString,
  target: DecimalString,
  actual: DecimalString,
): { gap: string; progress: string } | null {
  const b = dec(baseline);
  const t = dec(target);
  const gap = t.minus(b);
  const scale = Decimal.max(b.abs(), t.abs());
  if (gap.isZero() || scale.isZero() || gap.abs().div(scale).gte(TINY_GAP_SHARE)) return null;
  const progress = dec(actual).minus(b).div(gap).mul(100);
  if (progress.abs().lt(TINY_GAP_PROGRESS)) return null;
  return { gap: toPlainString(gap.abs()), progress: roundTo(progress, 1, 'half-up') };
}

function outlierOf(
  series: Series,
  year: FiscalYear,
  value: DecimalString,
): { previous: string; usualStep: string } | null {
  const history: Decimal[] = [];
  if (series.baseline) history.push(dec(series.baseline.value));
  const earlier = [...series.actuals]
    .filter(([y, e]) => y < year && e.kind === 'value')
    .sort(([a], [b]) => a - b);
  for (const [, entry] of earlier) if (entry.kind === 'value') history.push(dec(entry.value));
  if (history.length < 2) return null;
  const previous = history[history.length - 1] as Decimal;
  let usualStep = new Decimal(0);
  for (let i = 1; i < history.length; i++) {
    usualStep = Decimal.max(usualStep, (history[i] as Decimal).minus(history[i - 1] as Decimal).abs());
  }
  // A history that never moved (1, 1) says nothing about how far a value may move: 1 → 0 is no outlier.
  if (usualStep.isZero()) return null;
  const change = dec(value).minus(previous).abs();
  if (change.lte(usualStep.mul(OUTLIER_STEPS))) return null;
  if (!previous.isZero() && change.lte(previous.abs().mul(OUTLIER_SHARE))) return null;
  return { previous: toPlainString(previous), usualStep: toPlainString(usualStep) };
}
