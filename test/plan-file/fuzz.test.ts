import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFigureEntry, parseFigureText } from '../../src/core/figure-text.ts';
import { describeFigureProblem } from '../../src/core/figure-text-en.ts';
import { parseFiscalYear, parseYearSpan } from '../../src/core/fiscal-year.ts';
import { readPlanText, readPlanValue } from '../../src/plan-file/read.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';

const kitamoto = readFileSync(KITAMOTO_PATH, 'utf8');
const lines = kitamoto.split('\n');

/** Every reader either returns a value or problems with messages; none may throw. */
const settles = (run: () => unknown) => expect(run).not.toThrow();

describe('fuzzing the readers', () => {
  it('reads arbitrary text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        settles(() => {
          const result = readPlanText(text);
          if (!result.plan) expect(result.problems.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('survives the Kitamoto plan with lines deleted, duplicated or mangled', () => {
    const mutation = fc.record({
      line: fc.nat(lines.length - 1),
      kind: fc.constantFrom('delete', 'duplicate', 'truncate', 'insert'),
      junk: fc.string({ maxLength: 20 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const mutated = [...lines];
        for (const m of mutations) {
          const at = Math.min(m.line, mutated.length - 1);
          const current = mutated[at] ?? '';
          if (m.kind === 'delete') mutated.splice(at, 1);
          else if (m.kind === 'duplicate') mutated.splice(at, 0, current);
          else if (m.kind === 'truncate') mutated[at] = current.slice(0, Math.floor(current.length / 2));
          else mutated[at] = current + m.junk;
        }
        settles(() => {
          const result = readPlanText(mutated.join('\n'));
          for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('reads arbitrary JSON values without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        settles(() => readPlanValue(value));
      }),
      { numRuns: 300 },
    );
  });

  it('reads arbitrary figure text: a canonical decimal, or a refusal with a message', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.option(fc.constantFrom('件', '%', '万円', 't')),
        (text, unit) => {
          const figure = parseFigureText(text, unit);
          if (figure.ok) expect(figure.value).toMatch(/^-?(0|[1-9]\d*)(\.\d+)?$/);
          else expect(describeFigureProblem(figure.problem).message).toContain(text);
          settles(() => parseFigureEntry(text, unit));
          settles(() => parseFiscalYear(text));
          settles(() => parseYearSpan(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads any integer written with full-width digits, separators and △ exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (n) => {
        const grouped = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
        const wide = grouped.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const read = parseFigureText(n < 0n ? `△${wide}` : wide, null);
        expect(read.ok && read.value).toBe(n.toString());
      }),
    );
  });
});
