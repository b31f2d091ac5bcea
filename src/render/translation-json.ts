import type { Evaluation, GoalResult, KpiResult } from '../core/evaluation.ts';
import type { JsonValue } from './json-text.ts';
import type { Messages } from './messages.ts';

/**
 * The English the plan gives for its texts, as the English JSON sends it: an `en` object beside the
 * Japanese fields, which keep their meaning (the plan's own text). A text the plan gives no English for
 * is null there, so a reader sees plainly what is untranslated. Only in English, and only for a plan
 * with translations, so every other output stays as it was.
 */
type Fragment = { readonly en?: JsonValue };

const none: Fragment = {};

function active(evaluation: Evaluation, messages: Messages) {
  return messages.lang === 'en' ? (evaluation.translation ?? null) : null;
}

export function planEnJson(evaluation: Evaluation, messages: Messages): Fragment {
  const t = active(evaluation, messages);
  return t ? { en: { title: t.title, municipality: t.municipality } } : none;
}

export function goalEnJson(evaluation: Evaluation, messages: Messages, goal: GoalResult): Fragment {
  const t = active(evaluation, messages);
  return t ? { en: { title: t.goals.get(goal.id)?.title ?? null } } : none;
}

export function kpiEnJson(evaluation: Evaluation, messages: Messages, kpi: KpiResult): Fragment {
  const t = active(evaluation, messages);
  if (!t) return none;
  const k = t.kpis.get(kpi.id);
  const assessment = k?.assessments.get(evaluation.year);
  return {
    en: {
      name: k?.name ?? null,
      unit: kpi.unit === null ? null : (k?.unit ?? null),
      category: k?.category ? [...k.category] : null,
      department: kpi.department === null ? null : (k?.department ?? null),
      grade: kpi.grade === null ? null : (t.grades.get(kpi.grade) ?? null),
      phrase: kpi.assessment?.status ? (assessment?.status ?? null) : null,
      assessment: kpi.assessment?.text ? (assessment?.text ?? null) : null,
      series: kpi.series.map((s, i) => ({
        label: s.label === null ? null : (k?.series[i]?.label ?? null),
        unit:
          s.unit === null ? null : (k?.series[i]?.unit ?? (s.unit === kpi.unit ? (k?.unit ?? null) : null)),
      })),
    },
  };
}
