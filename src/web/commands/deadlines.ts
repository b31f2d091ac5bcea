import { isPastDeadline, parseCalendarDate, type CalendarDate } from '../../core/calendar-date.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Db, Store } from '../../store/connect.ts';
import { deadlineOf, deadlinesOf, setDeadline } from '../../store/deadlines.ts';
import { kpiSheets, type KpiSheet } from '../../store/department-kpis.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { accepted, rejected, type FormOutcome, type FormProblem } from './form-problem.ts';
import { assertYearInPlan, planSummary } from './sheets.ts';
import { yearParam } from '../routes/staff/paths.ts';

/** Not with the office yet: never submitted, or returned to the department. */
export const notSubmitted = (sheet: KpiSheet): boolean =>
  sheet.review === null || sheet.review.state === 'returned';

export interface DepartmentPending {
  readonly departmentId: number | null;
  readonly departmentName: string | null;
  readonly kpis: readonly KpiSheet[];
}

/** Where a year stands against its deadline: what is not submitted, per department, and whether it is late. */
export interface DeadlineStatus {
  readonly deadline: CalendarDate | null;
  /** The deadline's day has passed (JST) and something is still not submitted. */
  readonly overdue: boolean;
  /** The KPIs not submitted, by department in the order of the plan. */
  readonly pending: readonly DepartmentPending[];
  readonly pendingKeys: ReadonlySet<string>;
}

export function pendingByDepartment(sheets: readonly KpiSheet[]): DepartmentPending[] {
  const groups = new Map<number | null, DepartmentPending & { kpis: KpiSheet[] }>();
  for (const sheet of sheets.filter(notSubmitted)) {
    const group = groups.get(sheet.departmentId) ?? {
      departmentId: sheet.departmentId,
      departmentName: sheet.departmentName,
      kpis: [],
    };
    group.kpis.push(sheet);
    groups.set(sheet.departmentId, group);
  }
  return [...groups.values()];
}

export async function deadlineStatus(
  db: Db,
  plan: string,
  year: FiscalYear,
  now: Date,
): Promise<DeadlineStatus> {
  const deadline = await deadlineOf(db, plan, year);
  const pending = pendingByDepartment(await kpiSheets(db, plan, year));
  return {
    deadline,
    overdue: deadline !== null && isPastDeadline(deadline, now) && pending.length > 0,
    pending,
    pendingKeys: new Set(pending.flatMap((p) => p.kpis.map((k) => k.key))),
  };
}

export interface DeadlineForm {
  readonly year: string;
  readonly date: string;
}

/** The office sets a year's deadline; a year outside the plan or a day that is not one is refused, worded. */
export async function saveDeadline(
  store: Store,
  user: User,
  plan: string,
  form: DeadlineForm,
): Promise<FormOutcome<{ year: FiscalYear; date: CalendarDate }>> {
  assertRole(user, 'admin');
  const summary = await planSummary(store.db, plan);
  const year = yearParam(form.year.slice(0, 40));
  const problems: Record<string, FormProblem> = {};
  if (year === null || year < summary.periodFrom || year > summary.periodTo) problems.year = { kind: 'year' };
  const date = parseCalendarDate(form.date);
  if (!date.ok) problems.date = { kind: 'date', refusal: date.refusal };
  if (year === null || !date.ok || Object.keys(problems).length > 0) return rejected(problems);
  await assertYearInPlan(store.db, plan, year);
  await setDeadline(store.db, plan, year, date.value, user.id);
  return accepted({ year, date: date.value });
}

/** The deadline page's table: every year of the plan, its deadline and whether it is late now. */
export interface DeadlineRow {
  readonly year: FiscalYear;
  readonly deadline: CalendarDate | null;
  readonly past: boolean;
}

export async function deadlineRows(
  db: Db,
  user: User,
  plan: string,
  now: Date,
): Promise<{ plan: PlanSummary; rows: DeadlineRow[] }> {
  assertRole(user, 'admin');
  const summary = await planSummary(db, plan);
  const set = await deadlinesOf(db, plan);
  const rows = [];
  for (let year = summary.periodFrom; year <= summary.periodTo; year++) {
    const deadline = set.get(year) ?? null;
    rows.push({ year, deadline, past: deadline !== null && isPastDeadline(deadline, now) });
  }
  return { plan: summary, rows };
}
