import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLabel,
  displayableText,
  readTextField,
  refusedCharacter,
  TEXT_FIELDS,
  textProblem,
  type TextFieldKind,
} from '../../src/core/text-field.ts';

const KINDS = Object.keys(TEXT_FIELDS) as TextFieldKind[];

describe('the text-field rule', () => {
  it('takes real text as it is, with surrounding space dropped', () => {
    expect(readTextField('kpi-name', '  就業者一人当たり市内純生産 ')).toEqual({
      ok: true,
      value: '就業者一人当たり市内純生産',
    });
    expect(readTextField('unit', '万円')).toEqual({ ok: true, value: '万円' });
    // Compatibility ideographs in names are kept: NFC would replace 神 (U+FA19) with 神 (U+795E).
    expect(readTextField('display-name', '\uFA19田')).toEqual({ ok: true, value: '\uFA19田' });
    expect(readTextField('assessment-text', '約40件\n延べ120人')).toEqual({
      ok: true,
      value: '約40件\n延べ120人',
    });
  });

  it('unifies line ends in multi-line text and refuses a line break where a field takes one line', () => {
    expect(readTextField('comment', 'a\r\nb\rc\u2028d')).toEqual({ ok: true, value: 'a\nb\nc\nd' });
    expect(readTextField('plan-title', '第2期\r\n戦略')).toEqual({
      ok: false,
      problem: { code: 'text-line-break', field: 'plan-title', at: { index: 4, line: 1, column: 4 } },
    });
  });

  it('refuses NUL and other controls, naming the character and where it stands', () => {
    expect(readTextField('department-name', 'こども\0課')).toEqual({
      ok: false,
      problem: {
        code: 'text-character',
        field: 'department-name',
        at: { index: 4, line: 1, column: 4 },
        codePoint: 0,
        character: 'control',
      },
    });
    const multi = readTextField('assessment-text', '一行目\n二行\u0085目');
    expect(multi.ok === false && multi.problem).toMatchObject({
      code: 'text-character',
      at: { index: 7, line: 2, column: 3 },
      codePoint: 0x85,
    });
    expect(readTextField('assessment-text', 'a\tb').ok).toBe(true);
    expect(readTextField('kpi-name', 'a\tb').ok).toBe(false);
  });

  it('refuses lone surrogates, noncharacters and bidirectional overrides', () => {
    const classOf = (text: string) => {
      const read = readTextField('comment', text);
      return read.ok
        ? null
        : read.problem.code === 'text-character'
          ? read.problem.character
          : read.problem.code;
    };
    expect(classOf('a\uD800b')).toBe('surrogate');
    expect(classOf('a\uDC00')).toBe('surrogate');
    expect(classOf('\uFFFE')).toBe('noncharacter');
    expect(classOf('\uFFFF')).toBe('noncharacter');
    expect(classOf('\uFDD0')).toBe('noncharacter');
    expect(classOf('\u{10FFFF}')).toBe('noncharacter');
    expect(classOf('abc\u202Edef')).toBe('bidi-control');
    expect(classOf('\u2066x\u2069')).toBe('bidi-control');
    // A pair is one character, and private-use characters (外字) are text like any other.
    expect(classOf('𠮷野家\uE000')).toBeNull();
  });

  it('states the limit and the length, counting characters, not UTF-16 units', () => {
    const max = TEXT_FIELDS['plan-title'].max;
    expect(readTextField('plan-title', '𠮷'.repeat(max)).ok).toBe(true);
    expect(readTextField('plan-title', '𠮷'.repeat(max + 1))).toEqual({
      ok: false,
      problem: { code: 'text-too-long', field: 'plan-title', max, length: max + 1 },
    });
    // A huge text is counted only so far: refusing it costs no more than refusing a long one.
    const huge = textProblem('unit', 'x'.repeat(1_600_000));
    expect(huge).toEqual({ code: 'text-too-long', field: 'unit', max: 40, length: 401 });
  });

  it('refuses an empty required text, before anything else', () => {
    expect(readTextField('comment', ' \n ', { required: true })).toEqual({
      ok: false,
      problem: { code: 'text-required', field: 'comment' },
    });
    expect(readTextField('comment', '')).toEqual({ ok: true, value: '' });
  });

  it('keeps surrounding space when asked to, as a plan file does', () => {
    expect(readTextField('plan-title', ' x ', { trim: false })).toEqual({ ok: true, value: ' x ' });
  });

  it('names code points and shows refused characters as U+FFFD', () => {
    expect(codePointLabel(0)).toBe('U+0000');
    expect(codePointLabel(0x202e)).toBe('U+202E');
    expect(displayableText('a\0b\u202Ec\nd\te')).toBe('a\uFFFDb\uFFFDc\nd\te');
  });

  it('accepts every text it gives back, and gives back nothing a store would refuse', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.boolean(),
        (kind, text, required) => {
          const read = readTextField(kind, text, { required });
          if (!read.ok) return;
          expect(readTextField(kind, read.value, { required })).toEqual(read);
          expect([...read.value].length).toBeLessThanOrEqual(TEXT_FIELDS[kind].max);
          for (const char of read.value) expect(refusedCharacter(char.codePointAt(0) ?? 0)).toBeNull();
          expect(read.value.includes('\0')).toBe(false);
          if (!TEXT_FIELDS[kind].multiline) expect(read.value).not.toMatch(/[\n\r\t]/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('places a refused character at its index, line and column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ' ', 'あ', '𠮷', '\t'), maxLength: 12 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.nat(),
        (lineTexts, pick) => {
          const clean = lineTexts;
          const row = pick % clean.length;
          const before = clean.slice(0, row).join('\n') + (row > 0 ? '\n' : '');
          const text = `${before}${clean[row]}\u0007${clean
            .slice(row + 1)
            .map((l) => `\n${l}`)
            .join('')}`;
          const problem = textProblem('assessment-text', text);
          expect(problem).toMatchObject({
            code: 'text-character',
            codePoint: 7,
            at: { index: [...before].length + [...(clean[row] ?? '')].length + 1, line: row + 1 },
          });
        },
      ),
    );
  });
});
