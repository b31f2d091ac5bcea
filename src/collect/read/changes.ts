import { dec, type DecimalString } from '../../core/decimal.ts';
import { figureConfirmations } from '../../core/figure-checks.ts';
import type { FigureEntry } from '../../core/figure-text.ts';
import { formatEntry } from '../../core/format.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Assessment, Kpi, Plan, Series } from '../../core/plan.ts';
import type { StoredFigure } from '../../store/apply-observations.ts';
import { assessmentDigest } from '../identity.ts';
import { COL, NONE_CHOICE, STATE_LABELS, address } from '../layout.ts';
import type { ProblemList } from './problem.ts';
import type { ReadRow } from './read-forms.ts';

export interface FigureDiff {
  readonly file: string;
  readonly cell: string;
  readonly kpi: Kpi;
  readonly series: number;
  readonly from: StoredFigure | null;
  readonly to: StoredFigure;
}

export interface AssessmentDiff {
  readonly file: string;
  readonly cell: string;
  readonly kpi: Kpi;
  readonly from: Assessment | null;
  readonly to: Assessment;
}

export interface Changes {
  readonly figures: FigureDiff[];
  readonly assessments: AssessmentDiff[];
  /** Filled-in figures and assessments that match the store already. */
  readonly unchanged: number;
}

/** 19 and 19.00 are the same figure: a value the store has at another scale is not a change. */
function sameEntry(a: FigureEntry, b: FigureEntry): boolean {
  if (a.kind === 'value' && b.kind === 'value') return dec(a.value).eq(dec(b.value));
  if (a.kind === 'missing' && b.kind === 'missing') return a.reason === b.reason;
  return a.kind === b.kind;
}

const sameFigure = (a: StoredFigure | null, b: StoredFigure | null): boolean =>
  a === null || b === null ? a === b : a.state === b.state && sameEntry(a.entry, b.entry);

const sameAssessment = (a: Assessment | null, b: Assessment | null): boolean =>
  a === null || b === null ? a === b : a.status === b.status && a.text === b.text;

/** A series's values before the year, oldest first, the baseline first among them. */
function historyBefore(series: Series, year: FiscalYear): DecimalString[] {
  const earlier = [...series.actuals]
    .filter(([y, e]) => y < year && e.kind === 'value')
    .sort(([a], [b]) => a - b)
    .map(([, e]) => (e.kind === 'value' ? e.value : null))
    .filter((v): v is DecimalString => v !== null);
  return series.baseline ? [series.baseline.value, ...earlier] : earlier;
}

/** A stored or typed figure as the diff shows it; `none` where there is none (the CLI's English by default). */
export function figureText(figure: StoredFigure | null, unit: string | null, none = '(none)'): string {
  if (!figure) return none;
  const text = figure.entry.kind === 'none' ? NONE_CHOICE : formatEntry(figure.entry, unit);
  return figure.state === 'provisional' ? `${text} (${STATE_LABELS.provisional})` : text;
}

/**
 * Compares what the workbooks say with what the store holds now. Where the store has moved on since
 * a workbook was made and the workbook disagrees with it, neither is taken: someone must decide.
 */
export function compareWithStore(
  rows: readonly ReadRow[],
  plan: Plan,
  year: FiscalYear,
  problems: ReadonlyMap<string, ProblemList>,
): Changes {
  const figures: FigureDiff[] = [];
  const assessments: AssessmentDiff[] = [];
  let unchanged = 0;
  for (const { file, row, kpi, input } of rows) {
    const list = problems.get(file) as ProblemList;
    const series = kpi.series[row.series];
    if (!series) continue;
    const unit = series.unit ?? kpi.unit;
    const valueCell = address(COL.value, row.row);
    const stored = series.actuals.get(year);
    const current: StoredFigure | null = stored
      ? { entry: stored, state: series.provisional.has(year) ? 'provisional' : 'final' }
      : null;
    const before: StoredFigure | null = row.before.entry
      ? { entry: row.before.entry, state: row.before.state }
      : null;
    const place = { kpi: kpi.name, series: series.label ?? null, year, unit };
    if (!input.figure) {
      if (before) {
        list.warning(valueCell, { code: 'figure-emptied', stored: current, unit });
      }
    } else if (sameFigure(current, input.figure)) {
      unchanged++;
    } else if (!sameFigure(current, before)) {
      const { entry, state } = input.figure;
      list.error(input.figure.cell, {
        code: 'changed-since-made',
        place,
        before,
        current,
        workbook: { entry, state },
      });
    } else {
      const { entry, state, cell } = input.figure;
      figures.push({ file, cell, kpi, series: row.series, from: current, to: { entry, state } });
      if (entry.kind === 'value') {
        for (const confirm of figureConfirmations(entry.value, unit, historyBefore(series, year))) {
          list.warning(cell, { code: 'confirm', place, confirm });
        }
      }
    }
    if (row.series !== 0) continue;
    const textCell = address(COL.text, row.row);
    const currentAssessment = kpi.assessments.get(year) ?? null;
    if (!input.assessment) {
      if (row.assessment) list.warning(textCell, { code: 'assessment-emptied' });
    } else if (sameAssessment(currentAssessment, input.assessment)) {
      unchanged++;
    } else if (assessmentDigest(currentAssessment) !== row.assessment) {
      list.error(textCell, { code: 'assessment-changed-since-made', kpi: kpi.name, year });
    } else {
      assessments.push({ file, cell: textCell, kpi, from: currentAssessment, to: input.assessment });
    }
  }
  return { figures, assessments, unchanged };
}
