import type { Cumulative } from '../core/cumulative.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { GradeNote, Kpi, Plan } from '../core/plan.ts';
import type { EvaluationSettings } from '../core/settings.ts';
import type { YearKind } from '../core/year-kind.ts';

/**
 * The forms of a series and an assessment that no table has a column for (cumulative, yearKind, gradeNote),
 * kept in the plan's settings document under one key, so a stored plan reads back as it was imported.
 * A plan without them stores its settings exactly as before.
 */
const KEY = 'planForms';

interface SeriesForms {
  readonly cumulative?: Cumulative;
  readonly yearKind?: YearKind;
}

interface StoredForms {
  /** Per KPI key, per series position. */
  readonly series?: Readonly<Record<string, readonly (SeriesForms | null)[]>>;
  /** Per KPI key, per fiscal year. */
  readonly gradeNotes?: Readonly<Record<string, Readonly<Record<string, GradeNote>>>>;
}

/** The settings document to store: the plan's settings, with its forms where it has any. */
export function settingsToStore(
  plan: Plan,
): EvaluationSettings | (EvaluationSettings & Record<string, unknown>) {
  const series: Record<string, (SeriesForms | null)[]> = {};
  const gradeNotes: Record<string, Record<string, GradeNote>> = {};
  for (const kpi of plan.kpis.values()) {
    const forms = kpi.series.map((s) =>
      s.cumulative || s.yearKind
        ? {
            ...(s.cumulative ? { cumulative: s.cumulative } : {}),
            ...(s.yearKind ? { yearKind: s.yearKind } : {}),
          }
        : null,
    );
    if (forms.some((f) => f !== null)) series[kpi.id] = forms;
    const notes = [...kpi.assessments].filter(([, a]) => a.gradeNote);
    if (notes.length > 0) {
      gradeNotes[kpi.id] = Object.fromEntries(
        notes.map(([year, a]) => [String(year), a.gradeNote as GradeNote]),
      );
    }
  }
  const hasSeries = Object.keys(series).length > 0;
  const hasNotes = Object.keys(gradeNotes).length > 0;
  if (!hasSeries && !hasNotes) return plan.evaluation;
  const forms: StoredForms = { ...(hasSeries ? { series } : {}), ...(hasNotes ? { gradeNotes } : {}) };
  return { ...plan.evaluation, [KEY]: forms };
}

/** The stored settings document split into the settings and the forms kept with them. */
export function settingsFromStore(stored: unknown): {
  readonly settings: EvaluationSettings;
  readonly withForms: (key: string, kpi: Omit<Kpi, 'id'>) => Omit<Kpi, 'id'>;
} {
  const document = stored as EvaluationSettings & { [KEY]?: StoredForms };
  const forms = document[KEY];
  if (!forms) return { settings: document, withForms: (_, kpi) => kpi };
  const settings = Object.fromEntries(
    Object.entries(document).filter(([key]) => key !== KEY),
  ) as unknown as EvaluationSettings;
  return {
    settings,
    withForms: (key, kpi) => {
      const series = forms.series?.[key];
      const notes = forms.gradeNotes?.[key];
      return {
        ...kpi,
        series: kpi.series.map((s, i) => ({ ...s, ...(series?.[i] ?? {}) })),
        assessments: notes
          ? new Map(
              [...kpi.assessments].map(([year, a]): [FiscalYear, typeof a] => {
                const note = notes[String(year)];
                // In the plan file's order: the settings document does not keep an object's key order.
                const gradeNote = note ? { grade: note.grade, mark: note.mark, note: note.note } : null;
                return [year, gradeNote ? { ...a, gradeNote } : a];
              }),
            )
          : kpi.assessments,
      };
    },
  };
}
