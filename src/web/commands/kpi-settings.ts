import { ShinchokuError } from '../../core/errors.ts';
import { parseFigureText } from '../../core/figure-text.ts';
import { parseFiscalYear } from '../../core/fiscal-year.ts';
import type { Store } from '../../store/connect.ts';
import { listDepartments } from '../../store/departments.ts';
import { updateKpiSettings, type KpiSettingsEdit } from '../../store/kpi-settings.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { TEXT_FIELDS } from '../../core/text-field.ts';
import { accepted, fieldText, rejected, type FormProblem, type FormOutcome } from './form-problem.ts';
import { loadSheet, planSummary } from './sheets.ts';

export const MAX_KPI_NAME = TEXT_FIELDS['kpi-name'].max;
export const MAX_UNIT = TEXT_FIELDS.unit.max;

export interface KpiSettingsForm {
  readonly name: string;
  readonly unit: string;
  /** A department's id as text, or '' for none. */
  readonly department: string;
  readonly targets: readonly { readonly position: number; readonly value: string; readonly year: string }[];
}

export const settingsFields = {
  targetValue: (position: number) => `t${position}-value`,
  targetYear: (position: number) => `t${position}-year`,
};

/** The office changes what it owns about a KPI; targets are read as the plan file reads figures. */
export async function editKpiSettings(
  store: Store,
  user: User,
  at: { plan: string; kpi: string },
  form: KpiSettingsForm,
): Promise<FormOutcome<number>> {
  assertRole(user, 'admin');
  const summary = await planSummary(store.db, at.plan);
  const sheet = await loadSheet(store.db, at.plan, at.kpi, summary.periodFrom);
  const problems: Record<string, FormProblem> = {};
  const name = fieldText('kpi-name', form.name, true);
  if (name.problem) problems.name = name.problem;
  const unitRead = fieldText('unit', form.unit);
  if (unitRead.problem) problems.unit = unitRead.problem;
  const unit = unitRead.value ?? '';
  const departments = await listDepartments(store.db);
  const departmentId = form.department === '' ? null : Number(form.department);
  if (departmentId !== null && !departments.some((d) => d.id === departmentId))
    problems.department = { kind: 'choice' };
  const targets: KpiSettingsEdit['targets'][number][] = [];
  for (const series of sheet.series) {
    const typed = form.targets.find((t) => t.position === series.position);
    if (!typed) continue;
    const value = parseFigureText(typed.value, unit === '' ? null : unit);
    const year = parseFiscalYear(typed.year);
    if (!value.ok) {
      problems[settingsFields.targetValue(series.position)] = {
        kind: 'figure',
        refusal: value.problem,
      };
    }
    if (!year.ok) problems[settingsFields.targetYear(series.position)] = { kind: 'year' };
    if (value.ok && year.ok)
      targets.push({ position: series.position, value: value.value, year: year.value });
  }
  if (Object.keys(problems).length > 0) return rejected(problems);
  try {
    const edit = { ...at, name: name.value ?? '', unit: unit === '' ? null : unit, departmentId, targets };
    return accepted(await updateKpiSettings(store.db, edit, user.id));
  } catch (error) {
    if (
      error instanceof ShinchokuError &&
      error.id === 'invalid' &&
      typeof error.context.position === 'number'
    ) {
      return rejected({
        [settingsFields.targetValue(error.context.position)]: { kind: 'direction' },
      });
    }
    throw error;
  }
}
