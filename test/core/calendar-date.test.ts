import { describe, expect, it } from 'vitest';
import {
  dateParts,
  dayInJapan,
  MAX_DATE_TEXT,
  isPastDeadline,
  parseCalendarDate,
  type CalendarDate,
} from '../../src/core/calendar-date.ts';
import { parseEmailAddress } from '../../src/core/email-address.ts';

describe('a deadline as typed', () => {
  it('reads the ways people write a day, full-width digits too', () => {
    for (const text of [
      '2024-06-30',
      '2024/6/30',
      '2024年6月30日',
      '２０２４年６月３０日',
      ' 2024.06.30 ',
      '２０２４／０６／３０',
    ])
      expect(parseCalendarDate(text)).toEqual({ ok: true, value: '2024-06-30' });
    expect(parseCalendarDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('refuses what is not a day, saying which kind of wrong', () => {
    expect(parseCalendarDate('')).toEqual({ ok: false, refusal: 'required' });
    expect(parseCalendarDate('9'.repeat(10_000))).toEqual({ ok: false, refusal: 'too-long' });
    expect(parseCalendarDate('2023-02-29')).toEqual({ ok: false, refusal: 'impossible' });
    expect(parseCalendarDate('2024-13-01')).toEqual({ ok: false, refusal: 'impossible' });
    expect(parseCalendarDate('2024-04-31')).toEqual({ ok: false, refusal: 'impossible' });
    expect(parseCalendarDate('令和6年6月30日')).toEqual({ ok: false, refusal: 'format' });
    expect(parseCalendarDate('2024-06-30\u0000')).toEqual({ ok: false, refusal: 'format' });
    expect(parseCalendarDate('0001-01-01')).toEqual({ ok: false, refusal: 'out-of-range' });
  });

  it('takes the days from 1989 to 2200 that exist, written with spaces or not, and no other text', () => {
    expect(parseCalendarDate('1989-01-01')).toEqual({ ok: true, value: '1989-01-01' });
    expect(parseCalendarDate('2200-12-31')).toEqual({ ok: true, value: '2200-12-31' });
    expect(parseCalendarDate('1988-12-31')).toEqual({ ok: false, refusal: 'out-of-range' });
    expect(parseCalendarDate('2201-01-01')).toEqual({ ok: false, refusal: 'out-of-range' });
    expect(parseCalendarDate('2024 / 6 / 30')).toEqual({ ok: true, value: '2024-06-30' });
    expect(parseCalendarDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    for (const text of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-04-31', '2024-00-10', '2024-03-00']) {
      expect(parseCalendarDate(text), text).toEqual({ ok: false, refusal: 'impossible' });
    }
    expect(parseCalendarDate('x2024-06-30')).toEqual({ ok: false, refusal: 'format' });
    const padded = `${' '.repeat(30)}2024-06-30`;
    expect(padded).toHaveLength(MAX_DATE_TEXT);
    expect(parseCalendarDate(padded)).toEqual({ ok: true, value: '2024-06-30' });
    expect(parseCalendarDate(` ${padded}`)).toEqual({ ok: false, refusal: 'too-long' });
  });

  it('gives the parts of a day for wording it', () => {
    expect(dateParts('2024-06-30' as CalendarDate)).toEqual({ year: 2024, month: 6, day: 30 });
  });

  it('is past only once the whole day has gone by in Japan', () => {
    const deadline = '2023-06-30' as CalendarDate;
    expect(dayInJapan(new Date('2023-06-30T14:59:59Z'))).toBe('2023-06-30');
    expect(isPastDeadline(deadline, new Date('2023-06-30T14:59:59Z'))).toBe(false);
    expect(isPastDeadline(deadline, new Date('2023-06-30T15:00:00Z'))).toBe(true);
  });
});

describe('an e-mail address as typed', () => {
  it('takes one plain address, full-width letters read as ASCII; empty is none', () => {
    expect(parseEmailAddress(' taro.yamada@city.example.lg.jp ')).toEqual({
      ok: true,
      value: 'taro.yamada@city.example.lg.jp',
    });
    expect(parseEmailAddress('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toEqual({
      ok: true,
      value: 'taro@example.jp',
    });
    expect(parseEmailAddress('')).toEqual({ ok: true, value: null });
  });

  it('refuses lists, names, header breaks and overlong text', () => {
    for (const text of [
      'a@b',
      'a@example.jp, b@example.jp',
      'Taro <a@example.jp>',
      'a@example.jp\r\nBcc: x@example.jp',
      'a..b@example.jp',
      '@example.jp',
      'a@-example.jp',
    ])
      expect(parseEmailAddress(text)).toEqual({ ok: false, refusal: 'format' });
    expect(parseEmailAddress(`${'a'.repeat(250)}@example.jp`)).toEqual({ ok: false, refusal: 'too-long' });
    expect(parseEmailAddress('a'.repeat(10_000))).toEqual({ ok: false, refusal: 'too-long' });
  });
});
