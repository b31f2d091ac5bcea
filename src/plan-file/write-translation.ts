import type { Kpi, Plan } from '../core/plan.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';

/**
 * The `en:` objects planToYaml writes back beside the Japanese texts: the keys the plan gives, in a fixed
 * order, so export → import → export stays byte-identical. Empty objects are never written.
 */
type Written = Record<string, unknown> | null;

function some(fields: Record<string, string | readonly string[] | null | undefined>): Written {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

const withEn = (en: Written): Record<string, unknown> => (en ? { en } : {});

export function planEn(plan: Plan): Record<string, unknown> {
  const t = plan.translation;
  return withEn(t ? some({ title: t.title, municipality: t.municipality }) : null);
}

export function goalEn(plan: Plan, goalId: string): Record<string, unknown> {
  return withEn(some({ title: plan.translation?.goals.get(goalId)?.title }));
}

export function kpiEn(plan: Plan, kpi: Kpi): Record<string, unknown> {
  const t = plan.translation?.kpis.get(kpi.id);
  return withEn(
    t ? some({ name: t.name, unit: t.unit, category: t.category, department: t.department }) : null,
  );
}

export function seriesEn(plan: Plan, kpi: Kpi, index: number): Record<string, unknown> {
  const t = plan.translation?.kpis.get(kpi.id)?.series[index];
  return withEn(t ? some({ label: t.label, unit: t.unit }) : null);
}

export function assessmentEn(plan: Plan, kpi: Kpi, year: FiscalYear): Record<string, unknown> {
  const t = plan.translation?.kpis.get(kpi.id)?.assessments.get(year);
  return withEn(t ? some({ status: t.status, text: t.text }) : null);
}

export function gradeEn(plan: Plan, label: string): Record<string, unknown> {
  return withEn(some({ label: plan.translation?.grades.get(label) }));
}
