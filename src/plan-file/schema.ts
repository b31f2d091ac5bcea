import { z } from 'zod';
import { INDICATOR_CODES } from '../core/indicators.ts';
import { PLAN_ID } from '../core/plan.ts';
import { TEXT_FIELDS, textProblem, unifyLineBreaks, type TextFieldKind } from '../core/text-field.ts';
import { BOUNDS, TARGET_WORDS } from '../core/target-bound.ts';
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

  const bound = z.enum(BOUNDS).meta({
    description:
      'A figure known only as a bound: at-least (以上), more-than (超), at-most (以下) or less-than (未満).',
  });
  const printed = text('figure').meta({
    description: 'The figure as the published table prints it (1万7187人超), kept for output.',
  });

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
        state: z.enum(['provisional', 'final']).optional().meta({
          description: 'provisional (見込) until the department confirms it; final (確定) by default.',
        }),
        bound: bound.optional().meta({ description: 'The year’s figure known only as a bound (75%以上).' }),
        label: printed.optional(),
      }),
    ])
    .meta({
      description:
        'A number; null or "—" when there is nothing to report; the reason a value is missing (未取得); or {value, state, bound, label}.',
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
      label: printed.optional(),
    }),
  ]);

  const target = z.union([
    figure,
    z.null().meta({ description: 'No numeric target: the KPI is listed as 評価なし (or graded by hand).' }),
    z.strictObject({
      value: figure
        .optional()
        .meta({ description: 'The target figure; leave it out for a word target or `none`.' }),
      year: yearLabel
        .optional()
        .meta({ description: "The year the target is for; the plan's last year by default." }),
      bound: bound.optional().meta({
        description: 'A target written as a bound: 93%超 is {value: 93, bound: more-than}.',
      }),
      word: z.enum(TARGET_WORDS).optional().meta({
        description:
          'A target written as a word against the baseline: 維持 (keep), 増加 / 延伸 (above), 減少 / 短縮 (below).',
      }),
      label: printed.optional(),
      none: z.literal(true).optional().meta({ description: 'No numeric target (評価なし).' }),
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

  const gradeNote = z
    .strictObject({
      grade: text('grade-label', { min: 1 }).meta({
        description: 'The grade by the other rule: A in 「C (A※1)」.',
      }),
      mark: text('grade-label', { min: 1 }).meta({ description: 'The footnote mark: ※1.' }),
      note: text('revision-note', { min: 1 }).meta({ description: 'The footnote, as the report prints it.' }),
    })
    .meta({ description: 'A note beside the computed grade, printed 「C (A※1)」 with its footnote.' });

  const assessment = z.union([
    text('assessment-text'),
    z.strictObject({
      status: text('assessment-status').optional().meta({
        description: 'The status phrase, where the office words it differently from the computed one.',
      }),
      text: text('assessment-text'),
      judgement: z
        .strictObject({
          grade: text('grade-label', { min: 1 }),
          reason: text('assessment-text', { min: 1 }),
          achieved: z.boolean().optional().meta({
            description:
              'Counted as achieved (true) or not (false); left out, the KPI stays out of the rate.',
          }),
        })
        .optional()
        .meta({
          description: "The office's own grade for a KPI without a numeric target, with its reason.",
        }),
      gradeNote: gradeNote.optional(),
    }),
  ]);

  const cumulative = z
    .union([
      z.boolean(),
      z.strictObject({
        from: yearLabel.optional().meta({
          description: 'The first year judged on the running total; earlier years keep their yearly figure.',
        }),
        since: yearLabel
          .optional()
          .meta({ description: "The first year summed; the plan's first year by default." }),
        actuals: z.enum(['annual', 'total']).optional().meta({
          description:
            'annual (default): the actuals are yearly figures, summed here; total: they are the published totals.',
        }),
      }),
    ])
    .meta({
      description:
        '累計 / 延べ: judged on the running total. A blank baseline then means 0. true: every year, actuals are yearly figures.',
    });

  const yearKind = z.enum(['fiscal', 'calendar', 'census']).meta({
    description:
      'What the years count: fiscal (年度, default), calendar (暦年: 令和4年, 2022年) or census (国勢調査) years.',
  });

  const figures = {
    baseline: baseline
      .optional()
      .meta({ description: '現状値: a number, {value, year}, or null where there is none.' }),
    target: target.optional().meta({
      description:
        '目標値: a number, {value, year, bound, label}, a word (維持) or {word, year}, or null for none.',
    }),
    direction: direction.optional(),
    actuals: yearMap(yearEntry).optional().meta({ description: '実績値 by fiscal year.' }),
    milestones: yearMap(figure)
      .optional()
      .meta({ description: 'Interim targets by fiscal year (for the pace method).' }),
    revisions: z.array(revision).optional().meta({
      description: 'Revisions of the target or baseline, oldest first, each from a fiscal year on.',
    }),
    cumulative: cumulative.optional(),
    yearKind: yearKind.optional(),
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
    indicator: z.enum(INDICATOR_CODES).optional().meta({
      description:
        'The common indicator the KPI measures (docs/indicators.md), so that it is compared with other municipalities.',
    }),
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
    phrase: text('assessment-status', { min: 1 }).optional().meta({
      description: "The status phrase opening the assessment of a KPI in this band; the seed's by default.",
    }),
    en: en.grade.optional(),
  });

  const trendBandSchema = z.strictObject({
    label: text('grade-label', { min: 1 }).meta({ description: 'As printed: 進展, ○, S, クリア.' }),
    reached: z
      .literal(true)
      .optional()
      .meta({ description: 'The band holds only a KPI that reached its target (S, クリア).' }),
    over: figure
      .optional()
      .meta({ description: 'The band holds a change strictly above this (0: 「基準値を超えている」).' }),
    min: figure
      .optional()
      .meta({ description: 'The band holds a change at or above this (-10: 「△10%以内」).' }),
    achieved: z.boolean().optional().meta({ description: 'Whether a KPI in this band counts as achieved.' }),
    phrase: text('assessment-status', { min: 1 })
      .optional()
      .meta({ description: 'The status phrase opening the assessment of a KPI in this band.' }),
  });

  const trendSchema = z
    .strictObject({
      against: z.enum(['previous-year', 'baseline']).meta({
        description:
          "What the year's actual is compared with: the previous year's (進展) or the baseline (策定時).",
      }),
      measure: z.enum(['change', 'percent']).optional().meta({
        description: "The change in the KPI's unit (default), or in % of the value compared with.",
      }),
      heading: text('grade-label', { min: 1 })
        .optional()
        .meta({ description: 'The column heading as the reports print it: 進捗状況, 改善・悪化.' }),
      bands: z.array(trendBandSchema).min(1).meta({
        description:
          "Best first; the first band whose conditions hold is the KPI's. The last has no condition.",
      }),
    })
    .meta({ description: 'A status judged on movement: 進展 / 進展せず, ○ / △ / ×, S / A / B / C.' });

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
        zero: z.enum(['plain', 'places']).optional().meta({
          description: 'A zero score printed plain, 0% (default, the seed), or with its places, 0.0%.',
        }),
      })
      .optional()
      .meta({
        description: 'How progress and rates are rounded: half-up (away from zero) to 1 place by default.',
      }),
    against: z.enum(['final', 'interim']).optional().meta({
      description:
        "The target a score divides by: the final target (default), or the year's interim target from `milestones` (期待値, 年度目標, 目安値); a year without one gets no score, and says so.",
    }),
    data: z.enum(['evaluation-year', 'latest']).optional().meta({
      description:
        "The actual a KPI is judged on: the evaluation year's (default), or the latest year with a value up to it (直近値), for statistics that lag.",
    }),
    shortfall: z.boolean().optional().meta({
      description:
        "Also report 目標との差: the target minus the actual in the KPI's own unit, positive while short.",
    }),
    trend: trendSchema.optional(),
    editions: z
      .array(
        z.strictObject({
          from: yearLabel.meta({ description: 'The first year these settings apply to.' }),
          grades: z.array(gradeBandSchema).min(1).optional(),
          rounding: z
            .strictObject({
              mode: z.enum(['half-up', 'truncate']),
              places: z.number().int().min(0).max(3),
            })
            .optional(),
          trend: trendSchema.optional(),
        }),
      )
      .optional()
      .meta({
        description:
          'Settings changed from a year on (bands renamed, rounding changed); earlier years keep the ones before.',
      }),
  });

  const planFileSchema = z
    .strictObject({
      $schema: text('schema-reference').optional(),
      plan: z.strictObject({
        id: text('identifier').regex(PLAN_ID).optional().meta({
          description:
            'A short name for the plan in URLs and the database: lower-case letters, digits and hyphens.',
        }),
        title: text('plan-title', { min: 1 }),
        municipality: text('municipality', { min: 1 }),
        municipalityCode: z
          .union([text('identifier'), z.number().int()])
          .optional()
          .meta({
            description:
              '全国地方公共団体コード: six digits with the check digit ("112330" for 北本市), or five, completed. Write it in quotes: a number drops a leading 0.',
          }),
        population: z.strictObject({ value: figure, year: yearLabel.optional() }).optional().meta({
          description:
            'Residents, for comparisons per so many residents: {value, year} (the year counted, e.g. R2 for the 2020 census).',
        }),
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
  'baseline' | 'target' | 'direction' | 'actuals' | 'milestones' | 'revisions' | 'cumulative' | 'yearKind'
>;
export type RevisionDefinition = z.infer<typeof fileShapes.revision>;

export function planJsonSchema(): object {
  return z.toJSONSchema(planFileSchema, { target: 'draft-2020-12', io: 'input' });
}
