import type { Plan, Series } from '../../core/plan.ts';
import { DEFAULT_SETTINGS } from '../../core/settings.ts';

/**
 * What a plan may hold that the master's layout has no cell for. The export names each one it leaves
 * out (in the 説明 sheet, and on the command line), so nobody mistakes the master for the whole plan.
 */
export type MasterOmission =
  | 'english'
  | 'settings'
  | 'revisions'
  | 'milestones'
  | 'cumulative'
  | 'year-kind'
  | 'series-unit'
  | 'printed-labels'
  | 'bounds-and-words'
  | 'hand-grades';

export const OMISSION_JA: Readonly<Record<MasterOmission, string>> = {
  english: '英語の表記（英語版の計画名・数値目標名など）',
  settings: '評価方法以外の評価の設定（評価区分、未取得の扱い、再掲の数え方、端数処理など）',
  revisions: '目標値・現状値の見直し（上方修正など）',
  milestones: '年度ごとの中間目標',
  cumulative: '累計で評価する数値目標の設定',
  'year-kind': '暦年・国勢調査年の指定',
  'series-unit': '系列ごとの単位',
  'printed-labels': '報告書に印刷する表記（「平均111人(H22~26)」など）',
  'bounds-and-words': '「93%超」「維持」など、不等号や言葉で書いた目標値・実績値',
  'hand-grades': '手作業の評価（評価区分と理由、注記）',
};

export const OMISSION_EN: Readonly<Record<MasterOmission, string>> = {
  english: "the plan's English texts",
  settings: 'evaluation settings other than the method (grades, missing and shared policies, rounding, …)',
  revisions: 'target and baseline revisions',
  milestones: 'interim targets',
  cumulative: 'cumulative KPIs',
  'year-kind': 'calendar and census years',
  'series-unit': "a series's own unit",
  'printed-labels': 'printed labels of figures',
  'bounds-and-words': 'targets and actuals written as bounds or words (93%超, 維持)',
  'hand-grades': "the office's hand grades and grade notes",
};

/** The parts of the plan the master cannot carry, in a fixed order. */
export function masterOmissions(plan: Plan): MasterOmission[] {
  const found = new Set<MasterOmission>();
  if (plan.translation) found.add('english');
  const e = plan.evaluation;
  const d = DEFAULT_SETTINGS;
  if (
    e.grades !== null ||
    e.missing !== d.missing ||
    e.shared !== d.shared ||
    e.rounding.mode !== d.rounding.mode ||
    e.rounding.places !== d.rounding.places ||
    e.rounding.zero !== undefined ||
    e.against !== undefined ||
    e.data !== undefined ||
    e.shortfall !== undefined ||
    e.trend !== undefined ||
    e.editions !== undefined
  ) {
    found.add('settings');
  }
  for (const kpi of plan.kpis.values()) {
    for (const series of kpi.series) seriesOmissions(series, kpi.unit, found);
    for (const a of kpi.assessments.values()) if (a.judgement || a.gradeNote) found.add('hand-grades');
  }
  return (Object.keys(OMISSION_JA) as MasterOmission[]).filter((o) => found.has(o));
}

function seriesOmissions(series: Series, unit: string | null, found: Set<MasterOmission>): void {
  if (series.revisions.length > 0) found.add('revisions');
  if (series.milestones.size > 0) found.add('milestones');
  if (series.cumulative) found.add('cumulative');
  if (series.yearKind && series.yearKind !== 'fiscal') found.add('year-kind');
  if (series.unit !== unit) found.add('series-unit');
  if (series.baseline?.label !== undefined || series.target.label !== undefined) found.add('printed-labels');
  if (series.target.bound !== undefined || series.target.word !== undefined) found.add('bounds-and-words');
  for (const entry of series.actuals.values()) {
    if (entry.kind === 'value' && entry.bound !== undefined) found.add('bounds-and-words');
    if (entry.kind === 'value' && entry.label !== undefined) found.add('printed-labels');
  }
}
