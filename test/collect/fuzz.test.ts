import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCollected, readCollected } from '../../src/collect/read/collect.ts';
import { openCollectWorkbook } from '../../src/collect/read/open-workbook.ts';
import { dec } from '../../src/core/decimal.ts';
import { ShinchokuError } from '../../src/core/errors.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import { emptyStore } from '../support/stores.ts';
import { PLAN_ID, departmentPlan, file, fill, makeFor, type CellInput } from './support.ts';

const NAME = 'R5_健康推進課.xlsx';
const INPUTS = ['F6', 'G6', 'H6', 'I6', 'J6', 'F7', 'G7', 'H7'] as const;

/** What staff type, and what they should not: figures in every notation, reasons, stray text, odd numbers. */
const cellArb: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '見込',
    '確定',
    '未取得',
    '集計中',
    '該当なし（—）',
    '—',
    '',
    ' ',
    '△1.5',
    '▲０',
    '３４０',
    '1,234.5年',
    '12kg',
    '約40',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
  fc.stringMatching(/^[△▲-]?[0-9０-９,，]{1,8}(\.[0-9]{1,3})?(年|人|%)?$/),
);

let store: Store;
const made = makeFor(departmentPlan(), 2023);

beforeAll(async () => {
  store = await openStore({ dataDir: null });
}, 60_000);
afterAll(async () => {
  await store.close();
});

/** The store as imported, and its snapshot; rebuilt only after a run has written to it. */
let pristine: Awaited<ReturnType<typeof snapshot>> | null = null;

async function freshStore() {
  if (!pristine) {
    await emptyStore(store);
    await importPlan(store.db, departmentPlan());
    pristine = await snapshot();
  }
  return pristine;
}

async function snapshot() {
  const trail = await auditTrail(store.db, await planIdOf(store.db, PLAN_ID), 10_000);
  return { yaml: planToYaml(await loadStoredPlan(store.db, PLAN_ID)), audit: trail.length };
}

/**
 * Reads and, where the reader found no error, applies; otherwise tries to apply anyway and expects a
 * refusal. Either the store then holds exactly what the report said, or it is exactly as before.
 */
async function readAndApply(bytes: Uint8Array): Promise<void> {
  const before = await freshStore();
  const report = await readCollected(store.db, [{ name: NAME, bytes }]);
  const failed = report.problems.some((p) => p.severity === 'error');
  if (failed) {
    await expect(applyCollected(store.db, report, null)).rejects.toBeInstanceOf(ShinchokuError);
    expect(await snapshot()).toEqual(before);
    return;
  }
  pristine = null;
  await applyCollected(store.db, report, null);
  const plan = await loadStoredPlan(store.db, PLAN_ID);
  for (const change of report.changes.figures) {
    const series = plan.kpis.get(change.kpi.id)?.series[change.series];
    const stored = series?.actuals.get(2023);
    expect(stored?.kind).toBe(change.to.entry.kind);
    if (stored?.kind === 'value' && change.to.entry.kind === 'value') {
      expect(dec(stored.value).eq(dec(change.to.entry.value))).toBe(true);
    }
    expect(series?.provisional.has(2023)).toBe(change.to.state === 'provisional');
  }
}

describe('collect read under fuzzing', () => {
  it('never crashes on random cell contents, and writes all or nothing', async () => {
    const blank = file(await made, NAME).bytes;
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(INPUTS.map((c) => [c, cellArb]))), async (cells) => {
        await readAndApply(await fill(blank, cells));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('never crashes on random byte corruptions, and writes all or nothing', async () => {
    const filled = await fill(file(await made, NAME).bytes, {
      F6: 18.9,
      H6: '見込',
      J6: '延伸している',
      F7: 21.2,
    });
    const corruption = fc.array(
      fc.tuple(fc.nat({ max: filled.length - 1 }), fc.integer({ min: 0, max: 255 })),
      {
        minLength: 1,
        maxLength: 6,
      },
    );
    await fc.assert(
      fc.asyncProperty(corruption, fc.nat({ max: 200 }), async (changes, cut) => {
        const bytes = new Uint8Array(filled);
        for (const [at, value] of changes) bytes[at] = value;
        await readAndApply(cut > 190 ? bytes.subarray(0, bytes.length - cut) : bytes);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('refuses random bytes without crashing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), async (bytes, zipLike) => {
        const data = zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const { opened, problems } = await openCollectWorkbook({ name: 'random.xlsx', bytes: data });
        expect(opened).toBeNull();
        expect(problems.failed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
