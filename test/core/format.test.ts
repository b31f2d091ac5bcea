import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import {
  formatBaseline,
  formatEntry,
  formatFigure,
  formatNumber,
  formatPercent,
  formatRate,
  NO_FIGURE,
  withSeriesLabel,
} from '../../src/core/format.ts';

const d = (v: string) => v as DecimalString;

describe('formatNumber groups the integer part by thousands and keeps the decimals as written', () => {
  it.each([
    ['0', '0'],
    ['999', '999'],
    ['1000', '1,000'],
    ['999999', '999,999'],
    ['1000000', '1,000,000'],
    ['1234567', '1,234,567'],
    ['123456789012345678', '123,456,789,012,345,678'],
    ['1234567.8912', '1,234,567.8912'],
    ['0.12345', '0.12345'],
    ['19.00', '19.00'],
  ])('%s → %s', (value, printed) => {
    expect(formatNumber(d(value))).toBe(printed);
  });

  it('writes a negative number with the plan’s sign', () => {
    expect(formatNumber(d('-1234567.5'))).toBe('-1,234,567.5');
    expect(formatNumber(d('-1234567.5'), '△')).toBe('△1,234,567.5');
    expect(formatNumber(d('-40'), '▲')).toBe('▲40');
    expect(formatNumber(d('40'), '▲')).toBe('40');
  });
});

describe('figures, entries and baselines', () => {
  it('puts the unit after the figure, and nothing where there is no unit', () => {
    expect(formatFigure(d('4315'), '万円')).toBe('4,315万円');
    expect(formatFigure(d('-40'), '人', '△')).toBe('△40人');
    expect(formatFigure(d('12'), null)).toBe('12');
    expect(formatFigure(d('-1200'), '人')).toBe('-1,200人');
    expect(formatEntry({ kind: 'value', value: d('-3') }, null)).toBe('-3');
  });

  it('prints — for nothing reported, the reason where missing, and the figure with unit otherwise', () => {
    expect(formatEntry(null, '人')).toBe(NO_FIGURE);
    expect(formatEntry({ kind: 'none' }, '人')).toBe(NO_FIGURE);
    expect(formatEntry({ kind: 'missing', reason: '未取得' }, '人')).toBe('未取得');
    expect(formatEntry({ kind: 'value', value: d('-1200') }, '人', '▲')).toBe('▲1,200人');
  });

  it('writes a baseline with its year or span, or — where the plan has none', () => {
    expect(formatBaseline(null, '人')).toBe(NO_FIGURE);
    expect(formatBaseline({ value: d('1500'), span: null }, '人')).toBe('1,500人');
    expect(
      formatBaseline({ value: d('-40'), span: { from: 2018, to: 2020, qualifier: '平均値' } }, '人', '△'),
    ).toBe('△40人 (H30～R2平均値)');
    expect(formatBaseline({ value: d('7'), span: { from: 2018, to: 2018, qualifier: '' } }, null)).toBe(
      '7 (H30)',
    );
  });

  it('labels a series, and leaves a KPI without series alone', () => {
    expect(withSeriesLabel('男性', '18.43年')).toBe('男性：18.43年');
    expect(withSeriesLabel(null, '18.43年')).toBe('18.43年');
  });
});

describe('percentages', () => {
  it('prints a progress figure as computed, without separators, and 0% only where nothing moved', () => {
    expect(formatPercent(null)).toBe(NO_FIGURE);
    expect(formatPercent(d('0'))).toBe('0%');
    expect(formatPercent(d('0.0'))).toBe('0%');
    expect(formatPercent(d('0.00'))).toBe('0%');
    expect(formatPercent(d('0.5'))).toBe('0.5%');
    expect(formatPercent(d('0.05'))).toBe('0.05%');
    expect(formatPercent(d('10.0'))).toBe('10.0%');
    expect(formatPercent(d('-2850.0'))).toBe('-2850.0%');
    expect(formatPercent(d('-0.5'), '△')).toBe('△0.5%');
    expect(formatPercent(d('1000.0'))).toBe('1000.0%');
  });

  it('prints an achievement rate without a trailing .0, with separators', () => {
    expect(formatRate(null)).toBe(NO_FIGURE);
    expect(formatRate(d('50.0'))).toBe('50%');
    expect(formatRate(d('0.0'))).toBe('0%');
    expect(formatRate(d('26.7'))).toBe('26.7%');
    expect(formatRate(d('100.00'))).toBe('100%');
    expect(formatRate(d('10.05'))).toBe('10.05%');
    expect(formatRate(d('1000.0'))).toBe('1,000%');
  });
});
