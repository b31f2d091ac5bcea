import type { Evaluation, GoalResult, KpiResult, SeriesResult } from '../core/evaluation.ts';
import { formatBaseline, formatFigure, formatRate, NO_FIGURE, withSeriesLabel } from '../core/format.ts';
import { explainRate } from '../core/explain.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Messages, NotEvaluatedWhy } from './messages.ts';
import { baselineText, entryText, gradeText, targetText } from './target-text.ts';
import { interimTargetLines, scoreCell, scoreHeading, shortfallCell } from './score-cells.ts';
import { formatSpanOfKind } from '../core/year-kind.ts';
import { kpiYearKind, seriesWords } from './series-words.ts';

/**
 * The report's words and figures laid out as tables and bullets, once, for every format: terminal,
 * HTML, PDF, PowerPoint and Excel all print these same strings, so none can show a different figure.
 */

/** One table cell: a line per series (男性：18.43年 / 女性：20.72年), and the calculation behind it. */
export interface Cell {
  readonly lines: readonly string[];
  /** The formula with its numbers, for the figures that are computed. */
  readonly formula: readonly (string | null)[] | null;
}

export interface GoalTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly kpi: KpiResult; readonly cells: readonly Cell[] }[];
}

export interface AssessmentBullet {
  readonly kpi: KpiResult;
  /** 「就業者一人当たり市内純生産については、未達成の状況」 */
  readonly lead: string;
  readonly text: string | null;
}

const plain = (lines: readonly string[]): Cell => ({ lines, formula: null });

function historyCell(kpi: KpiResult, column: number, messages: Messages): Cell {
  const entries = kpi.series.map((s) => s.history[column]?.entry ?? null);
  const first = entries[0] ?? null;
  if (entries.every((e) => !e || e.kind === 'none')) return plain([NO_FIGURE]);
  // A year every series misses for the same reason is printed once, as the seed prints 未取得.
  if (first?.kind === 'missing' && entries.every((e) => e?.kind === 'missing' && e.reason === first.reason)) {
    return plain([first.reason]);
  }
  return plain(
    kpi.series.map((s, j) => withSeriesLabel(s.label, entryText(entries[j] ?? null, s.unit, messages))),
  );
}

export function goalTable(goal: GoalResult, evaluation: Evaluation, messages: Messages): GoalTable {
  // A hand grade needs the grade column even in a plan that grades nothing else.
  const graded = evaluation.settings.grades !== null || evaluation.kpis.some((k) => k.judgement);
  const header = [
    messages.columns.kpi,
    messages.columns.category,
    messages.columns.baseline,
    messages.columns.target,
    ...evaluation.columns.map(messages.yearLabel),
    scoreHeading(evaluation, messages),
    ...(evaluation.settings.shortfall ? [messages.shortfallHeading] : []),
    ...(graded ? [messages.columns.grade] : []),
    ...(evaluation.settings.trend
      ? [evaluation.settings.trend.heading ?? seriesWords(messages.lang).trendHeading]
      : []),
  ];
  const rows = goal.kpis.map((kpi) => {
    const history = evaluation.columns.map((_, i) => historyCell(kpi, i, messages));
    const words = seriesWords(messages.lang);
    return {
      kpi,
      cells: [
        plain([kpi.name, ...kpiNotes(kpi, messages)]),
        plain([kpi.category.join(' ')]),
        plain(withRevisions(kpi, (s) => seriesBaselineText(s, messages), revisedBaselines(messages))),
        plain([
          ...withRevisions(kpi, (s) => targetText(s.target, s.unit, messages), revisedTargets(messages)),
          ...interimTargetLines(kpi, evaluation, messages),
        ]),
        ...history,
        scoreCell(kpi, evaluation, messages),
        ...(evaluation.settings.shortfall ? [shortfallCell(kpi, messages)] : []),
        ...(graded
          ? [
              plain([
                kpi.grade && kpi.gradeNote
                  ? words.gradeWithNote(kpi.grade, kpi.gradeNote)
                  : gradeText(kpi, messages),
              ]),
            ]
          : []),
        ...(evaluation.settings.trend ? [trendCell(kpi, evaluation.settings.trend.measure)] : []),
      ],
    };
  });
  return { header, rows };
}

