import { ShinchokuError } from '../../core/errors.ts';
import type { DecimalString } from '../../core/decimal.ts';
import { figureConfirmations } from '../../core/figure-checks.ts';
import { parseFigureEntry, type FigureEntry } from '../../core/figure-text.ts';
import { formatEntry } from '../../core/format.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { baselineYear, type Plan } from '../../core/plan.ts';
import type { Db, Store } from '../../store/connect.ts';
import type { KpiSheet } from '../../store/department-kpis.ts';
import {
  saveAssessment,
  saveObservation,
  type AssessmentEdit,
  type ObservationEdit,
} from '../../store/figures.ts';
import { loadStoredPlan } from '../../store/plan-repository.ts';
import { lockedReviewState, type ReviewState } from '../../store/reviews.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { User } from '../../store/users.ts';
import { assertMayEditKpi, assertRole, lockedForUser } from './access.ts';
import type { FigureNote } from './figure-feedback.ts';
import type { FormProblem, Problems } from './form-problem.ts';
import {
  entryFields,
  entryInputOf,
  seriesInputOf,
  assessmentInputOf,
  NO_FIGURE,
  type EntryInput,
} from './entry-input.ts';
import { assertYearInPlan, loadSheet } from './sheets.ts';
import { checkEntry, type SeriesChange } from './entry-check.ts';

export interface EntryRequest {
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
  readonly input: EntryInput;
}

/** How a typed figure was read, shown beside its field: 「３,９０８」 → 3,908人, and why. */
export interface ReadAs {
  readonly typed: string;
  readonly shown: string;
  readonly notes: readonly FigureNote[];
}

export interface EntryResult {
  /** True when everything was written (or nothing needed writing); false leaves the database untouched. */
  readonly saved: boolean;
  readonly changed: number;
  readonly conflict: boolean;
  readonly problems: Problems;
  readonly readAs: Readonly<Record<string, ReadAs>>;
  /** What the form shows next: the stored values after a save, the typed ones otherwise. */
  readonly input: EntryInput;
  readonly sheet: KpiSheet;
}

/** Thrown inside the transaction to undo every save once any of them conflicts. */
const ROLLBACK = Symbol('rollback');

function assertUnlocked(user: User, kpi: string, state: ReviewState | null): void {
  if (lockedForUser(user, state)) {
    throw new ShinchokuError('conflict', `${kpi} is under review and cannot be edited.`, null, [], {
      reason: 'review-locked',
    });
  }
}

/** The sheet a user is about to edit, refused unless they may edit it now. */
export async function editableSheet(db: Db, user: User, plan: string, kpi: string, year: FiscalYear) {
  assertRole(user, 'admin', 'department');
  await assertYearInPlan(db, plan, year);
  const sheet = await loadSheet(db, plan, kpi, year);
  assertMayEditKpi(user, sheet);
  assertUnlocked(user, kpi, sheet.review?.state ?? null);
  return sheet;
}

/**
 * Saves a KPI's figures and assessment for a year, all or nothing: every field is read as the plan file
 * reads it, and if any is refused or was changed by someone else meanwhile, nothing is written and the
 * form comes back with what was typed, each problem beside its field.
 */
