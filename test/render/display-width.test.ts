import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/display-width.ts';
import { hostileText } from './hostile-plans.ts';

describe('displayWidth', () => {
  it('gives string-width’s figure for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText(300), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (text) => {
          expect(displayWidth(text)).toBe(stringWidth(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('measures examples as a terminal shows them', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('431.5万円')).toBe(9);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('\u001b[31mred\u001b[0m')).toBe(3);
  });
});
