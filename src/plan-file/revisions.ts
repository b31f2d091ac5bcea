import { impliedDirection } from '../core/direction.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
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
  target(raw: NonNullable<FigureFields['target']> | null, path: Path, defaultYear: FiscalYear): Target | null;
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
    if (seen.has(from)) {
      fail('duplicate-year', [...path, 'from'], { code: 'revision-twice', name: series.name, from });
      return;
    }
    seen.add(from);
    if (previous !== null && from < previous) {
      fail('bad-revision', [...path, 'from'], { code: 'revision-order', from, previous });
    }
    previous = Math.max(previous ?? from, from);
    if (from < series.period.from || from > series.period.to) {
      fail('bad-revision', [...path, 'from'], {
        code: 'revision-outside',
        from,
        start: series.period.from,
        end: series.period.to,
      });
    } else if (from <= baselineYear(series, baseline)) {
      fail('bad-revision', [...path, 'from'], {
        code: 'revision-before-baseline',
        from,
        baselineYear: baselineYear(series, baseline),
      });
    }
    if (written.note.trim() === '') {
      fail('bad-revision', [...path, 'note'], { code: 'revision-no-note', from });
    }
    if (written.target === undefined && written.baseline === undefined) {
      fail('bad-revision', path, { code: 'revision-empty', from });
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
      fail('bad-revision', [...path, 'baseline'], { code: 'revision-removes-baseline', from });
      return;
    }
    if (newTarget && newTarget.year < from && from <= series.period.to) {
      fail('bad-revision', [...path, 'target'], {
        code: 'revision-target-before',
        from,
        targetYear: newTarget.year,
      });
    }
    const nextTarget = newTarget ?? target;
    const nextBaseline = newBaseline ?? baseline;
    const implied = nextBaseline ? impliedDirection(nextBaseline.value, nextTarget.value) : null;
    if (implied && implied !== series.direction) {
      fail('direction-contradicts', path, {
        code: 'revision-turns',
        from,
        name: series.name,
        target: nextTarget.value,
        baseline: String(nextBaseline?.value),
        direction: series.direction,
        implied,
      });
    }
    const targetSame =
      newTarget === null || (newTarget.value === target.value && newTarget.year === target.year);
    const baselineSame = newBaseline === null || (baseline !== null && sameBaseline(newBaseline, baseline));
    if (targetSame && baselineSame) {
      problems.warn('bad-revision', path, { code: 'revision-no-change', from });
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
