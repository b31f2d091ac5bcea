import type { Row } from '../lib/row.ts';
import { REQUEST_TIMEOUT_SEC, type LoadResult } from './load.ts';
import type { BenchPage } from './pages.ts';

export interface TargetResult {
  readonly name: 'nginx' | 'PGlite' | 'PostgreSQL';
  readonly idleMib: number;
  /** The highest resident memory seen under load (the master and workers together for nginx). */
  peakMib: number;
  readonly pages: Map<string, LoadResult>;
}

const THROUGHPUT_SHARE = 0.5;
const P99_LIMIT_MS = 25;
const NGINX = 'nginx, static file';

function pageRows(page: BenchPage, app: TargetResult, nginx: TargetResult | undefined): Row[] {
  const ours = app.pages.get(page.name);
  if (!ours) return [];
  const anchor = nginx?.pages.get(page.name) ?? null;
  const p50 = `p50 ${ours.p50Ms} ms${anchor ? ` (nginx ${anchor.p50Ms} ms)` : ''}`;
  return [
    {
      section: 'web',
      name: `${page.name}, ${app.name}`,
      unit: 'req/s',
      value: ours.requestsPerSec,
      anchor: { name: NGINX, value: anchor?.requestsPerSec ?? null },
      goal: {
        text: `≥ ${THROUGHPUT_SHARE}× nginx`,
        met: anchor ? ours.requestsPerSec >= THROUGHPUT_SHARE * anchor.requestsPerSec : null,
      },
      note:
        `${ours.requests.toLocaleString('en-US')} answers; ${p50}` +
        (ours.timeouts > 0 ? `; ${ours.timeouts} requests unanswered after ${REQUEST_TIMEOUT_SEC} s` : ''),
      runs: [ours.requestsPerSec],
    },
    {
      section: 'web',
      name: `${page.name}, ${app.name}, p99 latency`,
      unit: 'ms',
      value: ours.p99Ms,
      anchor: { name: NGINX, value: anchor?.p99Ms ?? null },
      goal: { text: `< ${P99_LIMIT_MS} ms`, met: ours.p99Ms < P99_LIMIT_MS },
      note: ours.p99Ms === REQUEST_TIMEOUT_SEC * 1000 ? 'over 1 % timed out: the p99 is at least this' : null,
      runs: [ours.p99Ms],
    },
  ];
}

function memoryRows(app: TargetResult, nginx: TargetResult | undefined): Row[] {
  const row = (name: string, value: number, anchor: number | null, note: string | null): Row => ({
    section: 'memory',
    name,
    unit: 'MiB',
    value,
    anchor: { name: 'nginx (master + workers)', value: anchor },
    goal: null,
    note,
    runs: [value],
  });
  return [
    row(`RSS idle, ${app.name}`, app.idleMib, nginx?.idleMib ?? null, 'after start, before any request'),
    row(`RSS under load (peak), ${app.name}`, app.peakMib, nginx?.peakMib ?? null, 'sampled every 100 ms'),
  ];
}

/** Each app's figures beside nginx's for the same page: throughput, p99, then memory. */
export function webRows(
  pages: readonly BenchPage[],
  results: readonly TargetResult[],
  notes: string[],
): Row[] {
  const nginx = results.find((r) => r.name === 'nginx');
  const apps = results.filter((r) => r.name !== 'nginx');
  const rows = [
    ...apps.flatMap((app) => pages.flatMap((page) => pageRows(page, app, nginx))),
    ...apps.flatMap((app) => memoryRows(app, nginx)),
  ];
  return notes.length === 0 || rows.length === 0
    ? rows
    : rows.map((row, i) =>
        i === 0 ? { ...row, note: [row.note, ...notes].filter(Boolean).join('; ') } : row,
      );
}
