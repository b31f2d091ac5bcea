import { describe, expect, it } from 'vitest';
import { figureConfirmations } from '../../src/core/figure-checks.ts';
import { describeFigureProblem } from '../../src/core/figure-text-en.ts';
import {
  figureFromNumber,
  MISSING_REASONS,
  parseFigureEntry,
  parseFigureText,
} from '../../src/core/figure-text.ts';
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
  return r.ok ? r.value : `refused: ${describeFigureProblem(r.problem).message}`;
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

  it.each([
    ['約4000件', '件', '約', '4000'],
    ['延べ120人', '人', '延べ', '120'],
    ['40以上', '%', '以上', '40'],
    ['1,200程度', '件', '程度', '1,200'],
    ['速報値 12', null, '速報', '12'],
    ['300見込み', '人', '見込み', '300'],
    ['about 40', null, 'about', '40'],
    ['approx. 3.5', null, 'approx', '3.5'],
    ['～40', null, '~', '40'],
    ['〜40', null, '〜', '40'],
    ['40超', null, '超', '40'],
    ['5未満', null, '未満', '5'],
    ['おおよそ９０', null, 'おおよそ', '90'],
    ['約12.75%', '%', '約', '12.75'],
  ])(
    'refuses %s, a figure with a qualifier, with the number alone as the hint',
    (text, unit, qualifier, figure) => {
      for (const r of [parseFigureText(text, unit), parseFigureEntry(text, unit)]) {
        expect(r).toEqual({ ok: false, problem: { code: 'qualified', text, qualifier, figure } });
      }
    },
  );

  it('reads no qualifier into a unit of its own: 40 requests is a count', () => {
    expect(parseFigureText('40 requests', 'requests')).toMatchObject({ ok: true, value: '40' });
  });

  it('takes a reason only from the list, never from free text', () => {
    for (const reason of MISSING_REASONS) {
      expect(parseFigureEntry(reason, '件')).toMatchObject({ ok: true, value: { kind: 'missing', reason } });
    }
    for (const text of ['コロナ影響', 'abc', '不明', 'なし']) {
      expect(parseFigureEntry(text, '件')).toEqual({
        ok: false,
        problem: { code: 'unknown-reason', text, reasons: MISSING_REASONS },
      });
    }
  });

  it('words each problem in English for the command line, with a hint', () => {
    const qualified = parseFigureEntry('約4000件', '件');
    expect(qualified.ok ? null : describeFigureProblem(qualified.problem)).toEqual({
      message: '「約4000件」 is a figure with 「約」; enter the number alone (for example 4000).',
      hint: 'If the figure is approximate, cumulative or provisional, say so in the assessment text.',
    });
  });

  it('takes JavaScript numbers without passing through exponent notation', () => {
    expect(figureFromNumber(1e-7)).toMatchObject({ value: '0.0000001' });
    expect(figureFromNumber(0.1)).toMatchObject({ value: '0.1' });
    expect(figureFromNumber(Number.NaN).ok).toBe(false);
  });
});

