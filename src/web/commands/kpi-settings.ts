import { ShinchokuError } from '../../core/errors.ts';
import { parseFigureText } from '../../core/figure-text.ts';
import {
  formatFiscalYear,
  formatYearSpan,
  parseFiscalYear,
  parseYearSpan,
  type FiscalYear,
} from '../../core/fiscal-year.ts';
import type { Baseline, Target } from '../../core/plan.ts';
import { seriesInForce } from '../../core/revisions.ts';
import { TEXT_FIELDS } from '../../core/text-field.ts';
import { collectionYear } from '../../store/collection-year.ts';
import type { Store } from '../../store/connect.ts';
import { listDepartments } from '../../store/departments.ts';
import { updateKpiSettings } from '../../store/kpi-settings.ts';
import {
  asSeries,
  kpiRevisionHistory,
  type RevisionEdit,
  type SeriesHistory,
} from '../../store/revisions.ts';
import type { User } from '../../store/users.ts';
import type { Db } from '../../store/connect.ts';
import { assertRole, municipalityOf } from './access.ts';
import { accepted, fieldText, rejected, type FormProblem, type FormOutcome } from './form-problem.ts';
import { planSummary } from './sheets.ts';

export const MAX_KPI_NAME = TEXT_FIELDS['kpi-name'].max;
export const MAX_UNIT = TEXT_FIELDS.unit.max;

/** A series's target and baseline as the form shows and sends them: text, as typed. */
export interface SeriesFigures {
  readonly position: number;
  readonly targetValue: string;
  readonly targetYear: string;
  readonly baselineValue: string;
  /** The baseline's year or span (H30, H30～R2平均値); '' for none. */
  readonly baselineYear: string;
}

export interface KpiSettingsForm {
  readonly name: string;
  readonly unit: string;
  /** A department's id as text, or '' for none. */
  readonly department: string;
  readonly series: readonly SeriesFigures[];
  /** The fiscal year a changed target or baseline applies from, as the select sends it (2023). */
  readonly from: string;
  /** Why the target or baseline changed: required when one did. */
  readonly note: string;
}

export const settingsFields = {
  targetValue: (position: number) => `t${position}-value`,
  targetYear: (position: number) => `t${position}-year`,
  baselineValue: (position: number) => `b${position}-value`,
  baselineYear: (position: number) => `b${position}-year`,
  from: 'from',
  note: 'note',
};

/** The values in force in the plan's last year: the ones the form shows, and what a change is measured from. */
export function latestFigures(history: readonly SeriesHistory[], lastYear: FiscalYear): SeriesFigures[] {
  return history.map((h) => {
    const now = seriesInForce(asSeries(h), lastYear).series;
    return {
      position: h.position,
      targetValue: now.target.value,
      targetYear: formatFiscalYear(now.target.year),
      baselineValue: now.baseline?.value ?? '',
      baselineYear: now.baseline?.span ? formatYearSpan(now.baseline.span) : '',
    };
  });
}

/** What the settings page needs besides the KPI: each series's history and the year a change defaults to. */
export async function settingsContext(db: Db, plan: string, kpi: string) {
  const summary = await planSummary(db, plan);
  const history = await kpiRevisionHistory(db, plan, kpi);
  return {
    summary,
    history,
    latest: latestFigures(history, summary.periodTo),
    defaultFrom: await collectionYear(db, plan),
  };
}

const sameText = (a: string, b: string) => a.trim() === b.trim();

/**
 * The office changes what it owns about a KPI. A target or baseline changed on the form is recorded as a
 * revision from the chosen year with the reason given (store/revisions.ts), so the years before it keep
 * the values they were evaluated with; figures are read as the plan file reads them.
 */
