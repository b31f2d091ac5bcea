import type { Kpi, Plan } from '../core/plan.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';

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
  if (!t) return {};
  const en = some({ name: t.name, unit: t.unit, category: t.category, department: t.department }) ?? {};
  if (t.assessments.size > 0) {
    const years = [...t.assessments].sort(([a], [b]) => a - b);
    en.assessment = Object.fromEntries(
      years.map(([year, a]) => [
        formatFiscalYear(year),
        a.status === null && a.text !== null ? a.text : (some({ status: a.status, text: a.text }) ?? {}),
      ]),
    );
  }
  return withEn(Object.keys(en).length > 0 ? en : null);
}

export function seriesEn(plan: Plan, kpi: Kpi, index: number): Record<string, unknown> {
  const t = plan.translation?.kpis.get(kpi.id)?.series[index];
  return withEn(t ? some({ label: t.label, unit: t.unit }) : null);
}

export function gradeEn(plan: Plan, label: string): Record<string, unknown> {
  return withEn(some({ label: plan.translation?.grades.get(label) }));
}
