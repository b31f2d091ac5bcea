import { dec } from './decimal.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Baseline, Kpi, Series, Target } from './plan.ts';

/** How a revision moved a target: its value up or down, or only its year. */
export type TargetChange = 'raised' | 'lowered' | 'year';

/** A revision as one year's evaluation sees it: what each value was before it, and what it became. */
export interface AppliedRevision {
  readonly from: FiscalYear;
  readonly note: string;
  /** null where the revision left the target as it was. */
  readonly target: {
    readonly before: Target;
    readonly after: Target;
    readonly change: TargetChange;
  } | null;
  /** null where the revision left the baseline as it was. */
  readonly baseline: { readonly before: Baseline | null; readonly after: Baseline } | null;
}

export interface SeriesInForce {
  /** The series with the target and baseline in force in the year; the same object when never revised. */
  readonly series: Series;
  /** The revisions in force in the year, oldest first; empty when the plan's own values still hold. */
  readonly applied: readonly AppliedRevision[];
}

function targetChange(before: Target, after: Target): TargetChange {
  const cmp = dec(after.value).cmp(dec(before.value));
  return cmp > 0 ? 'raised' : cmp < 0 ? 'lowered' : 'year';
}

/**
 * The target and baseline that held in a fiscal year: the plan's own, changed by each revision from
 * that year or before, in order. A later revision never reaches back, so an erratum for a past year
 * reproduces the figures that year was published with.
 */
export function seriesInForce(series: Series, year: FiscalYear): SeriesInForce {
  let target = series.target;
  let baseline = series.baseline;
  const applied: AppliedRevision[] = [];
  // Sorted here as well as by the readers, so a plan built in code cannot apply them out of order.
  const inOrder = [...series.revisions].sort((a, b) => a.from - b.from);
  for (const revision of inOrder) {
    if (revision.from > year) break;
    applied.push({
      from: revision.from,
      note: revision.note,
      target: revision.target
        ? { before: target, after: revision.target, change: targetChange(target, revision.target) }
        : null,
      baseline: revision.baseline ? { before: baseline, after: revision.baseline } : null,
    });
    target = revision.target ?? target;
    baseline = revision.baseline ?? baseline;
  }
  return { series: applied.length === 0 ? series : { ...series, target, baseline }, applied };
}

/** A KPI with every series's values as they stood in the year. */
export function kpiInForce(kpi: Kpi, year: FiscalYear): { kpi: Kpi; applied: AppliedRevision[][] } {
  const inForce = kpi.series.map((s) => seriesInForce(s, year));
  if (inForce.every((s) => s.applied.length === 0)) return { kpi, applied: inForce.map(() => []) };
  return {
    kpi: { ...kpi, series: inForce.map((s) => s.series) },
    applied: inForce.map((s) => [...s.applied]),
  };
}
