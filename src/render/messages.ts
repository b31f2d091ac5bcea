import type { Diagnostic } from '../core/diagnostic.ts';
import type { KpiStatus } from '../core/evaluation.ts';
import type { Lang } from '../core/language.ts';
import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../core/fiscal-year.ts';
import type { GoalKind } from '../core/plan.ts';
import type { TargetChange } from '../core/revisions.ts';
import type { MethodName } from '../core/settings.ts';
import { STATUS_PHRASE_JA, type StatusPhrase } from '../core/status-phrase.ts';
import { CHART_WORDS_EN, CHART_WORDS_JA, type ChartWords } from './chart-words.ts';
import { TARGET_WORDS_EN, TARGET_WORDS_JA, type TargetWords } from './target-words.ts';

/** What stands in the evaluation year's cell of a KPI that is not evaluated. */
export type NotEvaluatedWhy =
  | { readonly kind: 'missing'; readonly reason: string }
  /** — : the department reported that there is nothing to report. */
  | { readonly kind: 'none' }
  /** Nothing has been entered for the year yet. */
  | { readonly kind: 'not-entered' };

/** English words for the reasons workbooks and forms offer; any other reason is shown as written. */
const REASON_EN: Readonly<Record<string, string>> = {
  未取得: 'not yet available',
  集計中: 'still being compiled',
  調査未実施: 'not surveyed this year',
  公表前: 'not yet published',
  事業中止: 'not collected, as the programme was discontinued',
  未確定: 'not yet final',
};

/** Names a diagnostic needs from the evaluation around it. */
export interface DiagnosticNames {
  goal(id: string): string;
  kpi(id: string): string;
}

/** Every word the reports and the CLI print, in one place per language. */
export interface Messages {
  readonly lang: Lang;
  goalKind(kind: GoalKind): string;
  /** 基本目標 1 */
  goalLabel(kind: GoalKind, number: number): string;
  /** 基本目標1：稼ぐ産業と安定した雇用を創出する, as the seed heads a goal's slides. */
  goalHeading(kind: GoalKind, number: number, title: string): string;
  status(status: KpiStatus): string;
  phrase(phrase: StatusPhrase): string;
  /** 「…については、未達成の状況」: the opening of an assessment bullet, the name and what follows it. */
  assessmentLead(name: string, opening: string): string;
  /** Why a KPI is left out of the year's rate: 「令和5年度の実績値が未取得のため評価していません」. */
  notEvaluated(year: FiscalYear, why: NotEvaluatedWhy): string;
  scoreHeading(method: MethodName): string;
  /** 「目標値を上方修正（390人、令和5年度から）」: a target revised from a year on, as municipalities word it. */
  targetRevised(change: TargetChange, target: string, targetYear: FiscalYear, from: FiscalYear): string;
  /** 「現状値を修正（342人、令和5年度から）」 */
  baselineRevised(baseline: string, from: FiscalYear): string;
  /** A revision with the office's reason, as the assessment prints it. */
  revisionNote(revised: string, note: string): string;
  readonly columns: {
    kpi: string;
    category: string;
    baseline: string;
    target: string;
    rate: string;
    grade: string;
  };
  readonly headings: {
    report: string;
    overview: string;
    goalTable: string;
    assessments: string;
    summary: string;
    kpiAppendix: string;
    diagnostics: string;
    goals: string;
    /** 委員会意見: the committee's opinions published with the edition. */
    opinions: string;
  };
  /** The columns of the opinions' sheet: the KPI, the opinion, the day it was written. */
  readonly opinionColumns: { kpi: string; text: string; date: string };
  yearRate(year: FiscalYear): string;
  planYear(n: number): string;
  continued: string;
  /** Stamped on every page, slide and sheet of a staff draft; never on a published report. */
  draftMark: string;
  diagnostic(d: Diagnostic, names: DiagnosticNames): string;
  severity(severity: 'warning' | 'info'): string;
  yearLabel(year: FiscalYear): string;
  /** Targets as bounds or words, KPIs without a numeric target, the office's hand grade. */
  readonly targets: TargetWords;
  /** 「直近値（R2）」: the year of the figure judged, where a plan judges lagging statistics on their latest. */
  latestData(year: FiscalYear): string;
  /** Added to the score heading where the score divides by the year's interim target. */
  againstInterim: string;
  /** What the score cell says where the plan sets no interim target for the year judged. */
  noInterimTarget(year: FiscalYear): string;
  /** 「H28の年度目標：1,353.7km」: the interim target a score divides by, under the target column. */
  interimTarget(year: FiscalYear, figure: string): string;
  /** 年度目標: the heading of the interim target a score was taken against, on a KPI's page. */
  interimTargetHeading: string;
  /** 目標との差: the column heading. */
  shortfallHeading: string;
  /** 17.1ポイント: a shortfall with its unit; a percentage's difference is in points. */
  shortfall(value: string, unit: string | null): string;
  /** A KPI's chart: its series, its marks and the sentences beside it. */
  readonly chart: ChartWords;
}

