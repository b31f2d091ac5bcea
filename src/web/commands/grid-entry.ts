import { ShinchokuError } from '../../core/errors.ts';
import type { DecimalString } from '../../core/decimal.ts';
import { formatEntry } from '../../core/format.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import { applyEntries } from '../../store/apply-entries.ts';
import type { AssessmentChange, FigureChange } from '../../store/change-batch.ts';
import type { Store } from '../../store/connect.ts';
import { kpiSheets, type KpiSheet } from '../../store/department-kpis.ts';
import { loadStoredPlan, type PlanSummary } from '../../store/plan-repository.ts';
import type { ReviewState } from '../../store/reviews.ts';
import type { User } from '../../store/users.ts';
import type { FormFields } from '../forms.ts';
import { assertRole, mayEditKpi, lockedForUser } from './access.ts';
import { checkEntry, type SeriesChange } from './entry-check.ts';
import { entryFields, entryInputFrom, entryInputOf, type EntryInput } from './entry-input.ts';
import { readSeries, rebase, seriesHistory, type ReadAs } from './entry.ts';
import type { FormProblem, Problems } from './form-problem.ts';
import { assertYearInPlan } from './sheets.ts';

/** Which KPIs a grid shows: a department's, or (for the office) those of no department. */
export type GridScope = { readonly department: number } | { readonly department: null };

/** One KPI's row of the grid: its sheet, what the form shows, and what was said about it. */
export interface GridRow {
  readonly sheet: KpiSheet;
  readonly input: EntryInput;
  /** False for a KPI this user may only read now (under review, approved): shown without inputs. */
  readonly editable: boolean;
  /** Problems by the single form's field names (s0-value, a-text), plus `row` for the whole KPI. */
  readonly problems: Problems;
  readonly readAs: Readonly<Record<string, ReadAs>>;
}

export interface GridResult {
  readonly saved: boolean;
  readonly conflict: boolean;
  readonly figures: number;
  readonly assessments: number;
  readonly rows: readonly GridRow[];
}

/** The grid's field names: the single form's, prefixed per row; `key` names the row's KPI. */
export const gridFields = {
  prefix: (row: number) => `k${row}-`,
  key: (row: number) => `k${row}-key`,
  field: (row: number, name: string) => `k${row}-${name}`,
  row: 'row',
  department: 'department',
} as const;

/** The KPIs of a scope for a year, in the plan's order; a department user sees only their own. */
export async function gridSheets(
  store: Store,
  user: User,
  plan: string,
  year: FiscalYear,
  scope: GridScope,
): Promise<{ summary: PlanSummary; rows: GridRow[] }> {
  assertRole(user, 'admin', 'department');
  const summary = await assertYearInPlan(store.db, plan, year);
  if (user.role === 'department' && scope.department !== user.departmentId) {
    throw new ShinchokuError(
      'forbidden',
      `${user.login} may enter only their own department's KPIs.`,
      null,
      [],
      {
        reason: 'other-department',
      },
    );
  }
  const sheets =
    scope.department === null
      ? (await kpiSheets(store.db, plan, year)).filter((s) => s.departmentId === null)
      : await kpiSheets(store.db, plan, year, { departmentId: scope.department });
  return { summary, rows: sheets.map((sheet) => freshRow(user, sheet)) };
}

function freshRow(user: User, sheet: KpiSheet): GridRow {
  return {
    sheet,
    input: entryInputOf(sheet),
    editable: mayEditKpi(user, sheet) && !lockedForUser(user, sheet.review?.state ?? null),
    problems: {},
    readAs: {},
  };
}

/** A row as posted: the KPI it names and its fields under the single form's names. */
interface PostedRow {
  readonly sheet: KpiSheet;
  readonly form: FormFields;
}

/**
 * The rows a grid posted, each naming its KPI in a hidden field: the plan's KPIs only, each once, in the
 * order posted, and never more rows than the plan has KPIs, however long the form.
 */
