import { parseBenchArgs, SECTIONS, type BenchSection } from './lib/args.ts';
import { bulkBench } from './bulk/bench.ts';
import { collectBench } from './collect/bench.ts';
import { FULL, QUICK, type BenchConfig } from './config.ts';
import { engineBench } from './engine/bench.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { resultsFileName, writeResults } from './lib/results-file.ts';
import { ratioOf, type Row } from './lib/row.ts';
import type { SectionResult } from './lib/section.ts';
import { formatTable } from './lib/table.ts';
import { reportBench } from './report/bench.ts';
import { webBench } from './web/bench.ts';

export interface BenchEnvironment {
  /** The clock that dates the results file. */
  readonly now: () => Date;
  readonly resultsDir: string;
  readonly print: (line: string) => void;
}

const RUNNERS: Record<BenchSection, (config: BenchConfig) => Promise<SectionResult>> = {
  engine: (c) => engineBench(c.engine),
  report: (c) => reportBench(c.report),
  web: (c) => webBench(c.web),
  collect: (c) => collectBench(c.collect),
  bulk: (c) => bulkBench(c.bulk),
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `npm run bench`: every section in turn, the table, and the results file. A section that fails (the
 * DuckDB check among them) is reported and makes the exit code 1, after the others have run.
 */
export async function runBench(argv: readonly string[], env: BenchEnvironment): Promise<number> {
  const args = parseBenchArgs(argv);
  const config = args.quick ? QUICK : FULL;
  const started = env.now();
  const machineBefore = describeMachine();
  env.print(`Shinchoku bench${args.quick ? ' (quick: tiny data, few runs; not for speed claims)' : ''}`);
  env.print(machineLine(machineBefore));
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const failures: { section: BenchSection; error: string }[] = [];
  for (const section of args.sections) {
    env.print(`\n… ${section}`);
    const start = performance.now();
    try {
      const result = await RUNNERS[section](config);
      rows.push(...result.rows);
      details[section] = result.details;
      env.print(formatTable(result.rows));
    } catch (error) {
      failures.push({ section, error: message(error) });
      env.print(`FAILED: ${section}: ${message(error)}`);
    }
    env.print(`  (${((performance.now() - start) / 1000).toFixed(0)} s)`);
  }
  const machineAfter = describeMachine();
  env.print(`\n${formatTable(rows)}`);
  const path = await writeResults(
    env.resultsDir,
    resultsFileName(started, args.quick, args.sections.length < SECTIONS.length ? args.sections : null),
    {
      date: started.toISOString(),
      mode: args.quick ? 'quick' : 'full',
      machine: { ...machineBefore, loadAfter: machineAfter.load },
      rows: rows.map((row) => ({ ...row, ratio: ratioOf(row) })),
      details,
      failures,
    },
  );
  env.print(`\nload average at the end: ${machineAfter.load.join(' ')}; results written to ${path}`);
  if (failures.length > 0) {
    env.print(`\n${failures.length} section(s) FAILED: ${failures.map((f) => f.section).join(', ')}`);
    return 1;
  }
  return 0;
}
