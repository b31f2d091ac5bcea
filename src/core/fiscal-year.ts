import { parsed, refused, type Parsed } from './parsed.ts';

/**
 * A Japanese fiscal year (年度), named by the calendar year in which it starts: FY2022 runs from
 * April 2022 to March 2023 and is written R4 or 令和4年度.
 */
export type FiscalYear = number;

interface Era {
  letter: string;
  name: string;
  /** The fiscal year numbered 1 in this era, minus one. */
  offset: number;
  /** The last era year that names a fiscal year (H31 = R1 both name FY2019). */
  last: number;
}

const ERAS: readonly Era[] = [
  { letter: 'R', name: '令和', offset: 2018, last: Number.POSITIVE_INFINITY },
  { letter: 'H', name: '平成', offset: 1988, last: 31 },
  { letter: 'S', name: '昭和', offset: 1925, last: 64 },
];

export const EARLIEST_FISCAL_YEAR: FiscalYear = 1926;
export const LATEST_FISCAL_YEAR: FiscalYear = 2200;

const ERA_PATTERN = /^(R|H|S|令和|平成|昭和)\s*(元|\d{1,3})\s*(?:年度|年)?$/i;
const WESTERN_PATTERN = /^(?:FY\s*)?(\d{4})\s*(?:年度|年)?$/i;

/** Full-width letters and digits become ASCII; the rest is left as written. */
function fold(text: string): string {
  return text.normalize('NFKC').trim();
}

export function parseFiscalYear(text: string): Parsed<FiscalYear> {
  const folded = fold(text);
  const era = ERA_PATTERN.exec(folded);
  if (era) {
    const [, eraText = '', numberText = ''] = era;
    const spec = ERAS.find((e) => e.letter === eraText.toUpperCase() || e.name === eraText);
    const n = numberText === '元' ? 1 : Number(numberText);
    if (!spec || n < 1 || n > spec.last) {
      return refused(`「${text}」 is not a fiscal year: ${spec?.name ?? eraText} has no year ${numberText}.`);
    }
    return parsed(spec.offset + n);
  }
  const western = WESTERN_PATTERN.exec(folded);
  if (western) {
    const year = Number(western[1]);
    if (year < EARLIEST_FISCAL_YEAR || year > LATEST_FISCAL_YEAR) {
      return refused(
        `「${text}」 is outside the fiscal years Shinchoku handles (${EARLIEST_FISCAL_YEAR}–${LATEST_FISCAL_YEAR}).`,
      );
    }
    return parsed(year);
  }
  return refused(`「${text}」 is not a fiscal year. Write it as R4, 令和4年度, H30 or 2022.`);
}

function eraOf(year: FiscalYear): { era: Era; n: number } {
  for (const era of ERAS) {
    if (year > era.offset) return { era, n: year - era.offset };
  }
  throw new RangeError(`fiscal year ${year} is before the Shōwa era`);
}

/** R4, H30, R1 (FY2019 is printed in the new era, as municipalities do). */
export function formatFiscalYear(year: FiscalYear): string {
  const { era, n } = eraOf(year);
  return `${era.letter}${n}`;
}

/** 令和4年度, 令和元年度. */
export function formatFiscalYearLong(year: FiscalYear): string {
  const { era, n } = eraOf(year);
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The fiscal year a moment falls in, by the calendar in Japan (fiscal years turn over on 1 April, JST). */
export function fiscalYearOf(moment: Date): FiscalYear {
  const japan = new Date(moment.getTime() + JST_OFFSET_MS);
  const year = japan.getUTCFullYear();
  return japan.getUTCMonth() >= 3 ? year : year - 1;
}

/** A year or a span of years as written in a report: H30, or H30～R2 with a qualifier such as 平均値. */
export interface YearSpan {
  from: FiscalYear;
  to: FiscalYear;
  /** What follows the years, as written: 平均値, 累計, or ''. */
  qualifier: string;
}

const SPAN_SEPARATOR = /\s*[～〜~\-－‐―]\s*/;
const QUALIFIER = /^(.*?(?:年度|年|\d|元))([^\d年度元]*)$/;

export function parseYearSpan(text: string): Parsed<YearSpan> {
  const folded = fold(text);
  const qualified = QUALIFIER.exec(folded);
  const years = qualified?.[1] ?? folded;
  const qualifier = (qualified?.[2] ?? '').trim();
  const parts = years.split(SPAN_SEPARATOR);
  if (parts.length > 2) return refused(`「${text}」 is not a year or a span of years such as H30～R2.`);
  const from = parseFiscalYear(parts[0] ?? '');
  if (!from.ok) return refused(`「${text}」 is not a year or a span of years such as H30～R2.`);
  const to = parts.length === 2 ? parseFiscalYear(parts[1] ?? '') : from;
  if (!to.ok) return refused(`「${text}」 is not a year or a span of years such as H30～R2.`);
  if (to.value < from.value) return refused(`「${text}」 ends before it starts.`);
  return parsed({ from: from.value, to: to.value, qualifier });
}

export function formatYearSpan(span: YearSpan): string {
  const years =
    span.from === span.to
      ? formatFiscalYear(span.from)
      : `${formatFiscalYear(span.from)}～${formatFiscalYear(span.to)}`;
  return years + span.qualifier;
}
