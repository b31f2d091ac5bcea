import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYamlValue, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFigureEntry, parseFigureText } from '../../src/core/figure-text.ts';
import { describeFigureProblem } from '../../src/core/figure-text-en.ts';
import { parseFiscalYear, parseYearSpan } from '../../src/core/fiscal-year.ts';
import type { Plan } from '../../src/core/plan.ts';
import { readTextField, TEXT_FIELDS } from '../../src/core/text-field.ts';
import { readPlanText, readPlanValue } from '../../src/plan-file/read.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';

const kitamoto = readFileSync(KITAMOTO_PATH, 'utf8');
const lines = kitamoto.split('\n');

/** What an attacker or a careless export puts in a text: nothing, too much, controls, look-alikes. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '\0',
    'a\u0000b',
    '\u0007\u001b[31m',
    '\u0085\u009f',
    '\uD800',
    'x\uDFFF',
    '\uFFFE\uFFFF',
    '\u202Eabc\u202C',
    '\u2067x\u2069',
    '３,９０８',
    '約40',
    '延べ1,200人',
    '未取得',
    'あ'.repeat(10_000),
    `${'x'.repeat(5000)}\n${'y'.repeat(5000)}`,
    'a\r\nb',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** Every path to a string in a value, so a hostile text can be put in any of them. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

function withText(value: unknown, path: readonly (string | number)[], text: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = text;
  return copy;
}

/** Every free text of a plan the reader accepted, with the kind of field it stands in. */
function textsOf(plan: Plan): [keyof typeof TEXT_FIELDS, string][] {
  const texts: [keyof typeof TEXT_FIELDS, string][] = [
    ['plan-title', plan.title],
    ['municipality', plan.municipality],
  ];
  for (const goal of plan.goals) texts.push(['goal-title', goal.title], ['identifier', goal.id]);
  for (const kpi of plan.kpis.values()) {
    texts.push(['kpi-name', kpi.name], ['identifier', kpi.id]);
    if (kpi.unit) texts.push(['unit', kpi.unit]);
    if (kpi.department) texts.push(['department-name', kpi.department]);
    for (const c of kpi.category) texts.push(['category', c]);
    for (const a of kpi.assessments.values()) {
      texts.push(['assessment-text', a.text]);
      if (a.status) texts.push(['assessment-status', a.status]);
    }
    for (const s of kpi.series) {
      if (s.label) texts.push(['series-label', s.label]);
      for (const e of s.actuals.values()) if (e.kind === 'missing') texts.push(['figure', e.reason]);
    }
  }
  return texts;
}

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

  it('holds hostile text in any field of a real plan to the text-field rule, in YAML and JSON', () => {
    const source: unknown = parseYamlValue(kitamoto);
    expect(readPlanValue(source).plan).not.toBeNull();
    const paths = stringPaths(source);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        hostile,
        fc.constantFrom('value', 'json', 'yaml'),
        (path, text, form) => {
          const changed = withText(source, path, text);
          const started = Date.now();
          const result =
            form === 'value'
              ? readPlanValue(changed)
              : readPlanText(form === 'json' ? JSON.stringify(changed) : stringifyYaml(changed));
          expect(Date.now() - started).toBeLessThan(10_000);
          for (const p of result.problems) {
            expect(p.message.length).toBeLessThan(1000);
            expect(p.message).not.toContain('\0');
            if (form !== 'value' && p.severity === 'error') expect(p.position).not.toBeNull();
          }
          if (!result.plan) {
            expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
            return;
          }
          for (const [kind, written] of textsOf(result.plan)) {
            expect(
              readTextField(kind, written, { trim: false }),
              `${kind} ${JSON.stringify(written)}`,
            ).toEqual({
              ok: true,
              value: written,
            });
          }
        },
      ),
      { numRuns: 150 },
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