function postedRows(form: FormFields, sheets: readonly KpiSheet[]): PostedRow[] {
  const byKey = new Map(sheets.map((s) => [s.key, s]));
  const rows: PostedRow[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < sheets.length; i++) {
    const sheet = byKey.get(form.raw(gridFields.key(i)));
    if (!sheet || seen.has(sheet.key)) continue;
    seen.add(sheet.key);
    rows.push({ sheet, form: form.scoped(gridFields.prefix(i)) });
  }
  return rows;
}

/** Where a batched change came from, so a conflict the store finds lands beside its field. */
const originOf = (kpi: string, field: string) => `${kpi}\u0000${field}`;

/**
 * Saves a grid of KPIs for a year, all or nothing, under the single form's rules: every row is read by
 * the entry form's reader and checks (figure text, reasons, confirmations of unusual values, versions),
 * each problem is kept beside its KPI and field, and only when no row has one is everything written, in
 * one transaction with the workbooks' batched writes and an audit line per edit. A refused grid comes
 * back with everything typed; a conflicting field starts again from what is now stored.
 */
export async function saveGrid(store: Store, user: User, plan: string, year: FiscalYear, form: FormFields) {
  assertRole(user, 'admin', 'department');
  await assertYearInPlan(store.db, plan, year);
  const posted = postedRows(form, await kpiSheets(store.db, plan, year));
  let storedPlan: Plan | null = null;
  const historyOf = async (kpi: string): Promise<Map<number, DecimalString[]>> => {
    storedPlan ??= await loadStoredPlan(store.db, plan);
    return seriesHistory(storedPlan, kpi, year);
  };

  const rows: GridRow[] = [];
  const figures: FigureChange[] = [];
  const assessments: AssessmentChange[] = [];
  let conflict = false;
  for (const { sheet, form: rowForm } of posted) {
    const input = entryInputFrom(rowForm, sheet);
    const problems: Record<string, FormProblem> = { ...rowForm.problems };
    const readAs: Record<string, ReadAs> = {};
    const row = { sheet, input, editable: true, problems, readAs };
    rows.push(row);
    if (!mayEditKpi(user, sheet)) problems[gridFields.row] = notEditable('other-department');
    else if (lockedForUser(user, sheet.review?.state ?? null))
      problems[gridFields.row] = notEditable('review-locked');
    if (Object.keys(problems).length > 0) continue;
    const checked = checkEntry(sheet, input);
    Object.assign(problems, checked.problems);
    const history = checked.series.some((s) => s.reason === '') ? await historyOf(sheet.key) : new Map();
    for (const change of checked.series) {
      const series = sheet.series.find((s) => s.position === change.position);
      if (!series) continue;
      const field = entryFields.value(change.position);
      if (change.version !== (series.observation?.version ?? 0)) {
        const current = series.observation ? formatEntry(series.observation.entry, series.unit) : null;
        problems[field] = { kind: 'conflict', current, attempted: attemptedText(change) };
        conflict = true;
        continue;
      }
      const read = readSeries(change, series.unit, history.get(change.position) ?? []);
      if (!read.ok) {
        problems[field] = read.problem;
        continue;
      }
      if (read.readAs) readAs[field] = read.readAs;
      const stored = series.observation;
      figures.push({
        kpi: sheet.key,
        series: change.position,
        expected: stored ? { entry: stored.entry, state: stored.state } : null,
        entry: read.entry,
        state: change.state,
        origin: originOf(sheet.key, field),
      });
    }
    if (checked.assessment) {
      const stored = sheet.assessment;
      if (checked.assessment.version !== (stored?.version ?? 0)) {
        const attempted = checked.assessment.text;
        problems[entryFields.text] = { kind: 'conflict', current: stored?.text ?? null, attempted };
        conflict = true;
      } else {
        assessments.push({
          kpi: sheet.key,
          expected: stored ? { status: stored.status, text: stored.text } : null,
          status: checked.assessment.status,
          text: checked.assessment.text,
          origin: originOf(sheet.key, entryFields.text),
        });
      }
    }
  }

  const refused = rows.some((r) => Object.keys(r.problems).length > 0);
  if (refused) return refusal(store, user, plan, year, rows, conflict);
  try {
    const applied = await applyEntries(store.db, { plan, year, figures, assessments }, user.id, (states) =>
      guardReviews(user, states),
    );
    const fresh = await freshSheets(store, plan, year);
    return {
      saved: true,
      conflict: false,
      ...applied,
      rows: rows.map((r) => ({ ...freshRow(user, fresh(r.sheet)), readAs: r.readAs })),
    } satisfies GridResult;
  } catch (error) {
    if (!(error instanceof ShinchokuError) || error.id !== 'conflict') throw error;
    const { origin, kpi, reason } = error.context;
    const [key, field] = typeof origin === 'string' ? origin.split('\u0000') : [kpi, gridFields.row];
    const at = rows.findIndex((r) => r.sheet.key === key);
    const row = rows[at];
    if (!row) throw error;
    const problem: FormProblem =
      reason === 'review-locked'
        ? notEditable('review-locked')
        : { kind: 'conflict', current: null, attempted: null };
    const where = reason === 'review-locked' ? gridFields.row : (field ?? gridFields.row);
    const marked = rows.map((r, i) =>
      i === at ? { ...r, problems: { ...r.problems, [where]: problem } } : r,
    );
    return refusal(store, user, plan, year, marked, true);
  }
}

