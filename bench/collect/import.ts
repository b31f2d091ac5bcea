import { generatePlan, NATIONAL } from '../data/national.ts';
import { openStore } from '../../src/store/connect.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { unmeasured, type Row } from '../lib/row.ts';
import { adminUrl, createBenchDatabase } from '../web/postgres.ts';

export interface ImportBenchConfig {
  /** KPIs in the one plan imported, each with ten years of figures. */
  readonly kpis: number;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One import into an empty database, then reading the plan back: how long a municipality's largest plan takes. */
async function timeImport(kpis: number, url: string | null): Promise<{ importMs: number; readMs: number }> {
  const plan = generatePlan(0, { ...NATIONAL, kpisPerPlan: kpis });
  const store = await openStore(url ? { url } : { dataDir: null });
  try {
    const start = performance.now();
    await importPlan(store.db, plan);
    const imported = performance.now();
    const back = await loadStoredPlan(store.db, plan.id as string);
    if (back.kpis.size !== kpis) throw new Error(`read back ${back.kpis.size} of ${kpis} KPIs`);
    return { importMs: imported - start, readMs: performance.now() - imported };
  } finally {
    await store.close();
  }
}

function row(engine: string, kpis: number, run: { importMs: number; readMs: number }): Row {
  return {
    section: 'collect',
    name: `import ${kpis.toLocaleString('en')} KPIs (${engine})`,
    unit: 'ms',
    value: run.importMs,
    anchor: null,
    goal: null,
    note: `${kpis} KPIs × ${NATIONAL.years} years in one transaction, in batches; read back in ${run.readMs.toFixed(0)} ms`,
    runs: [run.importMs],
  };
}

/** The plan import on both engines: PGlite in memory, and PostgreSQL when a local server is there. */
export async function importRows(config: ImportBenchConfig): Promise<Row[]> {
  const name = `import ${config.kpis.toLocaleString('en')} KPIs`;
  const rows = [row('PGlite', config.kpis, await timeImport(config.kpis, null))];
  try {
    const database = await createBenchDatabase(adminUrl());
    try {
      rows.push(row('PostgreSQL', config.kpis, await timeImport(config.kpis, database.url)));
    } finally {
      await database.drop();
    }
  } catch (error) {
    rows.push(unmeasured('collect', `${name} (PostgreSQL)`, 'ms', `no PostgreSQL server: ${message(error)}`));
  }
  return rows;
}