export async function saveEntry(store: Store, user: User, request: EntryRequest): Promise<EntryResult> {
  const sheet = await editableSheet(store.db, user, request.plan, request.kpi, request.year);
  const checked = checkEntry(sheet, request.input);
  const history = checked.series.some((s) => s.reason === '')
    ? await historyOf(store.db, request)
    : new Map();
  const { edits, problems, readAs } = readEntry(sheet, request, checked, history, user.id);
  if (Object.keys(problems).length > 0) {
    return { saved: false, changed: 0, conflict: false, problems, readAs, input: request.input, sheet };
  }
  let conflicts: Record<string, FormProblem> = {};
  let changed = 0;
  try {
    await inTransaction(store.db, async (tx) => {
      // A deadlock runs the whole transaction again: count only what the last run saved.
      conflicts = {};
      changed = 0;
      assertUnlocked(user, request.kpi, await lockedReviewState(tx, request.plan, request.kpi, request.year));
      for (const { field, save } of edits) {
        try {
          if ((await save(tx)).changed) changed++;
        } catch (error) {
          if (!(error instanceof ShinchokuError) || error.id !== 'conflict') throw error;
          const { current = null, attempted = null } = error.context;
          conflicts[field] = {
            kind: 'conflict',
            current: textOrNull(current),
            attempted: textOrNull(attempted),
          };
        }
      }
      if (Object.keys(conflicts).length > 0) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
    const fresh = await loadSheet(store.db, request.plan, request.kpi, request.year);
    return {
      saved: false,
      changed: 0,
      conflict: true,
      problems: conflicts,
      readAs,
      input: rebase(request.input, fresh, conflicts),
      sheet: fresh,
    };
  }
  const saved = await loadSheet(store.db, request.plan, request.kpi, request.year);
  return {
    saved: true,
    changed,
    conflict: false,
    problems: {},
    readAs,
    input: entryInputOf(saved),
    sheet: saved,
  };
}

const textOrNull = (value: string | number | null): string | null => (value === null ? null : String(value));

interface PendingSave {
  readonly field: string;
  readonly save: (db: Db) => Promise<{ changed: boolean }>;
}

async function historyOf(db: Db, at: EntryRequest): Promise<Map<number, DecimalString[]>> {
  return seriesHistory(await loadStoredPlan(db, at.plan), at.kpi, at.year);
}

/**
 * Each series's earlier values, oldest first, the baseline among them: what a new value is measured
 * against before it is taken without a second look.
 */
export function seriesHistory(plan: Plan, kpiKey: string, year: FiscalYear): Map<number, DecimalString[]> {
  const kpi = plan.kpis.get(kpiKey);
  const history = new Map<number, DecimalString[]>();
  kpi?.series.forEach((series, position) => {
    const values: DecimalString[] = [];
    if (series.baseline && baselineYear(plan, series.baseline) < year) values.push(series.baseline.value);
    const years = [...series.actuals.keys()].filter((y) => y < year).sort((a, b) => a - b);
    for (const y of years) {
      const entry = series.actuals.get(y);
      if (entry?.kind === 'value') values.push(entry.value);
    }
    history.set(position, values);
  });
  return history;
}

export type Read =
  { ok: true; entry: FigureEntry; readAs: ReadAs | null } | { ok: false; problem: FormProblem };

/**
 * One changed series as the form gives it: a reason chosen from the list, or a figure typed, read as the
 * plan file reads it. The figure field takes a figure or —, never a reason: a reason typed there (or any
 * other word) is refused and pointed at the list. A readable but unlikely value waits for confirmation.
 */
export function readSeries(
  change: SeriesChange,
  unit: string | null,
  history: readonly DecimalString[],
): Read {
  if (change.reason === NO_FIGURE) return { ok: true, entry: { kind: 'none' }, readAs: null };
  if (change.reason !== '')
    return { ok: true, entry: { kind: 'missing', reason: change.reason }, readAs: null };
  const read = parseFigureEntry(change.text, unit);
  if (!read.ok) {
    return {
      ok: false,
      problem:
        read.problem.code === 'unknown-reason'
          ? { kind: 'figure-or-reason' }
          : { kind: 'figure', refusal: read.problem },
    };
  }
  if (read.value.kind === 'missing') return { ok: false, problem: { kind: 'figure-or-reason' } };
  const readAs = { typed: change.text.trim(), shown: formatEntry(read.value, unit), notes: read.notes };
  if (read.value.kind === 'value') {
    const value = read.value.value;
    const confirms = figureConfirmations(value, unit, history);
    const confirmed = parseFigureEntry(change.confirmed, unit);
    const same = confirmed.ok && confirmed.value.kind === 'value' && confirmed.value.value === value;
    if (confirms.length > 0 && !same)
      return { ok: false, problem: { kind: 'confirm-figure', value, unit, confirms } };
  }
  return { ok: true, entry: read.value, readAs };
}

function readEntry(
  sheet: KpiSheet,
  request: EntryRequest,
  checked: ReturnType<typeof checkEntry>,
  history: ReadonlyMap<number, readonly DecimalString[]>,
  actorId: number,
) {
  const problems: Record<string, FormProblem> = {};
  const readAs: Record<string, ReadAs> = {};
  const edits: PendingSave[] = [];
  Object.assign(problems, checked.problems);
  for (const change of checked.series) {
    const series = sheet.series.find((s) => s.position === change.position);
    if (!series) continue;
    const field = entryFields.value(change.position);
    const read = readSeries(change, series.unit, history.get(change.position) ?? []);
    if (!read.ok) {
      problems[field] = read.problem;
      continue;
    }
    if (read.readAs) readAs[field] = read.readAs;
    const edit: ObservationEdit = {
      plan: request.plan,
      kpi: request.kpi,
      series: change.position,
      year: request.year,
      entry: read.entry,
      state: change.state,
      expectedVersion: change.version,
    };
    edits.push({ field, save: (db) => saveObservation(db, edit, actorId) });
  }
  if (checked.assessment) {
    const edit: AssessmentEdit = {
      plan: request.plan,
      kpi: request.kpi,
      year: request.year,
      status: checked.assessment.status,
      text: checked.assessment.text,
      expectedVersion: checked.assessment.version,
    };
    edits.push({ field: entryFields.text, save: (db) => saveAssessment(db, edit, actorId) });
  }
  return { edits, problems, readAs };
}

/**
 * After a conflict the typed values stay, but each conflicting field now starts from what is stored:
 * saving again is a deliberate choice to replace it, made with both values in view.
 */
export function rebase(input: EntryInput, fresh: KpiSheet, conflicts: Problems): EntryInput {
  const series = input.series.map((typed) => {
    const stored = fresh.series.find((s) => s.position === typed.position);
    if (!stored || !conflicts[entryFields.value(typed.position)]) return typed;
    const base = seriesInputOf(stored);
    const { version, original, originalReason, originalState } = base;
    return { ...typed, version, original, originalReason, originalState };
  });
  if (!conflicts[entryFields.text]) return { series, assessment: input.assessment };
  const base = assessmentInputOf(fresh.assessment);
  const { version, originalStatus, originalText } = base;
  return { series, assessment: { ...input.assessment, version, originalStatus, originalText } };
}