/** A baseline with its year as the KPI's kind words it: 57,277件 (R2年) for a calendar-year statistic. */
/** The baseline as printed (its label, A), with its span in the series's kind of year (令和4年, not 令和4年度). */
function seriesBaselineText(s: SeriesResult, messages: Messages): string {
  if (!s.yearKind || !s.baseline?.span || s.baseline.label !== undefined) {
    return baselineText(s.baseline, s.unit, messages);
  }
  return `${formatFigure(s.baseline.value, s.unit)} (${formatSpanOfKind(s.baseline.span, s.yearKind)})`;
}

/** What follows a KPI's name: 「（暦年）」 for calendar-year statistics, 「（累計）」 for a running total. */
export function kpiNotes(kpi: KpiResult, messages: Messages): string[] {
  const words = seriesWords(messages.lang);
  const kind = kpiYearKind(kpi);
  const cumulative = kpi.series.find((s) => s.cumulative)?.cumulative;
  return [
    ...(kind ? [words.yearKindNote(kind)] : []),
    // Not twice where the name already says it (県内企業立地件数（累計）).
    ...(cumulative && !/累計|延べ/.test(kpi.name) ? [words.cumulativeNote(cumulative)] : []),
  ];
}

/** The trend status (進展, ○, S), with each series's movement as its formula. */
function trendCell(kpi: KpiResult, measure: 'change' | 'percent'): Cell {
  if (!kpi.trend) return plain([NO_FIGURE]);
  const formula = kpi.series.map((s) => {
    const t = s.trend;
    if (!t || s.actual?.kind !== 'value') return null;
    // Signed so that better is positive, as the bands read it.
    const moved =
      s.direction === 'increase'
        ? `${s.actual.value} − ${t.reference}`
        : `${t.reference} − ${s.actual.value}`;
    return measure === 'percent'
      ? `(${moved}) ÷ |${t.reference}| × 100 = ${t.change}%`
      : `${moved} = ${t.change}`;
  });
  return { lines: [kpi.trend.label], formula: formula.some((f) => f !== null) ? formula : null };
}

/** Each revised target in force in the year, worded as municipalities do: 「目標値を上方修正（390人、令和5年度から）」. */
export const revisedTargets =
  (messages: Messages) =>
  (s: SeriesResult): string[] =>
    s.revisions.flatMap((r) =>
      r.target
        ? [
            messages.targetRevised(
              r.target.change,
              formatFigure(r.target.after.value, s.unit),
              r.target.after.year,
              r.from,
            ),
          ]
        : [],
    );

/** Each revised baseline in force in the year: 「現状値を修正（342人、令和5年度から）」. */
export const revisedBaselines =
  (messages: Messages) =>
  (s: SeriesResult): string[] =>
    s.revisions.flatMap((r) =>
      r.baseline ? [messages.baselineRevised(formatBaseline(r.baseline.after, s.unit), r.from)] : [],
    );

/** A cell's line per series, each followed by a ※ line per revision of that value in force. */
function withRevisions(
  kpi: KpiResult,
  text: (s: SeriesResult) => string,
  revised: (s: SeriesResult) => string[],
): string[] {
  return kpi.series.flatMap((s) => [
    withSeriesLabel(s.label, text(s)),
    ...revised(s).map((words) => `※${words}`),
  ]);
}

/**
 * The revisions in force in the year, each with the office's reason, for the assessment: a revised target
 * is printed with its note in every format (※目標値を上方修正（390人、令和5年度から）。理由：…).
 */
export function revisionNotes(kpi: KpiResult, messages: Messages): string[] {
  return kpi.series.flatMap((s) =>
    s.revisions.flatMap((r) => {
      const revised = [
        ...(r.target ? revisedTargets(messages)({ ...s, revisions: [r] }) : []),
        ...(r.baseline ? revisedBaselines(messages)({ ...s, revisions: [r] }) : []),
      ].join(messages.lang === 'ja' ? '、' : '; ');
      return [messages.revisionNote(withSeriesLabel(s.label, revised), r.note)];
    }),
  );
}

