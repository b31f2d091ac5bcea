import { describe, expect, it } from 'vitest';
import { figureFromNumber, parseFigureEntry, parseFigureText } from '../../src/core/figure-text.ts';
import {
  formatBaseline,
  formatFigure,
  formatNumber,
  formatPercent,
  formatRate,
} from '../../src/core/format.ts';
import type { DecimalString } from '../../src/core/decimal.ts';

const read = (text: string, unit: string | null = null) => {
  const r = parseFigureText(text, unit);
  return r.ok ? r.value : `refused: ${r.message}`;
};

describe('reading figures as people type them', () => {
  it.each([
    ['３,９０８', null, '3908'],
    ['△40', null, '-40'],
    ['▲1,234.5', null, '-1234.5'],
    ['431.5万円', '万円', '431.5'],
    ['74.3%', '%', '74.3'],
    [' 12 ', null, '12'],
    ['−3', null, '-3'],
    ['19.00', null, '19.00'],
    ['007', null, '7'],
  ])('%s reads as %s', (text, unit, expected) => {
    expect(read(text, unit)).toBe(expected);
  });

  it.each([
    ['39,08', 'thousands separators'],
    ['12kg', 'enter the number alone'],
    ['abc', 'is not a number'],
    ['12.3.4', 'is not a number'],
    ['1234567890123456789', 'digits before the point'],
  ])('%s is refused (%s)', (text, why) => {
    expect(read(text)).toContain(why);
  });

  it('tells a reason from a mistyped number', () => {
    expect(parseFigureEntry('未取得', '件')).toMatchObject({
      ok: true,
      value: { kind: 'missing', reason: '未取得' },
    });
    expect(parseFigureEntry('—', '件')).toMatchObject({ ok: true, value: { kind: 'none' } });
    expect(parseFigureEntry('12a', '件').ok).toBe(false);
  });

  it('takes JavaScript numbers without passing through exponent notation', () => {
    expect(figureFromNumber(1e-7)).toMatchObject({ value: '0.0000001' });
    expect(figureFromNumber(0.1)).toMatchObject({ value: '0.1' });
    expect(figureFromNumber(Number.NaN).ok).toBe(false);
  });
});

describe('printing figures as the seed does', () => {
  const d = (v: string) => v as DecimalString;
  it('groups thousands and keeps decimals as written', () => {
    expect(formatNumber(d('272000'))).toBe('272,000');
    expect(formatFigure(d('19.00'), '年')).toBe('19.00年');
    expect(formatNumber(d('-1234.5'), '△')).toBe('△1,234.5');
  });
  it('prints baselines with their year label', () => {
    expect(formatBaseline({ value: d('431.5'), span: { from: 2018, to: 2018, qualifier: '' } }, '万円')).toBe(
      '431.5万円 (H30)',
    );
    expect(
      formatBaseline({ value: d('-40'), span: { from: 2018, to: 2020, qualifier: '平均値' } }, '人'),
    ).toBe('-40人 (H30～R2平均値)');
    expect(formatBaseline(null, '倍')).toBe('—');
  });
  it('prints progress with one place, but a plain 0%, and rates without a trailing .0', () => {
    expect(formatPercent(d('-2850.0'))).toBe('-2850.0%');
    expect(formatPercent(d('0.0'))).toBe('0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatRate(d('50.0'))).toBe('50%');
    expect(formatRate(d('26.7'))).toBe('26.7%');
  });
});
