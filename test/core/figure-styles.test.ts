import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBaselineLabel } from '../../src/core/baseline-label.ts';
import { parseFigureEntry, parseFigureText } from '../../src/core/figure-text.ts';

const read = (text: string, unit: string | null = null) => {
  const r = parseFigureText(text, unit);
  return r.ok ? r.value : `refused:${r.problem.code}`;
};

describe('published number styles (3万2669, 1.2億, 1353・7)', () => {
  it('reads the styles of newspaper summaries and vertical papers, each with a note', () => {
    expect(read('3万2669')).toBe('32669');
    expect(read('1万7187人', '人')).toBe('17187');
    expect(read('1.2億')).toBe('120000000');
    expect(read('2億3000万')).toBe('230000000');
    expect(read('1353・7')).toBe('1353.7');
    expect(read('１３５３・７')).toBe('1353.7');
    expect(read('△3万')).toBe('-30000');
    expect(read('-3万2669')).toBe('-32669');
    expect(read('−1.2億')).toBe('-120000000');
    const noted = parseFigureText('3万2669', null);
    expect(noted.ok && noted.notes).toEqual([{ code: 'kanji-multiplier' }]);
  });

  it('keeps every refusal: qualifiers, ambiguous forms, and a unit that already holds 万', () => {
    expect(read('約4000件', '件')).toBe('refused:qualified');
    expect(read('約3万人', '人')).toBe('refused:qualified');
    expect(read('1万8740人超', '人')).toBe('refused:qualified');
    expect(read('40以上')).toBe('refused:qualified');
    expect(read('3万2669', '万人')).toBe('refused:not-number');
    expect(read('1.2億3000万')).not.toMatch(/^\d/);
    expect(read('1万12345')).not.toMatch(/^\d/);
    expect(read('1・2・3')).not.toMatch(/^\d/);
    expect(read('431.5万円', '万円')).toBe('431.5');
    const entry = parseFigureEntry('約4000件', '件');
    expect(entry.ok).toBe(false);
  });

  it('refuses a fraction before a smaller part, and more than four digits of 万 under 億', () => {
    expect(read('1.2億5')).toMatch(/^refused:/);
    expect(read('1.5万20')).toMatch(/^refused:/);
    expect(read('2億12345万')).toMatch(/^refused:/);
    // Four digits of 万 with a fraction are a 万 part within 億: 2億 + 1234.56万.
    expect(read('2億1234.56万')).toBe('212345600');
    expect(read('2億1234.5万')).toBe('212345000');
  });

  it('notes ・ read as the decimal point', () => {
    expect(parseFigureText('1353・7', null)).toEqual({
      ok: true,
      value: '1353.7',
      notes: [{ code: 'nakaguro-point' }],
    });
  });

  it('reads a 万 form as exactly its plain value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n - 1n }), (n) => {
        const man = n / 10000n;
        const rest = n % 10000n;
        fc.pre(man > 0n);
        const text = rest === 0n ? `${man}万` : `${man}万${rest}`;
        expect(read(text)).toBe(n.toString());
      }),
    );
  });

  it('reads a 億 and 万 form as exactly its plain value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.bigInt({ min: 0n, max: 9999n }),
        fc.bigInt({ min: 0n, max: 9999n }),
        (oku, man, rest) => {
          const text = `${oku}億${man > 0n ? `${man}万` : ''}${rest > 0n ? rest : ''}`;
          expect(read(text)).toBe((oku * 10n ** 8n + man * 10n ** 4n + rest).toString());
        },
      ),
    );
  });

  it('reads a decimal before 万 or 億 exactly, never through a float', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 9 }), (whole, tenth) => {
        expect(read(`${whole}.${tenth}億`)).toBe(
          (BigInt(whole) * 10n ** 8n + BigInt(tenth) * 10n ** 7n).toString(),
        );
        expect(read(`${whole}.${tenth}万`)).toBe(
          (BigInt(whole) * 10n ** 4n + BigInt(tenth) * 1000n).toString(),
        );
      }),
    );
  });

  it('reads ・ between digits as the decimal point, as the plain decimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 999 }),
        (whole, fraction) => {
          fc.pre(fraction % 10 !== 0);
          expect(read(`${whole}・${fraction}`)).toBe(read(`${whole}.${fraction}`));
        },
      ),
    );
  });

  it('never reads a figure with a qualifier, whatever number style it is written in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('約', '延べ', '概ね'),
        fc.constantFrom('3万2669', '1.2億', '1353・7', '4000'),
        (qualifier, figure) => {
          expect(read(`${qualifier}${figure}`)).toBe('refused:qualified');
        },
      ),
    );
  });
});

describe('baseline labels as printed (平均111人(H22~26))', () => {
  it('reads the value and the span, and keeps the label', () => {
    expect(readBaselineLabel('平均111人(H22~26)', '人')).toEqual({
      value: '111',
      span: { from: 2010, to: 2014, qualifier: '平均' },
      label: '平均111人(H22~26)',
    });
    expect(readBaselineLabel('3万2669人（R1）', '人')).toMatchObject({
      value: '32669',
      span: { from: 2019, to: 2019 },
    });
    expect(readBaselineLabel('平均111人', '人')).toMatchObject({ value: '111', span: null });
  });

  it('leaves plain figures and doubtful labels to the figure rule', () => {
    expect(readBaselineLabel('111', '人')).toBeNull();
    expect(readBaselineLabel('約111人(H22~26)', '人')).toBeNull();
    expect(readBaselineLabel('平均111人(いつか)', '人')).toBeNull();
    expect(readBaselineLabel('平均111人(H26~22)', '人')).toBeNull();
  });
});
