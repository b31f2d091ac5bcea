import type { FiscalYear } from '../core/fiscal-year.ts';
import { formatFiscalYear, formatFiscalYearLong } from '../core/fiscal-year.ts';
import type { Cumulative } from '../core/cumulative.ts';
import type { KpiResult } from '../core/evaluation.ts';
import type { GradeNote } from '../core/plan.ts';
import { formatYearEnglish, formatYearLong, type YearKind } from '../core/year-kind.ts';
import type { Lang } from '../core/language.ts';

/**
 * The words of trend statuses, cumulative KPIs, year kinds and grade notes, in Japanese and English. Kept
 * beside the main catalog (messages.ts) so the reports word these forms once, in every format.
 */
export interface SeriesWords {
  /** The trend column's heading where the plan names none. */
  readonly trendHeading: string;
  /** 「（暦年）」: what follows a KPI's name when its years are not fiscal years. */
  yearKindNote(kind: YearKind): string;
  /** 「（累計）」「（R5から累計）」: what follows a cumulative KPI's name. */
  cumulativeNote(rule: Cumulative): string;
  /** 「C (A※1)」 */
  gradeWithNote(grade: string, note: GradeNote): string;
  /** 「※1 …」: the footnote under the assessment. */
  gradeFootnote(note: GradeNote): string;
  /** A year as the KPI's kind words it in running text: 令和4年 for a calendar year. */
  yearInText(year: FiscalYear, kind: YearKind | undefined): string;
  /** The fiscal-year words a sentence was built with, to be replaced by yearInText. */
  fiscalYearInText(year: FiscalYear): string;
}

const ja: SeriesWords = {
  trendHeading: '推移',
  yearKindNote: (kind) => (kind === 'census' ? '（国勢調査）' : kind === 'calendar' ? '（暦年）' : ''),
  cumulativeNote: (rule) =>
    rule.from === null ? '（累計）' : `（${formatFiscalYearLong(rule.from)}から累計）`,
  gradeWithNote: (grade, note) => `${grade} (${note.grade}${note.mark})`,
  gradeFootnote: (note) => `${note.mark} ${note.note}`,
  yearInText: formatYearLong,
  fiscalYearInText: formatFiscalYearLong,
};

const en: SeriesWords = {
  trendHeading: 'Trend',
  yearKindNote: (kind) =>
    kind === 'census' ? ' (census years)' : kind === 'calendar' ? ' (calendar years)' : '',
  cumulativeNote: (rule) => (rule.from === null ? ' (cumulative)' : ` (cumulative from FY${rule.from})`),
  gradeWithNote: (grade, note) => `${grade} (${note.grade}${note.mark})`,
  gradeFootnote: (note) => `${note.mark} ${note.note}`,
  yearInText: (year, kind) =>
    kind && kind !== 'fiscal' ? formatYearEnglish(year, kind) : formatFiscalYear(year),
  fiscalYearInText: formatFiscalYear,
};

export function seriesWords(lang: Lang): SeriesWords {
  return lang === 'ja' ? ja : en;
}

/** The KPI's year kind: its first series's (a KPI's series count the same years). */
export function kpiYearKind(kpi: KpiResult): YearKind | undefined {
  return kpi.series[0]?.yearKind;
}
