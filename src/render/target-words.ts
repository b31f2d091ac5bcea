import { formatFiscalYearLong, formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { BOUND_SUFFIX_JA, type Bound, type TargetWord } from '../core/target-bound.ts';

/**
 * The words for targets written as bounds or words, KPIs without a numeric target (評価なし) and the
 * office's hand grade: part of the report catalog (messages.ts `targets`), in a file of their own.
 */
export interface TargetWords {
  /** 93%超, 2,000人以上 / more than 93%, at least 2,000人. */
  bounded(figure: string, bound: Bound): string;
  /** 維持 / maintain the baseline. */
  word(word: TargetWord): string;
  /** What the target column and the summary print for a KPI without a numeric target. */
  readonly noTarget: string;
  /** The office's grade, marked as its judgement rather than a computed one. */
  judged(grade: string): string;
  /** The assessment's opening for a KPI graded by hand: the grade and the office's reason. */
  judgementLead(grade: string, reason: string): string;
  /** The assessment's opening for a KPI without a numeric target and without a hand grade. */
  notEvaluatedNoTarget(year: FiscalYear): string;
}

export const TARGET_WORDS_JA: TargetWords = {
  bounded: (figure, bound) => `${figure}${BOUND_SUFFIX_JA[bound]}`,
  word: (word) => word,
  noTarget: '評価なし',
  judged: (grade) => `${grade}（担当課の判断）`,
  judgementLead: (grade, reason) => `担当課の判断により「${grade}」と評価（${reason}）`,
  notEvaluatedNoTarget: (year) => `数値の目標値がないため、${formatFiscalYearLong(year)}は評価していません`,
};

const BOUND_EN: Readonly<Record<Bound, string>> = {
  'at-least': 'at least',
  'more-than': 'more than',
  'at-most': 'at most',
  'less-than': 'less than',
};

const WORD_EN: Readonly<Record<TargetWord, string>> = {
  維持: 'maintain the baseline',
  増加: 'increase on the baseline',
  延伸: 'extend beyond the baseline',
  減少: 'decrease from the baseline',
  短縮: 'shorten from the baseline',
};

export const TARGET_WORDS_EN: TargetWords = {
  bounded: (figure, bound) => `${BOUND_EN[bound]} ${figure}`,
  word: (word) => WORD_EN[word],
  noTarget: 'Not evaluated (no numeric target)',
  judged: (grade) => `${grade} (the office's judgement)`,
  judgementLead: (grade, reason) => `graded ${grade} by the office's judgement (${reason})`,
  notEvaluatedNoTarget: (year) =>
    `not evaluated for ${formatFiscalYear(year)}, as there is no numeric target`,
};
