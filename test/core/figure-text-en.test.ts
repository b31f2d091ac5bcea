import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import {
  describeFigureConfirm,
  describeFigureNote,
  describeFigureProblem,
} from '../../src/core/figure-text-en.ts';
import { MISSING_REASONS } from '../../src/core/figure-text.ts';

const d = (text: string) => text as DecimalString;
const DIGITS_HINT = 'Enter digits such as 3908, 431.5 or △40.';

/**
 * The command line and the problem lists of plan files and workbooks word figures in English from these
 * functions alone: every code has its own message naming what was typed, and a hint at the fix.
 */
describe('figure problems, notes and confirmations in English', () => {
  it('words every refusal with the text as typed and a hint', () => {
    expect(describeFigureProblem({ code: 'commas', text: '39,08' })).toEqual({
      message: '「39,08」 has commas that are not thousands separators; write the number as 3,908 or 3908.',
      hint: DIGITS_HINT,
    });
    expect(describeFigureProblem({ code: 'suffix', text: '12kg', suffix: 'kg', unit: 't' })).toEqual({
      message: "「12kg」 ends in 「kg」, but the KPI's unit is t; enter the number alone.",
      hint: DIGITS_HINT,
    });
    expect(describeFigureProblem({ code: 'suffix', text: '12kg', suffix: 'kg', unit: null })).toEqual({
      message: '「12kg」 ends in 「kg」, but the KPI has no unit; enter the number alone.',
      hint: DIGITS_HINT,
    });
    expect(describeFigureProblem({ code: 'not-number', text: 'abc' })).toEqual({
      message: '「abc」 is not a number; enter digits such as 3908, 431.5 or △40.',
      hint: DIGITS_HINT,
    });
    expect(describeFigureProblem({ code: 'integer-digits', text: '1e30', max: 18 })).toEqual({
      message: '「1e30」 has more than 18 digits before the point.',
      hint: 'Check the figure and its unit.',
    });
    expect(describeFigureProblem({ code: 'decimals', text: '0.1234', max: 12 })).toEqual({
      message: '「0.1234」 has more than 12 decimals.',
      hint: 'Round the figure as the report prints it.',
    });
    expect(describeFigureProblem({ code: 'not-finite', text: 'Infinity' })).toEqual({
      message: 'Infinity is not a finite number.',
      hint: 'Enter the figure itself.',
    });
  });

  it('offers the number alone for a qualified figure only where one stands', () => {
    const qualified = { code: 'qualified', text: '約4千件', qualifier: '約' } as const;
    expect(describeFigureProblem({ ...qualified, figure: '4' }).message).toBe(
      '「約4千件」 is a figure with 「約」; enter the number alone (for example 4).',
    );
    expect(describeFigureProblem({ ...qualified, figure: null }).message).toBe(
      '「約4千件」 is a figure with 「約」; enter the number alone.',
    );
  });

  it('lists the reasons a value may be missing when the text is none of them', () => {
    expect(describeFigureProblem({ code: 'unknown-reason', text: '不明', reasons: MISSING_REASONS })).toEqual(
      {
        message: '「不明」 is neither a number nor a reason a value may be missing.',
        hint: 'Enter the figure, — for nothing to report, or one of the reasons: 未取得, 集計中, 調査未実施, 公表前, 事業中止, 未確定.',
      },
    );
  });

  it('says what was done to read a figure', () => {
    expect(
      [
        { code: 'folded' },
        { code: 'minus', mark: '▲' },
        { code: 'unit', unit: '万円' },
        { code: 'separators' },
        { code: 'kanji-multiplier' },
        { code: 'nakaguro-point' },
      ].map((note) => describeFigureNote(note as Parameters<typeof describeFigureNote>[0])),
    ).toEqual([
      'full-width characters or inner spaces were folded',
      '▲ was read as a minus sign',
      'the unit 万円 was removed',
      'thousands separators were removed',
      '万 and 億 were read as 10,000 and 100,000,000',
      '・ was read as a decimal point',
    ]);
  });

  it('asks about a doubtful figure with the figures that make it doubtful', () => {
    expect(describeFigureConfirm({ code: 'negative-count', value: d('-3'), unit: '件' })).toBe(
      '-3 is below zero, but 件 counts things; check the sign.',
    );
    expect(describeFigureConfirm({ code: 'fractional-count', value: d('12.5'), unit: '人' })).toBe(
      '12.5 has a fraction, but 人 counts whole things; check the figure.',
    );
    expect(
      describeFigureConfirm({ code: 'jump', value: d('9000'), previous: d('90'), largestStep: d('12') }),
    ).toBe(
      '9000 is far from the previous 90; the largest earlier change was 12. Check the figure and its unit.',
    );
  });
});
