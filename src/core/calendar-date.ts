/**
 * A calendar day as people type it (2024-06-30, 2024/6/30, 2024年6月30日, full-width digits too), kept
 * as ISO text (2024-06-30): the one reading of a deadline. Refusals are codes; each interface words them.
 */

export type CalendarDate = string & { readonly __calendarDate: unique symbol };

export type DateRefusal = 'required' | 'too-long' | 'format' | 'impossible' | 'out-of-range';

export type DateRead =
  { readonly ok: true; readonly value: CalendarDate } | { readonly ok: false; readonly refusal: DateRefusal };

/** Longer than any way of writing one day; a longer text is refused before it is looked at. */
export const MAX_DATE_TEXT = 40;
const EARLIEST_YEAR = 1989;
const LATEST_YEAR = 2200;

const pad = (n: number): string => String(n).padStart(2, '0');

export function parseCalendarDate(text: string): DateRead {
  if (text.length > MAX_DATE_TEXT) return { ok: false, refusal: 'too-long' };
  // NFKC reads full-width digits and separators (２０２４／６／３０) as the ASCII ones.
  const plain = text.normalize('NFKC').trim();
  if (plain === '') return { ok: false, refusal: 'required' };
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(plain);
  if (!match) return { ok: false, refusal: 'format' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, refusal: 'out-of-range' };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { ok: false, refusal: 'impossible' };
  }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` as CalendarDate };
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The day a moment falls on in Japan, where the deadline is kept. */
export function dayInJapan(moment: Date): CalendarDate {
  const japan = new Date(moment.getTime() + JST_OFFSET_MS);
  return `${japan.getUTCFullYear()}-${pad(japan.getUTCMonth() + 1)}-${pad(japan.getUTCDate())}` as CalendarDate;
}

/** Past the deadline: the deadline's whole day (JST) has gone by. ISO dates compare as text. */
export function isPastDeadline(deadline: CalendarDate, now: Date): boolean {
  return dayInJapan(now) > deadline;
}

/** The parts of a day, for wording it (2024年6月30日, 30 June 2024). */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return { year, month, day };
}
