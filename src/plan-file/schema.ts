import { z } from 'zod';
import { TEXT_FIELDS, textProblem, unifyLineBreaks, type TextFieldKind } from '../core/text-field.ts';
import { englishShapes } from './translation-schema.ts';

/**
 * The plan file's shape: a public contract that other tools write. Keys may be added; none may be
 * renamed or reshaped. Values stay loose here (a figure may be a number or text such as "３,９０８");
 * normalize.ts turns them into the strict plan, with a message for each one it cannot read.
 */

/**
 * A free-text value under the one text-field rule (core/text-field.ts). Its limit is the JSON Schema's
 * maxLength, which counts characters as the rule does; a refusal carries the rule's problem in `params`,
 * for the reader to word with its place. Line ends are unified; the text is otherwise kept as written.
 */
export function text(kind: TextFieldKind, options: { readonly min?: number } = {}): z.ZodString {
  const base = options.min === undefined ? z.string() : z.string().min(options.min);
  return base
    .overwrite(unifyLineBreaks)
    .superRefine((value, ctx) => {
      const problem = textProblem(kind, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.code, params: { text: problem } });
    })
    .meta({ maxLength: TEXT_FIELDS[kind].max });
}

/**
 * A free-text value as Shinchoku itself stored it (a frozen edition): kept exactly as written, with no
 * length or character rule, because those rules came later than some of what the store holds.
 */
function storedText(_kind: TextFieldKind, options: { readonly min?: number } = {}): z.ZodString {
  return options.min === undefined ? z.string() : z.string().min(options.min);
}

type TextRule = typeof text;

