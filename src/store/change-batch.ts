import { ShinchokuError } from '../core/errors.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import type { Assessment } from '../core/plan.ts';
import type { FigureState } from '../core/evaluation.ts';

/** What a batch of edits from the departments' workbooks is: read once, checked, applied whole. */
export interface StoredFigure {
  readonly entry: FigureEntry;
  readonly state: FigureState;
}

export interface FigureChange {
  readonly kpi: string;
  readonly series: number;
  /** What the change was worked out against; anything else in the store by now is a conflict. */
  readonly expected: StoredFigure | null;
  readonly entry: FigureEntry;
  readonly state: FigureState;
  /** Where the change came from, for messages: "R5_環境課.xlsx 入力!F7". */
  readonly origin: string;
}

export interface AssessmentChange {
  readonly kpi: string;
  readonly expected: Assessment | null;
  readonly status: string | null;
  readonly text: string;
  readonly origin: string;
}

export interface ChangeBatch {
  readonly plan: string;
  readonly year: FiscalYear;
  readonly figures: readonly FigureChange[];
  readonly assessments: readonly AssessmentChange[];
  /** What the batch is, for the audit log: the workbooks it was read from. */
  readonly source: string;
}

export interface Applied {
  readonly figures: number;
  readonly assessments: number;
}

/** What the batch writes shares: its plan, year, author and one time for every row. */
export interface BatchContext {
  readonly planId: number;
  readonly year: FiscalYear;
  readonly actorId: number | null;
  readonly now: Date;
}

/** The refusal of the whole batch when the store moved since the workbooks were read. */
export function batchConflict(origin: string, year: FiscalYear, kpi: string): ShinchokuError {
  return new ShinchokuError(
    'conflict',
    `${origin}: ${kpi} ${formatFiscalYear(year)} was changed in Shinchoku after the workbooks were read; nothing was applied.`,
    'Read the workbooks again to see the current figures, then apply.',
    [],
    // The change's origin and KPI, so a form that sent the batch can point at the field it came from.
    { origin, kpi },
  );
}