const ja: Messages = {
  lang: 'ja',
  goalKind: (kind) => (kind === 'basic' ? '基本目標' : '横断的な目標'),
  goalLabel: (kind, n) => `${ja.goalKind(kind)} ${n}`,
  goalHeading: (kind, n, title) => `${ja.goalKind(kind)}${n}：${title}`,
  status: (s) => ({ achieved: '達成', not_achieved: '未達成', not_evaluated: '未評価' })[s],
  phrase: (p) => STATUS_PHRASE_JA[p],
  assessmentLead: (name, opening) => `${name}については、${opening}`,
  targetRevised: (change, target, targetYear, from) =>
    change === 'year'
      ? `目標年度を${formatFiscalYearLong(targetYear)}に変更（${target}、${formatFiscalYearLong(from)}から）`
      : `目標値を${change === 'raised' ? '上方' : '下方'}修正（${target}、${formatFiscalYearLong(from)}から）`,
  baselineRevised: (baseline, from) => `現状値を修正（${baseline}、${formatFiscalYearLong(from)}から）`,
  revisionNote: (revised, note) => `※${revised}。理由：${note}`,
  notEvaluated(year, why) {
    const label = formatFiscalYearLong(year);
    switch (why.kind) {
      case 'missing':
        return `${label}の実績値が${why.reason}のため評価していません`;
      case 'none':
        return `${label}は報告する実績値がないため評価していません`;
      case 'not-entered':
        return `${label}の実績値が未入力のため評価していません`;
    }
  },
  scoreHeading: (m) => ({ progress: '目標進捗率', ratio: '目標達成度', pace: '計画進捗率' })[m],
  columns: {
    kpi: '数値目標',
    category: '区分',
    baseline: '現状値',
    target: '目標値',
    rate: '達成率',
    grade: '評価',
  },
  headings: {
    report: '実施報告',
    overview: '目 標',
    goalTable: '数値目標の状況について',
    assessments: '達成状況・要因及び対策等',
    summary: '全体の達成状況',
    kpiAppendix: '数値目標の推移',
    diagnostics: '点検事項',
    goals: '目標',
    opinions: '委員会意見',
  },
  opinionColumns: { kpi: '数値目標', text: '意見', date: '日付' },
  yearRate: (year) => `${formatFiscalYearLong(year)}における達成率`,
  planYear: (n) => `※計画${n}年目`,
  continued: '（続き）',
  draftMark: '案',
  severity: (s) => (s === 'warning' ? '要確認' : '参考'),
  yearLabel: formatFiscalYear,
  targets: TARGET_WORDS_JA,
  diagnostic(d, names) {
    const kpi = names.kpi(d.kpiId);
    const series = 'series' in d && d.series ? `（${d.series}）` : '';
    switch (d.code) {
      case 'tiny-gap':
        return `${kpi}${series}：目標値と現状値の差が${d.gap}と小さいため、進捗率が${d.progress}%と大きく振れています。`;
      case 'shared-kpi':
        return `${kpi}：${d.goals.map(names.goal).join('と')}に再掲されています。全体の達成率では目標ごとに数えています。`;
      case 'missing-baseline':
        return `${kpi}${series}：現状値がないため、進捗率を算出できません。`;
      case 'target-met-at-baseline':
        return `${kpi}${series}：現状値の時点で目標値に達しています。`;
      case 'missing-actual':
        return `${kpi}${series}：${formatFiscalYear(d.year)}の実績値がありません${d.reason ? `（${d.reason}）` : ''}。`;
      case 'unit-mismatch':
        return `${kpi}：系列によって単位が異なります（${d.units.map((u) => u ?? '単位なし').join('、')}）。`;
      case 'outlier':
        return `${kpi}${series}：${formatFiscalYear(d.year)}の値${d.value}は、前回の${d.previous}から大きく変動しています（これまでの最大の変動幅は${d.usualStep}）。`;
      case 'phrase-override':
        return `${kpi}：状況の記述「${d.written}」は、算定結果に基づく表現と異なります。`;
      case 'no-assessment':
        return `${kpi}：${formatFiscalYear(d.year)}の達成状況・要因及び対策等が記入されていません。`;
      case 'no-interim-target':
        return `${kpi}${series}：${formatFiscalYear(d.year)}の年度目標（期待値）がないため、達成度を算出していません。`;
      case 'latest-data':
        return `${kpi}${series}：${formatFiscalYear(d.year)}の実績値がないため、直近値（${formatFiscalYear(d.dataYear)}）で評価しています。`;
    }
  },
  latestData: (year) => `直近値（${formatFiscalYear(year)}）`,
  againstInterim: '（年度目標比）',
  noInterimTarget: (year) => `${formatFiscalYear(year)}の年度目標なし`,
  interimTarget: (year, figure) => `${formatFiscalYear(year)}の年度目標：${figure}`,
  interimTargetHeading: '年度目標',
  shortfallHeading: '目標との差',
  shortfall: (value, unit) => `${value}${unit === '%' ? 'ポイント' : (unit ?? '')}`,
  chart: CHART_WORDS_JA,
};

