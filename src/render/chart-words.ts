import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';

/** Every word a KPI's chart and the sentences beside it use, in one place per language. */
export interface ChartWords {
  readonly actual: string;
  readonly path: string;
  readonly projection: string;
  readonly target: string;
  readonly baseline: string;
  /** 「基準値 18.43」: the label on the baseline's mark. */
  baselineMark(figure: string): string;
  /** 「目標値 19.00」: the label on the target's mark. */
  targetMark(figure: string): string;
  /** Said on the chart for a target in words (減少を目指します), which has no point to draw. */
  targetWords(text: string, year: FiscalYear): string;
  /** Said on the chart where the plan gives the baseline no year: the year the evaluation takes for it. */
  baselineYearAssumed(year: FiscalYear): string;
  /** 「このままのペースでは R7 に 12,345（目標 13,000）の見込み：目標に届かないペース」 */
  projected(year: FiscalYear, figure: string, target: string, reaches: boolean): string;
  /** Why no projection is drawn: too few observed points for a least-squares line. */
  noProjection(points: number, needed: number): string;
  /** The year's actual against the straight path from baseline to target. */
  pace(year: FiscalYear, actual: string, expected: string, onTrack: boolean): string;
}

const y = formatFiscalYear;

export const CHART_WORDS_JA: ChartWords = {
  actual: '実績値',
  path: '目標への経路',
  projection: '推計（最小二乗法）',
  target: '目標値',
  baseline: '基準値',
  baselineMark: (figure) => `基準値 ${figure}`,
  targetMark: (figure) => `目標値 ${figure}`,
  targetWords: (text, year) => `目標値：${text}（${y(year)}）`,
  baselineYearAssumed: (year) =>
    `※基準値は年度の記載がないため、計画開始の前年度（${y(year)}）の値として評価しています`,
  projected: (year, figure, target, reaches) =>
    `このままのペースでは ${y(year)} に ${figure}（目標 ${target}）の見込み：${reaches ? '目標に届くペース' : '目標に届かないペース'}`,
  noProjection: (points, needed) =>
    `見込みは、実績値などが${needed}点以上そろうと算出します（現在${points}点）`,
  pace: (year, actual, expected, onTrack) =>
    `${y(year)} の実績値 ${actual} は、基準値から目標値への経路上の値 ${expected} ${onTrack ? 'に達しています：経路どおりのペース' : 'に達していません：経路より遅れているペース'}`,
};

export const CHART_WORDS_EN: ChartWords = {
  actual: 'Actual',
  path: 'Path to target',
  projection: 'Projection (least squares)',
  target: 'Target',
  baseline: 'Baseline',
  baselineMark: (figure) => `Baseline ${figure}`,
  targetMark: (figure) => `Target ${figure}`,
  targetWords: (text, year) => `Target: ${text} (${y(year)})`,
  baselineYearAssumed: (year) =>
    `* The plan gives the baseline no year; it is evaluated as the figure of ${y(year)}, the year before the plan`,
  projected: (year, figure, target, reaches) =>
    `At this pace, ${figure} is expected in ${y(year)} (target ${target}): ${reaches ? 'on pace to reach the target' : 'not on pace to reach the target'}`,
  noProjection: (points, needed) =>
    `A projection is made once there are ${needed} or more figures (${points} so far)`,
  pace: (year, actual, expected, onTrack) =>
    `The ${y(year)} actual ${actual} ${onTrack ? 'is at or beyond' : 'falls short of'} ${expected}, where the straight path from baseline to target stands: ${onTrack ? 'on track' : 'behind the path'}`,
};
