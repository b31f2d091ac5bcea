import type { FiscalYear } from '../core/fiscal-year.ts';
import type { AssessmentTranslation, PlanTranslation } from '../core/translation.ts';

/**
 * A plan's English texts as the `plans.translation` JSON column holds them: plain arrays of entries for
 * the maps, so the value reads back equal. The translation is one small value the plan replaces whole on
 * import, so one column serves better than a column beside every Japanese text.
 */
export interface StoredTranslation {
  readonly title: string | null;
  readonly municipality: string | null;
  readonly goals: readonly [string, { readonly title: string | null }][];
  readonly kpis: readonly [
    string,
    {
      readonly name: string | null;
      readonly unit: string | null;
      readonly category: readonly string[] | null;
      readonly department: string | null;
      readonly series: readonly ({ readonly label: string | null; readonly unit: string | null } | null)[];
      readonly assessments: readonly [FiscalYear, AssessmentTranslation][];
    },
  ][];
  readonly grades: readonly [string, string][];
}

export function storedTranslation(t: PlanTranslation | undefined): StoredTranslation | null {
  if (!t) return null;
  return {
    title: t.title,
    municipality: t.municipality,
    goals: [...t.goals],
    kpis: [...t.kpis].map(([id, k]) => [id, { ...k, assessments: [...k.assessments] }]),
    grades: [...t.grades],
  };
}

export function translationOf(stored: unknown): PlanTranslation | undefined {
  if (stored === null || stored === undefined) return undefined;
  const s = stored as StoredTranslation;
  return {
    title: s.title,
    municipality: s.municipality,
    goals: new Map(s.goals),
    kpis: new Map(s.kpis.map(([id, k]) => [id, { ...k, assessments: new Map(k.assessments) }])),
    grades: new Map(s.grades),
  };
}