const notEditable = (reason: 'other-department' | 'review-locked'): FormProblem => ({
  kind: 'not-editable',
  reason,
});

const attemptedText = (change: SeriesChange): string =>
  change.reason === '' ? change.text.trim() : change.reason;

/** Inside the transaction, with the KPIs' review rows locked: a department's KPI under review is refused. */
function guardReviews(user: User, states: ReadonlyMap<string, ReviewState>): void {
  for (const [kpi, state] of states) {
    if (lockedForUser(user, state)) {
      throw new ShinchokuError('conflict', `${kpi} is under review and cannot be edited.`, null, [], {
        kpi,
        reason: 'review-locked',
      });
    }
  }
}

async function freshSheets(store: Store, plan: string, year: FiscalYear) {
  const sheets = new Map((await kpiSheets(store.db, plan, year)).map((s) => [s.key, s]));
  return (old: KpiSheet): KpiSheet => sheets.get(old.key) ?? old;
}

/**
 * A refused grid: nothing was written. Every row keeps what was typed; a field in conflict now starts
 * from what is stored (its current value shown beside it), so saving again replaces it knowingly.
 */
async function refusal(
  store: Store,
  user: User,
  plan: string,
  year: FiscalYear,
  rows: readonly GridRow[],
  conflict: boolean,
): Promise<GridResult> {
  const fresh = await freshSheets(store, plan, year);
  const out = rows.map((r) => {
    const sheet = fresh(r.sheet);
    const problems = { ...r.problems };
    for (const [field, problem] of Object.entries(problems)) {
      if (problem.kind === 'conflict' && problem.current === null && problem.attempted === null)
        problems[field] = currentOf(sheet, field, r.input);
    }
    const editable = mayEditKpi(user, sheet) && !lockedForUser(user, sheet.review?.state ?? null);
    const conflicts = Object.fromEntries(Object.entries(problems).filter(([, p]) => p.kind === 'conflict'));
    return { ...r, sheet, editable, problems, input: rebase(r.input, sheet, conflicts) };
  });
  return { saved: false, conflict, figures: 0, assessments: 0, rows: out };
}

/** Both sides of a conflict the store found: what is stored now, and what was typed. */
function currentOf(sheet: KpiSheet, field: string, input: EntryInput): FormProblem {
  if (field === entryFields.text) {
    return { kind: 'conflict', current: sheet.assessment?.text ?? null, attempted: input.assessment.text };
  }
  const series = sheet.series.find((s) => entryFields.value(s.position) === field);
  const typed = input.series.find((s) => s.position === series?.position);
  return {
    kind: 'conflict',
    current: series?.observation ? formatEntry(series.observation.entry, series.unit) : null,
    attempted: typed ? (typed.reason === '' ? typed.text.trim() : typed.reason) : null,
  };
}
