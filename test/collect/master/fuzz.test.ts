import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_SHEETS } from '../../../src/collect/master/layout.ts';
import type { MasterReadResult } from '../../../src/collect/master/read.ts';
import { readMasterWorkbook, readPlanMaster } from '../../../src/collect/master/read.ts';
import { enMasterPlace, enMasterProblem } from '../../../src/web/i18n/staff-master-words-en.ts';
import { jaMasterPlace, jaMasterProblem } from '../../../src/web/i18n/staff-master-words-ja.ts';
import { kitamotoMaster, loadBook, sheet } from './support.ts';

/** Whatever a cell of an office's workbook may hold, typed, computed, pasted or broken. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '未取得',
    '約4000件',
    '△40',
    '３,９０８',
    '—',
    'R4',
    '令和元年度',
    'H30～R2平均値',
    '増やす',
    '見込',
    '再掲',
    ' ',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ minLength: 9_990, maxLength: 10_010 }),
  fc.integer(),
  fc.double(),
  fc.date({ noInvalidDate: true }).map((d) => d),
  fc.boolean(),
  fc.record({
    formula: fc.constant('A1+1'),
    result: fc.oneof(fc.double(), fc.string({ maxLength: 10 }), fc.constant(undefined)),
  }),
  fc.record({ error: fc.constantFrom('#DIV/0!', '#N/A', '#REF!', '#VALUE!') }),
  fc
    .array(fc.record({ text: fc.string({ maxLength: 10 }) }), { maxLength: 3 })
    .map((richText) => ({ richText })),
  fc.record({ text: fc.string({ maxLength: 10 }), hyperlink: fc.constant('https://example.jp/') }),
);

const edit = fc.record({
  sheet: fc.constantFrom(...DATA_SHEETS),
  row: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(10_000)),
  column: fc.integer({ min: 1, max: 14 }),
  value: cellValue,
});

/** Every problem is one of the catalog's, worded in both languages, short, and placed in a data sheet. */
function checkWorded(read: MasterReadResult): void {
  for (const problem of read.problems) {
    for (const words of [
      `${jaMasterPlace(problem.place)}：${jaMasterProblem(problem.detail)}`,
      `${enMasterPlace(problem.place)}: ${enMasterProblem(problem.detail)}`,
    ]) {
      expect(words).not.toMatch(/undefined|\[object/);
      expect(words.length).toBeLessThan(1_000);
    }
    if (problem.place) expect(DATA_SHEETS as readonly string[]).toContain(problem.place.sheet);
  }
  expect(read.plan === null).toBe(read.problems.some((p) => p.severity === 'error') || read.unlisted > 0);
}

describe('the plan master reader on random cells', () => {
  it('never throws, and says every problem in the catalog’s words', async () => {
    const bytes = await kitamotoMaster();
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const workbook = await loadBook(bytes);
        for (const e of edits) sheet(workbook, e.sheet).getCell(e.row, e.column).value = e.value as never;
        checkWorded(readMasterWorkbook(workbook));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('never throws on random bytes, or on a real master cut short or with bytes changed', async () => {
    const bytes = await kitamotoMaster();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }),
          fc.integer({ min: 0, max: bytes.length }).map((n) => bytes.slice(0, n)),
          fc
            .tuple(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }))
            .map(([at, byte]) => {
              const changed = bytes.slice();
              changed[at] = byte;
              return changed;
            }),
        ),
        async (input) => checkWorded(await readPlanMaster({ name: 'fuzz.xlsx', bytes: input })),
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