describe('what the reader did to a figure, and where it stops', () => {
  it('notes each change it made to read a figure, so the person can check it', () => {
    expect(parseFigureText('３,９０８', null)).toEqual({
      ok: true,
      value: '3908',
      notes: [{ code: 'folded' }, { code: 'separators' }],
    });
    expect(parseFigureText('▲40', null)).toEqual({
      ok: true,
      value: '-40',
      notes: [{ code: 'minus', mark: '▲' }],
    });
    expect(parseFigureText('△40', null)).toEqual({
      ok: true,
      value: '-40',
      notes: [{ code: 'minus', mark: '△' }],
    });
    expect(parseFigureText('431.5万円', '万円')).toEqual({
      ok: true,
      value: '431.5',
      notes: [{ code: 'unit', unit: '万円' }],
    });
    expect(parseFigureText('-1,234', null)).toEqual({
      ok: true,
      value: '-1234',
      notes: [{ code: 'separators' }],
    });
    expect(parseFigureText('12', null)).toEqual({ ok: true, value: '12', notes: [] });
    // Spaces around a figure are no change to it; △ is found after them.
    expect(parseFigureText(' 12 ', null)).toEqual({ ok: true, value: '12', notes: [] });
    expect(parseFigureText(' △4 ', null)).toEqual({
      ok: true,
      value: '-4',
      notes: [{ code: 'minus', mark: '△' }],
    });
  });

  it('takes a unit off only where a figure stands before it, and reads no qualifier in the unit', () => {
    expect(parseFigureText('10a', '10a')).toMatchObject({
      ok: false,
      problem: { code: 'suffix', suffix: 'a' },
    });
    expect(parseFigureText('40 under-5s', 'under-5s')).toEqual({
      ok: true,
      value: '40',
      notes: [{ code: 'folded' }, { code: 'unit', unit: 'under-5s' }],
    });
  });

  it('reads a sign only at the start of a figure', () => {
    expect(parseFigureText('△1-2', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
    expect(parseFigureText('1,2-34', null)).toMatchObject({ ok: false, problem: { code: 'commas' } });
  });

  it('names the whole suffix after a number, and calls text that opens with none no number', () => {
    expect(parseFigureText('12kg', null)).toMatchObject({
      ok: false,
      problem: { code: 'suffix', suffix: 'kg' },
    });
    expect(parseFigureText('ab12kg', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
    expect(parseFigureText('a12kg', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
    expect(parseFigureText('-12kg', null)).toMatchObject({
      ok: false,
      problem: { code: 'suffix', suffix: 'kg' },
    });
  });

  it('refuses a figure with two signs', () => {
    expect(parseFigureText('△+5', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
    expect(parseFigureText('▲-5', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
  });

  it('reads a blank cell as nothing to report, a reason with spaces around it, and full-width digits as digits', () => {
    expect(parseFigureEntry('', null)).toEqual({ ok: true, value: { kind: 'none' }, notes: [] });
    expect(parseFigureEntry(' \u3000', null)).toEqual({ ok: true, value: { kind: 'none' }, notes: [] });
    expect(parseFigureEntry(' 未取得 ', null)).toEqual({
      ok: true,
      value: { kind: 'missing', reason: '未取得' },
      notes: [],
    });
    // A mistyped figure in full-width digits is refused as a figure, not as an unknown reason.
    expect(parseFigureEntry('１２ａ', null)).toMatchObject({
      ok: false,
      problem: { code: 'suffix', suffix: 'a' },
    });
  });

  it('finds a qualifier only in text that holds a figure: 約 alone is no number at all', () => {
    expect(parseFigureText('約', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
    expect(parseFigureText('about', null)).toMatchObject({ ok: false, problem: { code: 'not-number' } });
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

describe('figures to confirm before saving', () => {
  const d = (v: string) => v as DecimalString;
  it('asks about a negative or fractional count, not about a rate', () => {
    expect(figureConfirmations(d('-3'), '件', []).map((c) => c.code)).toEqual(['negative-count']);
    expect(figureConfirmations(d('12.5'), '人', []).map((c) => c.code)).toEqual(['fractional-count']);
    expect(figureConfirmations(d('-0.5'), '回', []).map((c) => c.code)).toEqual([
      'negative-count',
      'fractional-count',
    ]);
    expect(figureConfirmations(d('-12.5'), '%', [])).toEqual([]);
    expect(figureConfirmations(d('0'), '件', [])).toEqual([]);
  });

  it('takes a negative count without asking where the KPI’s own history went below zero (社会増減)', () => {
    expect(figureConfirmations(d('-40'), '人', [d('-40'), d('5'), d('59')])).toEqual([]);
    expect(figureConfirmations(d('-1'), '人', [d('0'), d('5')]).map((c) => c.code)).toEqual([
      'negative-count',
    ]);
  });

  it('asks about a jump far outside the KPI’s own history, given enough of it', () => {
    const history = [d('100'), d('104'), d('110')];
    expect(figureConfirmations(d('112'), '件', history)).toEqual([]);
    expect(figureConfirmations(d('1100'), '件', history)).toEqual([
      { code: 'jump', value: '1100', previous: '110', largestStep: '6' },
    ]);
    // Too little history, or history that never moved, measures nothing.
    expect(figureConfirmations(d('1100'), '件', [d('100'), d('110')])).toEqual([]);
    expect(figureConfirmations(d('0'), '件', [d('1'), d('1'), d('1')])).toEqual([]);
  });
});
