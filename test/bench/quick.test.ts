import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNational, generatePlan, NATIONAL, yearsOf } from '../../bench/data/national.ts';
import { checkAgreement } from '../../bench/engine/compare.ts';
import { evaluateInSql, openLoaded, readFigures } from '../../bench/engine/duckdb-run.ts';
import { evaluateAll } from '../../bench/engine/evaluate-all.ts';
import { ratesAll } from '../../bench/engine/rates-all.ts';
import { tablesFingerprint, writeTables } from '../../bench/engine/tables.ts';
import { resultsFileName } from '../../bench/lib/results-file.ts';
import { median } from '../../bench/lib/stats.ts';

const TINY = { ...NATIONAL, plans: 3 };
/** The tiny dataset's tables: a change here changes every dataset the bench has measured. */
const TINY_FINGERPRINT = '7ac3fcb7b3f1d181b51cb1dd1186d6b37880773b9b8755732742915e0238c84c';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shinchoku-bench-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the national dataset', () => {
  it('is the same on every run and on every machine', async () => {
    const first = join(dir, 'a');
    const second = join(dir, 'b');
    await Promise.all([mkdir(first), mkdir(second)]);
    await writeTables(generateNational(TINY), first);
    await writeTables(generateNational(TINY), second);
    expect(await tablesFingerprint(first)).toBe(await tablesFingerprint(second));
    expect(await tablesFingerprint(first)).toBe(TINY_FINGERPRINT);
  });

  it('gives plan i the same whatever the number of plans', () => {
    const plan = generatePlan(2, TINY);
    expect(generatePlan(2, NATIONAL)).toEqual(plan);
    expect(plan.kpis.size).toBe(40);
    expect(plan.goals.some((g) => g.kpiIds.some((id) => plan.kpis.get(id)?.goalId !== g.id))).toBe(true);
  });
});

describe('the DuckDB anchor', () => {
  it('computes every rate and progress figure exactly as the engine does', async () => {
    const tables = join(dir, 'duckdb');
    await mkdir(tables);
    const plans = generateNational(TINY);
    await writeTables(plans, tables);
    const connection = await openLoaded(tables, yearsOf(TINY));
    await evaluateInSql(connection);
    const duckdb = await readFigures(connection, 1);
    connection.closeSync();
    const engine = evaluateAll(plans, yearsOf(TINY), 1);
    const agreement = checkAgreement(engine.figures, duckdb);
    expect(agreement.rates).toBe(3 * 10 * 6);
    expect(engine.ties).toBeGreaterThan(0);
    expect(checkAgreement(ratesAll(plans, yearsOf(TINY), 1).figures, duckdb)).toEqual(agreement);

    const [key, value] = [...duckdb.progress].find(([, v]) => v !== null) ?? [];
    duckdb.progress.set(key as string, `${value}1`);
    expect(() => checkAgreement(engine.figures, duckdb)).toThrow(/disagree on 1 figures/);
  });
});

describe('the results', () => {
  it('are filed under the local date, quick and partial runs apart', () => {
    const now = new Date('2025-05-31T15:30:00Z');
    expect(resultsFileName(now, false)).toBe('2025-06-01.json');
    expect(resultsFileName(now, true)).toBe('2025-06-01-quick.json');
    expect(resultsFileName(now, false, ['engine', 'web'])).toBe('2025-06-01-engine-web.json');
  });

  it('report the median run', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });
});