export async function editKpiSettings(
  store: Store,
  user: User,
  at: { plan: string; kpi: string },
  form: KpiSettingsForm,
): Promise<FormOutcome<number>> {
  assertRole(user, 'admin');
  const { summary, history, latest } = await settingsContext(store.db, at.plan, at.kpi);
  const problems: Record<string, FormProblem> = {};
  const name = fieldText('kpi-name', form.name, true);
  if (name.problem) problems.name = name.problem;
  const unitRead = fieldText('unit', form.unit);
  if (unitRead.problem) problems.unit = unitRead.problem;
  const unit = unitRead.value ?? '';
  const departments = await listDepartments(store.db, municipalityOf(user));
  const departmentId = form.department === '' ? null : Number(form.department);
  if (departmentId !== null && !departments.some((d) => d.id === departmentId))
    problems.department = { kind: 'choice' };

  const revised: RevisionEdit['series'][number][] = [];
  for (const h of history) {
    const typed = form.series.find((s) => s.position === h.position);
    const shown = latest.find((s) => s.position === h.position);
    if (!typed || !shown) continue;
    const figureUnit = h.unit ?? (unit === '' ? null : unit);
    const field = (name: keyof typeof settingsFields, problem: FormProblem) => {
      const key = settingsFields[name];
      problems[typeof key === 'string' ? key : key(h.position)] = problem;
    };
    let target: Target | null = null;
    if (!sameText(typed.targetValue, shown.targetValue) || !sameText(typed.targetYear, shown.targetYear)) {
      const value = parseFigureText(typed.targetValue, figureUnit);
      const year = parseFiscalYear(typed.targetYear);
      if (!value.ok) field('targetValue', { kind: 'figure', refusal: value.problem });
      if (!year.ok) field('targetYear', { kind: 'year' });
      if (value.ok && year.ok) target = { value: value.value, year: year.value };
    }
    let baseline: Baseline | null = null;
    if (
      !sameText(typed.baselineValue, shown.baselineValue) ||
      !sameText(typed.baselineYear, shown.baselineYear)
    ) {
      if (typed.baselineValue.trim() === '') {
        field('baselineValue', { kind: 'revision', reason: 'baseline-removed' });
      } else {
        const value = parseFigureText(typed.baselineValue, figureUnit);
        const span = typed.baselineYear.trim() === '' ? null : parseYearSpan(typed.baselineYear);
        if (!value.ok) field('baselineValue', { kind: 'figure', refusal: value.problem });
        if (span && !span.ok) field('baselineYear', { kind: 'year' });
        if (value.ok && (span === null || span.ok))
          baseline = { value: value.value, span: span?.ok ? span.value : null };
      }
    }
    if (target || baseline) revised.push({ position: h.position, target, baseline });
  }
  let revision: RevisionEdit | null = null;
  if (revised.length > 0) {
    const from = parseFiscalYear(form.from);
    if (!from.ok || from.value < summary.periodFrom || from.value > summary.periodTo)
      problems.from = { kind: 'choice' };
    const note = fieldText('revision-note', form.note, true);
    if (note.problem) problems.note = note.problem;
    if (from.ok && note.value !== null) revision = { from: from.value, note: note.value, series: revised };
  }
  if (Object.keys(problems).length > 0) return rejected(problems);
  try {
    const edit = {
      ...at,
      name: name.value ?? '',
      unit: unit === '' ? null : unit,
      departmentId,
      revision,
    };
    return accepted(await updateKpiSettings(store.db, edit, user.id));
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) return rejected(refused);
    throw error;
  }
}

/** The store's refusal of a revision, beside the field it concerns. */
function refusalOf(error: unknown): Record<string, FormProblem> | null {
  if (!(error instanceof ShinchokuError) || error.id !== 'invalid') return null;
  const { position, field, reason } = error.context;
  if (typeof position !== 'number') return null;
  const at =
    field === 'baseline' ? settingsFields.baselineValue(position) : settingsFields.targetValue(position);
  switch (reason) {
    case 'direction':
      return { [at]: { kind: 'direction' } };
    case 'baseline-year':
      return { [settingsFields.from]: { kind: 'revision', reason: 'baseline-year' } };
    case 'year-before':
      return { [settingsFields.targetYear(position)]: { kind: 'revision', reason: 'year-before' } };
    case 'period':
      return { [settingsFields.from]: { kind: 'choice' } };
    default:
      return null;
  }
}
