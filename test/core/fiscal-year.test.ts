import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  formatFiscalYear,
  formatFiscalYearLong,
  formatYearSpan,
  parseFiscalYear,
  parseYearSpan,
} from '../../src/core/fiscal-year.ts';

const value = (text: string) => {
  const read = parseFiscalYear(text);
  return read.ok ? read.value : read.message;
};

describe('fiscal years and era labels', () => {
  it.each([
    ['R4', 2022],
    ['令和4年度', 2022],
    ['令和元年度', 2019],
    ['R1', 2019],
    ['H31', 2019],
    ['H30', 2018],
    ['平成30年度', 2018],
    ['2022', 2022],
    ['2022年度', 2022],
    ['Ｒ４', 2022],
    ['令和４年度', 2022],
    ['FY2022', 2022],
  ])('reads %s as FY%i', (text, year) => {
    expect(value(text)).toBe(year);
  });

  it.each(['H32', 'R0', 'R4.5', '令和', '22', '1900', 'spring'])('refuses %s with a message', (text) => {
    const read = parseFiscalYear(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(text);
  });

  it('prints FY2019 in the new era, as municipalities do', () => {
    expect(formatFiscalYear(2019)).toBe('R1');
    expect(formatFiscalYearLong(2019)).toBe('令和元年度');
    expect(formatFiscalYearLong(2022)).toBe('令和4年度');
    expect(formatFiscalYear(2018)).toBe('H30');
  });

  it('round-trips every fiscal year through its short, long and western labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1927, max: 2200 }), (year) => {
        expect(value(formatFiscalYear(year))).toBe(year);
        expect(value(formatFiscalYearLong(year))).toBe(year);
        expect(value(String(year))).toBe(year);
      }),
    );
  });

  it('reads spans with their qualifier and prints them back', () => {
    const span = parseYearSpan('H30～R2平均値');
    expect(span).toEqual({ ok: true, value: { from: 2018, to: 2020, qualifier: '平均値' }, notes: [] });
    if (span.ok) expect(formatYearSpan(span.value)).toBe('H30～R2平均値');
    expect(parseYearSpan('H30~R2').ok).toBe(true);
    expect(parseYearSpan('R2～H30').ok).toBe(false);
  });

  it('round-trips spans', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.nat(10),
        fc.constantFrom('', '平均値', '累計'),
        (from, length, qualifier) => {
          const span = { from, to: from + length, qualifier };
          const read = parseYearSpan(formatYearSpan(span));
          expect(read.ok && read.value).toEqual(span);
        },
      ),
    );
  });

  it('turns the fiscal year over on 1 April, Japan time', () => {
    expect(fiscalYearOf(new Date('2023-03-31T14:59:59Z'))).toBe(2022);
    expect(fiscalYearOf(new Date('2023-03-31T15:00:00Z'))).toBe(2023);
    expect(fiscalYearOf(new Date('2023-01-01T00:00:00+09:00'))).toBe(2022);
  });
});
