import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import { emptyFigures, progressKey, rateKey, rateValue, type Figures } from './figures.ts';
import { EVALUATE_SQL, loadSql, naiveProgressSql, progressSampleSql, RATES_SQL } from './sql.ts';

/** An in-memory DuckDB holding the national tables, loaded before anything is timed. */
export async function openLoaded(dir: string, years: readonly FiscalYear[]): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const sql of loadSql(dir, years)) await connection.run(sql);
  return connection;
}

/** The anchor's task, as timed: every progress figure, achievement and rate, materialised in tables. */
export async function evaluateInSql(connection: DuckDBConnection): Promise<void> {
  for (const sql of EVALUATE_SQL) await connection.run(sql);
}

const numberOf = (value: unknown): number => Number(value);

/** Reads back what `evaluateInSql` left, in the engine's keys, for the check. */
export async function readFigures(connection: DuckDBConnection, sampleEvery: number): Promise<Figures> {
  const figures = emptyFigures();
  const rates = await connection.runAndReadAll(RATES_SQL);
  for (const row of rates.getRowObjects()) {
    const goal = row.goal === null ? null : numberOf(row.goal);
    figures.rates.set(
      rateKey(numberOf(row.plan), numberOf(row.year), goal),
      rateValue(numberOf(row.achieved), numberOf(row.evaluated), row.rate === null ? null : String(row.rate)),
    );
  }
  const progress = await connection.runAndReadAll(progressSampleSql(sampleEvery));
  for (const row of progress.getRowObjects()) {
    const key = progressKey(numberOf(row.plan), numberOf(row.kpi), numberOf(row.s), numberOf(row.year));
    figures.progress.set(key, row.progress === null ? null : String(row.progress));
  }
  return figures;
}

/** The sampled progress figures as `naiveProgressSql` rounds them, keyed as the engine's. */
export async function readNaiveProgress(
  connection: DuckDBConnection,
  sampleEvery: number,
): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  const reader = await connection.runAndReadAll(naiveProgressSql(sampleEvery));
  for (const row of reader.getRowObjects()) {
    const key = progressKey(numberOf(row.plan), numberOf(row.kpi), numberOf(row.s), numberOf(row.year));
    found.set(key, row.progress === null ? null : String(row.progress));
  }
  return found;
}
