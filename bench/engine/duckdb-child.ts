import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import { childJob, childResult } from '../lib/child-job.ts';
import { MemoryPeaks, type MemoryReport } from '../lib/memory.ts';
import { evaluateInSql, openLoaded, readFigures, readNaiveProgress } from './duckdb-run.ts';
import { figuresToJson, type FiguresJson } from './figures.ts';

export interface DuckdbJob {
  readonly dir: string;
  readonly years: FiscalYear[];
  readonly runs: number;
  readonly sampleEvery: number;
}

export interface DuckdbResult {
  readonly timesMs: number[];
  readonly memory: MemoryReport;
  readonly figures: FiguresJson;
  /** Progress as a plain DOUBLE query rounds it, to show what exact arithmetic is for. */
  readonly naiveProgress: [string, string | null][];
}

/** Samples memory while DuckDB's threads work and this one waits. */
const SAMPLE_MS = 5;

const job = childJob<DuckdbJob>();
const connection = await openLoaded(job.dir, job.years);
globalThis.gc?.();
const memory = new MemoryPeaks();
const sampler = setInterval(() => memory.sample(), SAMPLE_MS);
const timesMs: number[] = [];
for (let run = 0; run < job.runs; run++) {
  const start = performance.now();
  await evaluateInSql(connection);
  timesMs.push(performance.now() - start);
}
clearInterval(sampler);
const measured = memory.report();
const result: DuckdbResult = {
  timesMs,
  memory: measured,
  figures: figuresToJson(await readFigures(connection, job.sampleEvery)),
  naiveProgress: [...(await readNaiveProgress(connection, job.sampleEvery))],
};
childResult(job.out, result);