/** What the evaluation year's cell of a not-evaluated KPI holds: the first series without a value decides. */
export function notEvaluatedWhy(kpi: KpiResult): NotEvaluatedWhy {
  const actual = kpi.series.find((s) => s.actual?.kind !== 'value')?.actual ?? null;
  if (actual === null) return { kind: 'not-entered' };
  return actual.kind === 'missing' ? { kind: 'missing', reason: actual.reason } : { kind: 'none' };
}

/**
 * What follows a KPI's name in its assessment: the status phrase (DOMAIN rule 9), or, for a KPI that is
 * not evaluated, why not. Null where a not-evaluated KPI has the office's own text, which then follows the
 * name directly, as the seed writes 65歳健康寿命.
 */
export function assessmentOpening(kpi: KpiResult, year: FiscalYear, messages: Messages): string | null {
  if (kpi.judgement) return messages.targets.judgementLead(kpi.judgement.grade, kpi.judgement.reason);
  // A band's own words are the plan's Japanese; the English edition keeps its catalog's phrase.
  const own = messages.lang === 'ja' ? kpi.phraseText : undefined;
  if (kpi.phrase) return kpi.assessment?.status ?? own ?? messages.phrase(kpi.phrase);
  if (kpi.unscored) return messages.targets.notEvaluatedNoTarget(year);
  if (kpi.assessment?.text) return null;
  return notEvaluatedWords(kpi, year, messages);
}

/** Why a KPI is not evaluated, with the year worded in the KPI's kind: 令和4年 for a calendar-year statistic. */
function notEvaluatedWords(kpi: KpiResult, year: FiscalYear, messages: Messages): string {
  const text = messages.notEvaluated(year, notEvaluatedWhy(kpi));
  const kind = kpiYearKind(kpi);
  if (!kind) return text;
  const words = seriesWords(messages.lang);
  return text.split(words.fiscalYearInText(year)).join(words.yearInText(year, kind));
}

/** Every KPI's bullet opens with a whole sentence: never 「出生数については、」 and nothing after it. */
export function assessmentBullets(
  goal: GoalResult,
  evaluation: Pick<Evaluation, 'year'>,
  messages: Messages,
): AssessmentBullet[] {
  const bullets = goal.kpis.map((kpi): AssessmentBullet => {
    const opening = assessmentOpening(kpi, evaluation.year, messages);
    const text = kpi.assessment?.text || null;
    if (opening !== null) return { kpi, lead: messages.assessmentLead(kpi.name, opening), text };
    const own = text ?? notEvaluatedWords(kpi, evaluation.year, messages);
    return { kpi, lead: messages.assessmentLead(kpi.name, own), text: null };
  });
  // A revised target or baseline follows the office's text, on a line of its own, with its reason; so does
  // the footnote of an annotated grade (「C (A※1)」).
  return bullets.map((b) => {
    const notes = [
      ...revisionNotes(b.kpi, messages),
      ...(b.kpi.gradeNote ? [seriesWords(messages.lang).gradeFootnote(b.kpi.gradeNote)] : []),
    ];
    return notes.length === 0 ? b : { ...b, text: [b.text, ...notes].filter((t) => t !== null).join('\n') };
  });
}

export interface SummaryTable {
  readonly header: readonly string[];
  readonly rows: readonly {
    readonly goal: GoalResult;
    readonly label: string;
    readonly statuses: readonly string[];
    readonly rate: string;
    readonly formula: string | null;
  }[];
}

/** 全体の達成状況: per goal, the status of each KPI it counts, in order, then the goal's rate. */
export function summaryTable(evaluation: Evaluation, messages: Messages): SummaryTable {
  const width = evaluation.summaryWidth;
  const header = [
    messages.columns.kpi,
    ...Array.from({ length: width }, (_, i) => String(i + 1)),
    messages.columns.rate,
  ];
  const rows = evaluation.goals.map((goal) => ({
    goal,
    label: messages.goalLabel(goal.kind, goal.number),
    statuses: Array.from({ length: width }, (_, i) => {
      const kpi = goal.summary[i];
      if (!kpi) return NO_FIGURE;
      if (kpi.unscored && kpi.status === 'not_evaluated') return messages.targets.noTarget;
      return kpi.status === 'not_evaluated'
        ? (kpi.missing?.reason ?? messages.status(kpi.status))
        : messages.status(kpi.status);
    }),
    rate: formatRate(goal.rate),
    formula: explainRate(goal),
  }));
  return { header, rows };
}
