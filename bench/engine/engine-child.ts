import { childJob, childResult } from '../lib/child-job.ts';
import { MemoryPeaks, type MemoryReport } from '../lib/memory.ts';
import { generateNational, yearsOf, type NationalOptions } from '../data/national.ts';
import { evaluateAll, type EngineRun } from './evaluate-all.ts';
import { figuresToJson, type FiguresJson } from './figures.ts';

export interface EngineJob {
  readonly options: NationalOptions;
  readonly runs: number;
  readonly sampleEvery: number;
}

export interface EngineResult {
  readonly timesMs: number[];
  readonly memory: MemoryReport;
  readonly figures: FiguresJson;
  readonly ties: number;
}

const job = childJob<EngineJob>();
const plans = generateNational(job.options);
const years = yearsOf(job.options);
globalThis.gc?.();
const memory = new MemoryPeaks();
const timesMs: number[] = [];
let last: EngineRun | null = null;
for (let run = 0; run < job.runs; run++) {
  const start = performance.now();
  last = evaluateAll(plans, years, job.sampleEvery, () => memory.sample());
  timesMs.push(performance.now() - start);
}
if (last === null) throw new Error('the engine bench needs at least one run');
const result: EngineResult = {
  timesMs,
  memory: memory.report(),
  figures: figuresToJson(last.figures),
  ties: last.ties,
};
childResult(job.out, result);