/** The whole shape with one text rule: the file rule for what people write, the stored one for editions. */
function shapes(text: TextRule) {
  const en = englishShapes(text);
  const figure = z
    .union([z.number(), text('figure')])
    .meta({ description: 'A number, or text such as "３,９０８", "△40" or "431.5万円".' });

  const yearLabel = z.union([text('year-label'), z.number().int()]).meta({
    description:
      'A fiscal year: R4, 令和4年度, 令和元年度, H31, or 2022 (the fiscal year starting in April 2022).',
  });

  const plainEntry = z.union([z.number(), text('figure'), z.null()]);

  const yearEntry = z
    .union([
      plainEntry,
      z.strictObject({
        value: plainEntry,
        state: z.enum(['provisional', 'final']).meta({
          description: 'provisional (見込) until the department confirms it; final (確定) by default.',
        }),
      }),
    ])
    .meta({
      description:
        'A number; null or "—" when there is nothing to report; the reason a value is missing (未取得); or {value, state}.',
    });

  const yearMap = <T extends z.ZodType>(value: T) =>
    z.record(text('year-label'), value).meta({ description: 'Keyed by fiscal year: R3, 令和4年度, 2022.' });

  const direction = z.enum(['increase', 'decrease']).meta({
    description:
      'Which way is better. Required only where the target equals the baseline or there is no baseline.',
  });

  const baseline = z.union([
    figure,
    z.null(),
    z.strictObject({
      value: figure,
      year: z
        .union([text('year-label'), z.number().int()])
        .optional()
        .meta({ description: 'The year or span the baseline stands for: H30, or "H30～R2平均値".' }),
    }),
  ]);

  const target = z.union([
    figure,
    z.strictObject({
      value: figure,
      year: yearLabel
        .optional()
        .meta({ description: "The year the target is for; the plan's last year by default." }),
    }),
  ]);

  const revision = z
    .strictObject({
      from: yearLabel.meta({
        description:
          'The fiscal year from which the revised values apply; earlier years keep the ones before.',
      }),
      target: target.optional().meta({
        description: 'The revised 目標値: a number or {value, year}; the year stays as it was by default.',
      }),
      baseline: z
        .union([
          figure,
          z.strictObject({
            value: figure,
            year: z
              .union([text('year-label'), z.number().int()])
              .optional()
              .meta({ description: 'The year or span the revised baseline stands for.' }),
          }),
        ])
        .optional()
        .meta({ description: 'The revised 現状値: a number or {value, year}.' }),
      note: text('revision-note').meta({
        description: 'Why the value was revised, as the report prints it.',
      }),
    })
    .meta({
      description:
        'A change to the target or baseline from a fiscal year on (目標値を上方修正). The `target` and `baseline` beside it stay the values the plan first set.',
    });

  const assessment = z.union([
    text('assessment-text'),
    z.strictObject({
      status: text('assessment-status').optional().meta({
        description: 'The status phrase, where the office words it differently from the computed one.',
      }),
      text: text('assessment-text'),
    }),
  ]);

  const figures = {
    baseline: baseline
      .optional()
      .meta({ description: '現状値: a number, {value, year}, or null where there is none.' }),
    target: target.optional().meta({ description: '目標値: a number or {value, year}.' }),
    direction: direction.optional(),
    actuals: yearMap(yearEntry).optional().meta({ description: '実績値 by fiscal year.' }),
    milestones: yearMap(figure)
      .optional()
      .meta({ description: 'Interim targets by fiscal year (for the pace method).' }),
    revisions: z.array(revision).optional().meta({
      description: 'Revisions of the target or baseline, oldest first, each from a fiscal year on.',
    }),
  };

  const seriesSchema = z.strictObject({
    label: text('series-label', { min: 1 }).meta({ description: 'The series name: 男性, 女性, 児童, 生徒.' }),
    unit: text('unit')
      .optional()
      .meta({ description: "The series's unit, where it differs from the KPI's." }),
    ...figures,
    en: en.series.optional(),
  });

  const kpiDefinitionSchema = z.strictObject({
    id: text('identifier', { min: 1 }).meta({ description: 'A stable identifier, unique in the plan.' }),
    name: text('kpi-name', { min: 1 }).meta({ description: '数値目標: the KPI as the report names it.' }),
    category: z.array(text('category')).optional().meta({ description: '区分: 成果, 比較, 基準値, …' }),
    unit: text('unit').optional().meta({ description: 'Printed after each figure: 万円, 件, %, t, 倍.' }),
    department: text('department-name')
      .optional()
      .meta({ description: '担当課: the department that reports the figures.' }),
    ...figures,
    series: z
      .array(seriesSchema)
      .min(1)
      .optional()
      .meta({ description: 'Parallel series (男性/女性), each with its own baseline, target and actuals.' }),
    assessment: yearMap(assessment)
      .optional()
      .meta({ description: '達成状況・要因及び対策等 by fiscal year: the text, or {status, text}.' }),
    en: en.kpi.optional(),
  });

  const kpiRefSchema = z.strictObject({
    ref: text('identifier', { min: 1 }).meta({
      description: '再掲: the id of a KPI defined under another goal.',
    }),
  });

  const goalSchema = z.strictObject({
    id: text('identifier', { min: 1 }),
    kind: z
      .enum(['basic', 'cross-cutting'])
      .meta({ description: 'basic (基本目標) or cross-cutting (横断的な目標).' }),
    number: z.number().int().positive(),
    title: text('goal-title', { min: 1 }),
    kpis: z.array(z.union([kpiRefSchema, kpiDefinitionSchema])),
    en: en.goal.optional(),
  });

  const gradeBandSchema = z.strictObject({
    label: text('grade-label', { min: 1 }),
    min: figure
      .optional()
      .meta({ description: 'The lowest score (in %) for this band; leave it out on the last band.' }),
    achieved: z.boolean().optional().meta({ description: 'Whether a KPI in this band counts as achieved.' }),
    en: en.grade.optional(),
  });

  const evaluationSchema = z.strictObject({
    method: z.enum(['progress', 'ratio', 'pace']).optional().meta({
      description:
        'progress (default, the seed), ratio (actual / target) or pace (progress against the straight-line pace).',
    }),
    grades: z.array(gradeBandSchema).min(1).optional().meta({ description: 'Grade bands, best first.' }),
    missing: z.enum(['exclude', 'not-achieved', 'bucket']).optional().meta({
      description:
        'A KPI without an actual: left out (default), counted as not achieved, or shown in a bucket of its own.',
    }),
    shared: z.enum(['per-listing', 'once']).optional().meta({
      description: 'A 再掲 KPI in the overall rate: once per goal that lists it (default), or once.',
    }),
    rounding: z
      .strictObject({
        mode: z.enum(['half-up', 'truncate']),
        places: z.number().int().min(0).max(3),
      })
      .optional()
      .meta({
        description: 'How progress and rates are rounded: half-up (away from zero) to 1 place by default.',
      }),
  });

  const planFileSchema = z
    .strictObject({
      $schema: text('schema-reference').optional(),
      plan: z.strictObject({
        id: text('identifier')
          .regex(/^[a-z0-9][a-z0-9-]*$/)
          .optional()
          .meta({
            description:
              'A short name for the plan in URLs and the database: lower-case letters, digits and hyphens.',
          }),
        title: text('plan-title', { min: 1 }),
        municipality: text('municipality', { min: 1 }),
        period: z
          .strictObject({ from: yearLabel, to: yearLabel })
          .meta({ description: 'Plan year 1 is `from`.' }),
        evaluation: evaluationSchema.optional(),
        en: en.plan.optional(),
      }),
      goals: z.array(goalSchema).min(1),
    })
    .meta({ title: 'Shinchoku plan file', description: 'A municipal strategy, its KPIs and their figures.' });
  return { planFileSchema, kpiDefinitionSchema, revision };
}

const fileShapes = shapes(text);

/** The plan file as people and other tools write it: every text under the text-field rule. */
export const planFileSchema = fileShapes.planFileSchema;
/** The plan file as Shinchoku froze it in an edition: the same shape, texts as stored. */
export const storedPlanFileSchema = shapes(storedText).planFileSchema;

export type PlanFile = z.infer<typeof planFileSchema>;
export type KpiDefinition = z.infer<typeof fileShapes.kpiDefinitionSchema>;
export type FigureFields = Pick<
  KpiDefinition,
  'baseline' | 'target' | 'direction' | 'actuals' | 'milestones' | 'revisions'
>;
export type RevisionDefinition = z.infer<typeof fileShapes.revision>;

export function planJsonSchema(): object {
  return z.toJSONSchema(planFileSchema, { target: 'draft-2020-12', io: 'input' });
}
