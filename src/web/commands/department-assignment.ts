import { ShinchokuError } from '../../core/errors.ts';
import type { Store } from '../../store/connect.ts';
import { assignDepartment } from '../../store/department-assignment.ts';
import { kpiSheets, type KpiSheet } from '../../store/department-kpis.ts';
import { listDepartments, type Department } from '../../store/departments.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { assertRole, municipalityOf } from './access.ts';
import { accepted, rejected, type FormOutcome, type FormProblem } from './form-problem.ts';
import { planSummary } from './sheets.ts';

/** What the assignment form sends: the KPIs ticked and the department chosen ('none' for the office). */
export interface AssignmentForm {
  readonly kpis: readonly string[];
  readonly department: string;
}

export const NO_DEPARTMENT = 'none';

export interface AssignmentView {
  readonly plan: PlanSummary;
  readonly kpis: readonly KpiSheet[];
  readonly departments: readonly Department[];
}

/** A plan's KPIs with their departments, in the plan's order, and the departments to choose from. */
export async function assignmentView(store: Store, user: User, plan: string): Promise<AssignmentView> {
  assertRole(user, 'admin');
  const summary = await planSummary(store.db, plan);
  return {
    plan: summary,
    kpis: await kpiSheets(store.db, plan, summary.periodFrom),
    departments: await listDepartments(store.db, municipalityOf(user)),
  };
}

/**
 * The office gives many KPIs one department at once, all or none (store/department-assignment.ts): a
 * department chosen from the list, at least one KPI ticked, and only the plan's own KPIs. A list longer
 * than the plan's KPIs cannot be the form's, and is refused before anything is looked up.
 */
export async function assignDepartments(
  store: Store,
  user: User,
  plan: string,
  form: AssignmentForm,
): Promise<FormOutcome<{ changed: number; department: string | null }>> {
  const view = await assignmentView(store, user, plan);
  const problems: Record<string, FormProblem> = {};
  const department =
    form.department === NO_DEPARTMENT
      ? null
      : (view.departments.find((d) => String(d.id) === form.department) ?? undefined);
  if (department === undefined) problems.department = { kind: 'choice' };
  const known = new Set(view.kpis.map((k) => k.key));
  const kpis = [...new Set(form.kpis)];
  if (kpis.length === 0) problems.kpis = { kind: 'required' };
  else if (kpis.length > known.size || kpis.some((k) => !known.has(k))) problems.kpis = { kind: 'choice' };
  if (department === undefined || Object.keys(problems).length > 0) return rejected(problems);
  try {
    const changed = await assignDepartment(
      store.db,
      { plan, kpis, departmentId: department?.id ?? null },
      user.id,
    );
    return accepted({ changed, department: department?.name ?? null });
  } catch (error) {
    // A KPI or department removed between the page and the post: the form says which, nothing changed.
    if (error instanceof ShinchokuError && error.id === 'not-found' && error.context.reason) {
      return rejected({ [error.context.reason === 'kpi' ? 'kpis' : 'department']: { kind: 'choice' } });
    }
    throw error;
  }
}