const en: Messages = {
  lang: 'en',
  goalKind: (kind) => (kind === 'basic' ? 'Basic goal' : 'Cross-cutting goal'),
  goalLabel: (kind, n) => `${en.goalKind(kind)} ${n}`,
  goalHeading: (kind, n, title) => `${en.goalKind(kind)} ${n}: ${title}`,
  status: (s) => ({ achieved: 'Achieved', not_achieved: 'Not achieved', not_evaluated: 'Not evaluated' })[s],
  phrase: (p) =>
    ({
      achieved: 'achieved',
      'on-track': 'on track toward the target',
      unchanged: 'unchanged from the baseline',
      'not-achieved': 'not achieved',
    })[p],
  assessmentLead: (name, opening) => `${name}: ${opening}`,
  targetRevised: (change, target, targetYear, from) =>
    change === 'year'
      ? `Target year moved to ${formatFiscalYear(targetYear)} (${target}) from ${formatFiscalYear(from)}`
      : `Target ${change} to ${target} from ${formatFiscalYear(from)}`,
  baselineRevised: (baseline, from) => `Baseline revised to ${baseline} from ${formatFiscalYear(from)}`,
  revisionNote: (revised, note) => `* ${revised}. Reason: ${note}`,
  notEvaluated(year, why) {
    const label = formatFiscalYear(year);
    switch (why.kind) {
      case 'missing': {
        const words = REASON_EN[why.reason];
        return words
          ? `not evaluated, as the ${label} actual is ${words} (${why.reason})`
          : `not evaluated, as there is no ${label} actual (${why.reason})`;
      }
      case 'none':
        return `not evaluated, as there is nothing to report for ${label}`;
      case 'not-entered':
        return `not evaluated, as the ${label} actual has not been entered yet`;
    }
  },
  scoreHeading: (m) =>
    ({ progress: 'Progress', ratio: 'Achievement ratio', pace: 'Progress against pace' })[m],
  columns: {
    kpi: 'KPI',
    category: 'Category',
    baseline: 'Baseline',
    target: 'Target',
    rate: 'Rate',
    grade: 'Grade',
  },
  headings: {
    report: 'Implementation report',
    overview: 'Goals',
    goalTable: 'KPI status',
    assessments: 'Status, causes and countermeasures',
    summary: 'Overall achievement',
    kpiAppendix: 'KPI trends',
    diagnostics: 'Points to check',
    goals: 'Goals',
    opinions: 'Committee opinions',
  },
  opinionColumns: { kpi: 'KPI', text: 'Opinion', date: 'Date' },
  yearRate: (year) => `Achievement rate in FY${year}`,
  planYear: (n) => `* Plan year ${n}`,
  continued: ' (continued)',
  draftMark: 'DRAFT',
  severity: (s) => (s === 'warning' ? 'Check' : 'Note'),
  yearLabel: formatFiscalYear,
  targets: TARGET_WORDS_EN,
  diagnostic(d, names) {
    const kpi = names.kpi(d.kpiId);
    const series = 'series' in d && d.series ? ` (${d.series})` : '';
    switch (d.code) {
      case 'tiny-gap':
        return `${kpi}${series}: the gap from baseline to target is only ${d.gap}, so progress swings to ${d.progress}%.`;
      case 'shared-kpi':
        return `${kpi}: listed under ${d.goals.map(names.goal).join(' and ')}; the overall rate counts it once per listing.`;
      case 'missing-baseline':
        return `${kpi}${series}: there is no baseline, so no progress can be computed.`;
      case 'target-met-at-baseline':
        return `${kpi}${series}: the baseline already meets the target.`;
      case 'missing-actual':
        return `${kpi}${series}: no actual for ${formatFiscalYear(d.year)}${d.reason ? ` (${d.reason})` : ''}.`;
      case 'unit-mismatch':
        return `${kpi}: the series use different units (${d.units.map((u) => u ?? 'none').join(', ')}).`;
      case 'outlier':
        return `${kpi}${series}: ${d.value} in ${formatFiscalYear(d.year)} moves far from the previous ${d.previous} (largest earlier change: ${d.usualStep}).`;
      case 'phrase-override':
        return `${kpi}: the written status 「${d.written}」 differs from the phrase the result implies.`;
      case 'no-assessment':
        return `${kpi}: no assessment has been written for ${formatFiscalYear(d.year)}.`;
      case 'no-interim-target':
        return `${kpi}${series}: the plan sets no interim target for ${formatFiscalYear(d.year)}, so no score is computed.`;
      case 'latest-data':
        return `${kpi}${series}: no actual for ${formatFiscalYear(d.year)}, so it is judged on its latest figure (${formatFiscalYear(d.dataYear)}).`;
    }
  },
  latestData: (year) => `latest figure (${formatFiscalYear(year)})`,
  againstInterim: " (against the year's interim target)",
  noInterimTarget: (year) => `no interim target for ${formatFiscalYear(year)}`,
  interimTarget: (year, figure) => `Interim target for ${formatFiscalYear(year)}: ${figure}`,
  interimTargetHeading: 'Interim target',
  shortfallHeading: 'Gap to target',
  shortfall: (value, unit) => (unit === '%' ? `${value} points` : `${value}${unit ?? ''}`),
  chart: CHART_WORDS_EN,
};

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : ja;
}
