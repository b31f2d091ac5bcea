import { childJob, childResult } from '../lib/child-job.ts';
import { MemoryPeaks, type MemoryReport } from '../lib/memory.ts';
import { generateNational, yearsOf, type NationalOptions } from '../data/national.ts';
import { evaluateAll, type EngineRun } from './evaluate-all.ts';
import { figuresToJson, type Figures, type FiguresJson } from './figures.ts';
import { ratesAll } from './rates-all.ts';

export interface EngineJob {
  readonly options: NationalOptions;
  readonly runs: number;
  readonly sampleEvery: number;
}

export interface EngineResult {
  /** The evaluateYears calls alone, per run. */
  readonly timesMs: number[];
  /** The whole loop per run: the calls, keying the figures for the comparison, sampling memory. */
  readonly loopTimesMs: number[];
  readonly memory: MemoryReport;
  readonly figures: FiguresJson;
  readonly ties: number;
  /** The figures alone (evaluateRates), timed turn about with the full evaluation. */
  readonly ratesTimesMs: number[];
  readonly ratesFigures: FiguresJson;
}

const job = childJob<EngineJob>();
const plans = generateNational(job.options);
const years = yearsOf(job.options);
globalThis.gc?.();
const memory = new MemoryPeaks();
const timesMs: number[] = [];
const loopTimesMs: number[] = [];
const ratesTimesMs: number[] = [];
let last: EngineRun | null = null;
let lastRates: Figures | null = null;
for (let run = 0; run < job.runs; run++) {
  const start = performance.now();
  last = evaluateAll(plans, years, job.sampleEvery, () => memory.sample());
  loopTimesMs.push(performance.now() - start);
  timesMs.push(last.timeMs);
  // The figures alone take a fraction of the time: two runs for each full one steady their median.
  for (let again = 0; again < 2; again++) {
    const rates = ratesAll(plans, years, job.sampleEvery);
    lastRates = rates.figures;
    ratesTimesMs.push(rates.timeMs);
  }
}
if (last === null || lastRates === null) throw new Error('the engine bench needs at least one run');
const result: EngineResult = {
  timesMs,
  loopTimesMs,
  memory: memory.report(),
  figures: figuresToJson(last.figures),
  ties: last.ties,
  ratesTimesMs,
  ratesFigures: figuresToJson(lastRates),
};
childResult(job.out, result);
