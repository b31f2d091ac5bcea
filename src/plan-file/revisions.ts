import { impliedDirection } from '../core/direction.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { baselineYear, type Baseline, type Direction, type Revision, type Target } from '../core/plan.ts';
import type { ProblemCollector } from './collector.ts';
import type { PathSegment } from './problem.ts';
import type { FigureFields, RevisionDefinition } from './schema.ts';

type Path = readonly PathSegment[];

/** The normaliser's own readers, so a revision's figures and years are read exactly as the plan's are. */
export interface RevisionReaders {
  readonly problems: ProblemCollector;
  year(raw: string | number, path: Path): FiscalYear | null;
  /** `defaultYear` is the year a target written without one is for. */
  target(raw: NonNullable<FigureFields['target']>, path: Path, defaultYear: FiscalYear): Target | null;
  /** undefined when in error; null where the text means "none". */
  baseline(raw: NonNullable<RevisionDefinition['baseline']>, path: Path): Baseline | null | undefined;
}

export interface RevisedSeries {
  readonly path: Path;
  /** 「births」 or 「healthy-life-expectancy-65 (男性)」, for messages. */
  readonly name: string;
  readonly period: { readonly from: FiscalYear; readonly to: FiscalYear };
  readonly baseline: Baseline | null;
  readonly target: Target;
  readonly direction: Direction;
}

const span = (period: RevisedSeries['period']) =>
  `${formatFiscalYear(period.from)}～${formatFiscalYear(period.to)}`;

/**
 * Reads a series's `revisions:` list: each from a year of the plan after the baseline year, oldest first,
 * one per year, with a note, changing the target or the baseline without turning the KPI around. Null
 * when any is in error (each reported at its place).
 */
export function normalizeRevisions(
  raw: readonly RevisionDefinition[] | undefined,
  series: RevisedSeries,
  read: RevisionReaders,
): Revision[] | null {
  if (raw === undefined) return [];
  const { problems } = read;
  const revisions: Revision[] = [];
  let failed = false;
  let target = series.target;
  let baseline = series.baseline;
  const seen = new Set<FiscalYear>();
  let previous: FiscalYear | null = null;
  raw.forEach((written, i) => {
    const path = [...series.path, 'revisions', i];
    const fail = (...args: Parameters<ProblemCollector['error']>) => {
      problems.error(...args);
      failed = true;
    };
    const from = read.year(written.from, [...path, 'from']);
    if (from === null) {
      failed = true;
      return;
    }
    const label = formatFiscalYear(from);
    if (seen.has(from)) {
      fail(
        'duplicate-year',
        [...path, 'from'],
        `KPI 「${series.name}」 has two revisions from ${label}.`,
        'Keep one revision per fiscal year, with both values in it if both changed.',
      );
      return;
    }
    seen.add(from);
    if (previous !== null && from < previous) {
      fail(
        'bad-revision',
        [...path, 'from'],
        `Revisions are listed oldest first, but the one from ${label} comes after the one from ${formatFiscalYear(previous)}.`,
        'Put the revisions in the order of their years.',
      );
    }
    previous = Math.max(previous ?? from, from);
    if (from < series.period.from || from > series.period.to) {
      fail(
        'bad-revision',
        [...path, 'from'],
        `A revision from ${label} lies outside the plan period (${span(series.period)}).`,
        'A revision applies from one of the plan’s years.',
      );
    } else if (from <= baselineYear(series, baseline)) {
      fail(
        'bad-revision',
        [...path, 'from'],
        `A revision from ${label} does not come after the baseline year (${formatFiscalYear(baselineYear(series, baseline))}).`,
        'A revision applies from a year after the baseline was measured.',
      );
    }
    if (written.note.trim() === '') {
      fail(
        'bad-revision',
        [...path, 'note'],
        `The revision from ${label} has no note.`,
        'Say why the value changed, as the report should print it.',
      );
    }
    if (written.target === undefined && written.baseline === undefined) {
      fail(
        'bad-revision',
        path,
        `The revision from ${label} changes neither the target nor the baseline.`,
        'Add `target:` or `baseline:` (or both).',
      );
      return;
    }
    const newTarget =
      written.target === undefined ? null : read.target(written.target, [...path, 'target'], target.year);
    const newBaseline =
      written.baseline === undefined ? null : read.baseline(written.baseline, [...path, 'baseline']);
    if ((written.target !== undefined && newTarget === null) || newBaseline === undefined) {
      failed = true;
      return;
    }
    if (written.baseline !== undefined && newBaseline === null) {
      fail(
        'bad-revision',
        [...path, 'baseline'],
        `The revision from ${label} removes the baseline.`,
        'A revision gives a new baseline value; a KPI that loses its baseline is changed in the plan itself.',
      );
      return;
    }
    if (newTarget && newTarget.year < from && from <= series.period.to) {
      fail(
        'bad-revision',
        [...path, 'target'],
        `The revised target is for ${formatFiscalYear(newTarget.year)}, before the revision applies (${label}).`,
        'A target is for a year at or after the one the revision applies from.',
      );
    }
    const nextTarget = newTarget ?? target;
    const nextBaseline = newBaseline ?? baseline;
    const implied = nextBaseline ? impliedDirection(nextBaseline.value, nextTarget.value) : null;
    if (implied && implied !== series.direction) {
      fail(
        'direction-contradicts',
        path,
        `From ${label}, the target ${nextTarget.value} would be ${implied === 'increase' ? 'above' : 'below'} the baseline ${nextBaseline?.value}, turning KPI 「${series.name}」 from ${series.direction} to ${implied}.`,
        'Check the revised values: a revision changes how far the KPI aims, not which way is better.',
      );
    }
    const targetSame =
      newTarget === null || (newTarget.value === target.value && newTarget.year === target.year);
    const baselineSame = newBaseline === null || (baseline !== null && sameBaseline(newBaseline, baseline));
    if (targetSame && baselineSame) {
      problems.warn(
        'bad-revision',
        path,
        `The revision from ${label} gives the values already in force, so it changes nothing.`,
        'Remove it, or correct the revised value.',
      );
    }
    target = nextTarget;
    baseline = nextBaseline;
    revisions.push({ from, target: newTarget, baseline: newBaseline, note: written.note });
  });
  return failed ? null : revisions;
}

function sameBaseline(a: Baseline, b: Baseline): boolean {
  const spanText = (x: Baseline) => (x.span ? `${x.span.from}-${x.span.to}-${x.span.qualifier}` : '');
  return a.value === b.value && spanText(a) === spanText(b);
}
