import { z } from 'zod';
import type { TextFieldKind } from '../core/text-field.ts';

type TextRule = (kind: TextFieldKind, options?: { readonly min?: number }) => z.ZodString;

const ABOUT =
  'English for the Japanese texts beside it, for the English report, pages and data. Every key is optional; a text left out is shown in Japanese, marked as such.';

/**
 * The `en:` objects a plan may put beside its Japanese texts. Each English text is under the same
 * text-field rule as the Japanese one it translates (its length limit and characters).
 */
export function englishShapes(text: TextRule) {
  const about = (what: string) => ({ description: `${ABOUT} ${what}` });
  return {
    plan: z
      .strictObject({
        title: text('plan-title', { min: 1 }).optional(),
        municipality: text('municipality', { min: 1 }).optional(),
      })
      .meta(about('For the plan: title and municipality.')),
    goal: z
      .strictObject({ title: text('goal-title', { min: 1 }).optional() })
      .meta(about("For the goal's title.")),
    kpi: z
      .strictObject({
        name: text('kpi-name', { min: 1 }).optional(),
        unit: text('unit')
          .optional()
          .meta({ description: 'May be empty: 倍 of a ratio often reads best as the bare number.' }),
        category: z
          .array(text('category', { min: 1 }))
          .optional()
          .meta({
            description: 'One English tag for each Japanese tag of `category`, in the same order.',
          }),
        department: text('department-name', { min: 1 }).optional(),
        assessment: z
          .record(
            text('year-label'),
            z.union([
              text('assessment-text', { min: 1 }),
              z.strictObject({
                status: text('assessment-status', { min: 1 }).optional(),
                text: text('assessment-text', { min: 1 }).optional(),
              }),
            ]),
          )
          .optional()
          .meta({
            description:
              "The year's assessment in English, keyed as `assessment` is: the text, or {status, text}.",
          }),
      })
      .meta(about('For the KPI: name, unit, category, department and assessments.')),
    series: z
      .strictObject({
        label: text('series-label', { min: 1 }).optional(),
        unit: text('unit', { min: 1 }).optional(),
      })
      .meta(about("For the series's label and unit.")),
    grade: z
      .strictObject({ label: text('grade-label', { min: 1 }).optional() })
      .meta(about("For the band's label.")),
  };
}
