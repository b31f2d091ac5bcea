import { NATIONAL, QUICK_NATIONAL } from './data/national.ts';
import type { EngineBenchConfig } from './engine/bench.ts';
import type { ReportBenchConfig } from './report/bench.ts';
import type { WebBenchConfig } from './web/bench.ts';
import type { CollectBenchConfig } from './collect/bench.ts';
import type { BulkBenchConfig } from './bulk/bench.ts';

export interface BenchConfig {
  readonly engine: EngineBenchConfig;
  readonly report: ReportBenchConfig;
  readonly web: WebBenchConfig;
  readonly collect: CollectBenchConfig;
  readonly bulk: BulkBenchConfig;
}

const MINUTE = 60_000;

export const FULL: BenchConfig = {
  engine: { options: NATIONAL, engineRuns: 3, duckdbRuns: 5, sampleEvery: 10, timeoutMs: 40 * MINUTE },
  report: { warmRuns: 5, coldRuns: 3, officeRuns: 3 },
  web: { connections: 64, durationSec: 10, warmRequests: 50, national: NATIONAL },
  collect: { workbooks: 40, runs: 3, warmUp: true, importKpis: 20_000 },
  bulk: { national: NATIONAL },
};

/** Enough to show every part still runs and agrees, in about two minutes; not for speed claims. */
export const QUICK: BenchConfig = {
  engine: { options: QUICK_NATIONAL, engineRuns: 3, duckdbRuns: 3, sampleEvery: 1, timeoutMs: 5 * MINUTE },
  report: { warmRuns: 1, coldRuns: 1, officeRuns: 1 },
  web: { connections: 64, durationSec: 2, warmRequests: 5, national: QUICK_NATIONAL },
  collect: { workbooks: 8, runs: 1, warmUp: false, importKpis: 500 },
  bulk: { national: QUICK_NATIONAL },
};
