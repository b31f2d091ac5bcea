import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNational, yearsOf, type NationalOptions } from '../data/national.ts';
import { runTsChild } from '../lib/child.ts';
import type { Row } from '../lib/row.ts';
import { median } from '../lib/stats.ts';
import { checkAgreement } from './compare.ts';
import type { DuckdbJob, DuckdbResult } from './duckdb-child.ts';
import type { EngineJob, EngineResult } from './engine-child.ts';
import { figuresFromJson } from './figures.ts';
import { tablesFingerprint, writeTables } from './tables.ts';

export interface EngineBenchConfig {
  readonly options: NationalOptions;
  readonly engineRuns: number;
  readonly duckdbRuns: number;
  /** Progress figures are compared for every plan whose index this divides. */
  readonly sampleEvery: number;
  readonly timeoutMs: number;
}

export interface EngineBenchResult {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}

const ANCHOR = 'DuckDB SQL, DECIMAL';

function naiveDifferences(engine: Map<string, string | null>, naive: [string, string | null][]): number {
  return naive.filter(([key, value]) => engine.get(key) !== value).length;
}

/**
 * The engine against DuckDB: both evaluate the same national dataset, each in a process of its own,
 * and every rate and the sampled progress figures must agree before any time is reported.
 */
export async function engineBench(config: EngineBenchConfig): Promise<EngineBenchResult> {
  const { options } = config;
  const dir = await mkdtemp(join(tmpdir(), 'shinchoku-national-'));
  try {
    const plans = generateNational(options);
    await writeTables(plans, dir);
    const fingerprint = await tablesFingerprint(dir);
    const years = yearsOf(options);
    const childOptions = { exposeGc: true, timeoutMs: config.timeoutMs };
    const duckdb = await runTsChild<DuckdbResult>(
      new URL('./duckdb-child.ts', import.meta.url),
      { dir, years, runs: config.duckdbRuns, sampleEvery: config.sampleEvery } satisfies DuckdbJob,
      childOptions,
    );
    const engine = await runTsChild<EngineResult>(
      new URL('./engine-child.ts', import.meta.url),
      { options, runs: config.engineRuns, sampleEvery: config.sampleEvery } satisfies EngineJob,
      childOptions,
    );
    const engineFigures = figuresFromJson(engine.figures);
    const duckdbFigures = figuresFromJson(duckdb.figures);
    const agreement = checkAgreement(engineFigures, duckdbFigures);
    const ratesAgreement = checkAgreement(figuresFromJson(engine.ratesFigures), duckdbFigures);
    const naive = naiveDifferences(engineFigures.progress, duckdb.naiveProgress);
    const task = `evaluate ${plans.length.toLocaleString('en-US')} plans × ${years.length} years`;
    const engineTime = median(engine.timesMs);
    const ratesTime = median(engine.ratesTimesMs);
    const duckdbTime = median(duckdb.timesMs);
    const rows: Row[] = [
      {
        section: 'engine',
        name: `${task}: the figures the SQL computes`,
        unit: 'ms',
        value: ratesTime,
        anchor: { name: ANCHOR, value: duckdbTime },
        goal: { text: '≤ 1× DuckDB', met: ratesTime <= duckdbTime },
        note:
          `evaluateRates: progress, reached, statuses and rates only; median of ${engine.ratesTimesMs.length} ` +
          `runs and ${duckdb.timesMs.length} DuckDB runs; ${(ratesAgreement.rates + ratesAgreement.progress).toLocaleString('en-US')} figures equal to DuckDB`,
        runs: engine.ratesTimesMs,
      },
      {
        section: 'engine',
        name: `${task}: full evaluate (trajectories, diagnostics)`,
        unit: 'ms',
        value: engineTime,
        anchor: { name: ANCHOR, value: duckdbTime },
        goal: { text: '≤ 3× DuckDB', met: engineTime <= 3 * duckdbTime },
        note:
          `evaluateYears, one call per plan; median of ${engine.timesMs.length} engine and ${duckdb.timesMs.length} ` +
          `DuckDB runs; with keying the figures for the comparison ${median(engine.loopTimesMs).toFixed(0)} ms`,
        runs: engine.timesMs,
      },
      {
        section: 'engine',
        name: 'peak RSS while evaluating',
        unit: 'MiB',
        value: engine.memory.peakRssMib,
        anchor: { name: ANCHOR, value: duckdb.memory.peakRssMib },
        goal: null,
        note:
          `with the data loaded: engine ${engine.memory.rssBeforeMib.toFixed(0)} MiB RSS ` +
          `(JS heap ${engine.memory.heapBeforeMib.toFixed(0)} → peak ${engine.memory.peakHeapMib.toFixed(0)} MiB), ` +
          `DuckDB ${duckdb.memory.rssBeforeMib.toFixed(0)} MiB RSS`,
        runs: [engine.memory.peakRssMib],
      },
      {
        section: 'engine',
        name: 'figures equal to DuckDB',
        unit: 'figures',
        value: agreement.rates + agreement.progress,
        anchor: null,
        goal: { text: 'all equal', met: true },
        note:
          `${agreement.rates.toLocaleString('en-US')} rates and ${agreement.progress.toLocaleString('en-US')} ` +
          `progress figures (${engine.ties.toLocaleString('en-US')} on a half tenth) all equal; DOUBLE division ` +
          `then ROUND gets ${naive.toLocaleString('en-US')} of ${duckdb.naiveProgress.length.toLocaleString('en-US')} wrong`,
        runs: [],
      },
    ];
    return {
      rows,
      details: {
        dataset: { ...options, fingerprint },
        engine: {
          timesMs: engine.timesMs,
          loopTimesMs: engine.loopTimesMs,
          memory: engine.memory,
          ties: engine.ties,
        },
        rates: { timesMs: engine.ratesTimesMs, agreement: ratesAgreement },
        duckdb: { timesMs: duckdb.timesMs, memory: duckdb.memory, naiveWrong: naive },
        agreement,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
