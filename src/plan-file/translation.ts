import { parseFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import {
  isEmptyTranslation,
  type AssessmentTranslation,
  type GoalTranslation,
  type KpiTranslation,
  type PlanTranslation,
  type SeriesTranslation,
} from '../core/translation.ts';
import type { ProblemCollector } from './collector.ts';
import type { PathSegment } from './problem.ts';
import type { KpiDefinition, PlanFile } from './schema.ts';

type Path = readonly PathSegment[];

/**
 * Gathers the plan file's `en:` objects into one translation, keyed by the plan's ids. The texts were
 * checked by the schema; what is checked here is that each English text has a Japanese one to
 * translate (an `en.unit` for a KPI without a unit would be shown nowhere) and that the category tags
 * pair up one for one. Undefined when the plan gives no English, so such a plan is read as before.
 */
export function readTranslation(file: PlanFile, problems: ProblemCollector): PlanTranslation | undefined {
  const goals = new Map<string, GoalTranslation>();
  const kpis = new Map<string, KpiTranslation>();
  file.goals.forEach((goal, g) => {
    if (goal.en?.title) goals.set(goal.id, { title: goal.en.title });
    goal.kpis.forEach((entry, k) => {
      if ('ref' in entry || kpis.has(entry.id)) return;
      const kpi = kpiTranslation(entry, ['goals', g, 'kpis', k], problems);
      if (kpi) kpis.set(entry.id, kpi);
    });
  });
  const grades = new Map<string, string>();
  for (const band of file.plan.evaluation?.grades ?? []) {
    if (band.en?.label) grades.set(band.label, band.en.label);
  }
  const translation: PlanTranslation = {
    title: file.plan.en?.title ?? null,
    municipality: file.plan.en?.municipality ?? null,
    goals,
    kpis,
    grades,
  };
  return isEmptyTranslation(translation) ? undefined : translation;
}

function kpiTranslation(entry: KpiDefinition, path: Path, problems: ProblemCollector): KpiTranslation | null {
  const en = entry.en;
  const orphan = (field: string, at: Path) =>
    problems.error('bad-translation', at, { code: 'translation-no-original', field });
  if (en?.unit && !entry.unit) orphan('unit', [...path, 'en', 'unit']);
  if (en?.department && !entry.department) orphan('department', [...path, 'en', 'department']);
  if (en?.category) {
    const expected = entry.category?.length ?? 0;
    if (en.category.length !== expected) {
      problems.error('bad-translation', [...path, 'en', 'category'], {
        code: 'translation-count',
        expected,
        found: en.category.length,
      });
    }
  }
  const series = (entry.series ?? []).map((s, i): SeriesTranslation | null => {
    if (!s.en) return null;
    if (s.en.unit && !(s.unit ?? entry.unit)) orphan('unit', [...path, 'series', i, 'en', 'unit']);
    return { label: s.en.label ?? null, unit: s.en.unit ?? null };
  });
  const assessments = new Map<FiscalYear, AssessmentTranslation>();
  const japanese = new Map<FiscalYear, { readonly status?: string }>();
  for (const [key, value] of Object.entries(entry.assessment ?? {})) {
    const year = parseFiscalYear(key);
    if (year.ok) japanese.set(year.value, typeof value === 'string' ? {} : value);
  }
  for (const [key, value] of Object.entries(en?.assessment ?? {})) {
    const at = [...path, 'en', 'assessment', key];
    const year = parseFiscalYear(key);
    if (!year.ok) {
      problems.error('bad-year', at, { code: 'bad-year', text: key, english: year.message });
      continue;
    }
    const original = japanese.get(year.value);
    if (!original) {
      orphan('assessment', at);
      continue;
    }
    const english = typeof value === 'string' ? { text: value } : value;
    if (english.status && !original.status) orphan('status', [...at, 'status']);
    assessments.set(year.value, { status: english.status ?? null, text: english.text ?? null });
  }
  const kpi: KpiTranslation = {
    name: en?.name ?? null,
    unit: en?.unit ?? null,
    category: en?.category ?? null,
    department: en?.department ?? null,
    series,
    assessments,
  };
  const empty =
    !en?.name &&
    !en?.unit &&
    !en?.category &&
    !en?.department &&
    series.every((s) => s === null) &&
    assessments.size === 0;
  return empty ? null : kpi;
}
