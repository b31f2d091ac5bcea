import {
  formatFiscalYear,
  formatFiscalYearLong,
  formatYearSpan,
  type FiscalYear,
  type YearSpan,
} from './fiscal-year.ts';

/**
 * What a KPI's years count: fiscal years (年度, April to March: the default), calendar years (暦年: 令和4年,
 * 2022年), or the years of the census (国勢調査, taken on 1 October every five years). The engine keys every
 * year by the same number (2022 for 令和4年度 and for 令和4年); only the words differ.
 */
export type YearKind = 'fiscal' | 'calendar' | 'census';

const ERA_LONG = /年度$/;

/** 令和4年度 for a fiscal year, 令和4年 for a calendar year, 令和2年国勢調査 for a census. */
export function formatYearLong(year: FiscalYear, kind: YearKind | undefined): string {
  const fiscal = formatFiscalYearLong(year);
  if (!kind || kind === 'fiscal') return fiscal;
  const calendar = fiscal.replace(ERA_LONG, '年');
  return kind === 'census' ? `${calendar}国勢調査` : calendar;
}

/** R4 for a fiscal year, R4年 for a calendar year, R2国調 for a census: short enough for a table cell. */
export function formatYearShort(year: FiscalYear, kind: YearKind | undefined): string {
  const fiscal = formatFiscalYear(year);
  if (!kind || kind === 'fiscal') return fiscal;
  return kind === 'census' ? `${fiscal}国調` : `${fiscal}年`;
}

/** FY2022, 2022, or the 2020 census: the English edition's words. */
export function formatYearEnglish(year: FiscalYear, kind: YearKind | undefined): string {
  if (!kind || kind === 'fiscal') return `FY${year}`;
  return kind === 'census' ? `the ${year} census` : String(year);
}

/** A baseline's year or span in the KPI's kind: H30～R2平均値, R2年, R2国調. */
export function formatSpanOfKind(span: YearSpan, kind: YearKind | undefined): string {
  if (!kind || kind === 'fiscal') return formatYearSpan(span);
  const years =
    span.from === span.to
      ? formatYearShort(span.from, kind)
      : `${formatYearShort(span.from, kind)}～${formatYearShort(span.to, kind)}`;
  return years + span.qualifier;
}
