import { describe, expect, it } from 'vitest';
import {
  EARLIEST_FISCAL_YEAR,
  formatFiscalYear,
  formatFiscalYearLong,
  formatYearSpan,
  parseFiscalYear,
  parseYearSpan,
} from '../../src/core/fiscal-year.ts';

const read = (text: string) => {
  const r = parseFiscalYear(text);
  return r.ok ? r.value : `refused: ${r.message}`;
};

describe('the fiscal years Shinchoku handles: 1926 (S1) to 2200', () => {
  it('reads the first and last years and refuses the years just outside', () => {
    expect(EARLIEST_FISCAL_YEAR).toBe(1926);
    expect(read('1926')).toBe(1926);
    expect(read('2200')).toBe(2200);
    expect(read('1925')).toBe('refused: 「1925」 is outside the fiscal years Shinchoku handles (1926–2200).');
    expect(read('2201')).toBe('refused: 「2201」 is outside the fiscal years Shinchoku handles (1926–2200).');
  });

  it('prints the edges in their era', () => {
    expect(formatFiscalYear(1926)).toBe('S1');
    expect(formatFiscalYearLong(1926)).toBe('昭和元年度');
    expect(formatFiscalYear(1988)).toBe('S63');
    expect(formatFiscalYear(1989)).toBe('H1');
    expect(formatFiscalYear(2200)).toBe('R182');
    expect(read('R182')).toBe(2200);
    expect(() => formatFiscalYear(1925)).toThrow(new RangeError('fiscal year 1925 is before the Shōwa era'));
  });

  it('takes the last year of each era, and refuses the one after', () => {
    expect(read('S64')).toBe(1989);
    expect(read('S65')).toBe('refused: 「S65」 is not a fiscal year: 昭和 has no year 65.');
    expect(read('H31')).toBe(2019);
    expect(read('平成32年度')).toBe('refused: 「平成32年度」 is not a fiscal year: 平成 has no year 32.');
    expect(read('R0')).toBe('refused: 「R0」 is not a fiscal year: 令和 has no year 0.');
    expect(read('S元')).toBe(1926);
    expect(read('h30')).toBe(2018);
    expect(read(' R 4 年 ')).toBe(2022);
    expect(read('FY 2022年')).toBe(2022);
    expect(read('R4x')).toBe(
      'refused: 「R4x」 is not a fiscal year. Write it as R4, 令和4年度, H30 or 2022.',
    );
  });

  it('writes a span as one year where it starts and ends in the same year', () => {
    const span = parseYearSpan('H30～R2平均値');
    expect(span.ok && span.value).toEqual({ from: 2018, to: 2020, qualifier: '平均値' });
    expect(formatYearSpan({ from: 2018, to: 2018, qualifier: '' })).toBe('H30');
    expect(formatYearSpan({ from: 2018, to: 2020, qualifier: '累計' })).toBe('H30～R2累計');
    const refusal = (text: string) => {
      const r = parseYearSpan(text);
      return r.ok ? r.value : r.message;
    };
    expect(refusal('R2～H30')).toBe('「R2～H30」 ends before it starts.');
    expect(refusal('H30～R1～R2')).toBe('「H30～R1～R2」 is not a year or a span of years such as H30～R2.');
    expect(refusal('X～R2')).toBe('「X～R2」 is not a year or a span of years such as H30～R2.');
    expect(refusal('H30～X1')).toBe('「H30～X1」 is not a year or a span of years such as H30～R2.');
    expect(refusal('H30～R2 平均値')).toEqual({ from: 2018, to: 2020, qualifier: '平均値' });
    const r4 = parseYearSpan('R4');
    expect(r4.ok && r4.value).toEqual({ from: 2022, to: 2022, qualifier: '' });
  });
});
