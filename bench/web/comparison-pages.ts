import type { Row } from '../lib/row.ts';
import { municipalityCodes } from '../data/national-municipalities.ts';
import { formatFiscalYear, type FiscalYear } from '../../src/core/fiscal-year.ts';
import { LOOPBACK } from './free-port.ts';
import type { LoadResult } from './load.ts';
import type { BenchPage } from './pages.ts';

/** Saitama (63 municipalities in the nation), or the first plan's prefecture when it has none stored. */
export function comparedPrefecture(plans: number): string {
  const codes = municipalityCodes(plans);
  return codes.some((c) => c.startsWith('11')) ? '11' : (codes[0] ?? '11').slice(0, 2);
}

/** The directory and a prefecture's comparison, with the national plans stored. */
export function comparisonPages(plans: number, year: FiscalYear): BenchPage[] {
  const pref = comparedPrefecture(plans);
  return [
    { name: 'directory (national plans stored)', path: '/municipalities' },
    { name: `a prefecture's municipalities (${pref})`, path: `/prefectures/${pref}` },
    {
      name: `a prefecture's comparison of rates (${pref})`,
      path: `/compare/rates?pref=${pref}&year=${formatFiscalYear(year)}`,
    },
  ];
}

/** The first answer of a page after the start: the comparison's one computation over every plan. */
export async function firstAnswerMs(port: number, path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`http://${LOOPBACK}:${port}${path}`);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - start;
}

const P99_LIMIT_MS = 25;

/** Each page's throughput and p99 under load on PostgreSQL (kept in the cache), and its first answer. */
export function comparisonRows(
  pages: readonly BenchPage[],
  loads: ReadonlyMap<string, LoadResult>,
  firstMs: ReadonlyMap<string, number>,
): Row[] {
  return pages.flatMap((page): Row[] => {
    const load = loads.get(page.name);
    const first = firstMs.get(page.name);
    if (!load || first === undefined) return [];
    return [
      {
        section: 'web',
        name: `${page.name}, PostgreSQL, first answer`,
        unit: 'ms',
        value: first,
        anchor: null,
        goal: null,
        note: 'the first request after the start: the directory reads every municipality once, the comparison evaluates every plan of the year once',
        runs: [first],
      },
      {
        section: 'web',
        name: `${page.name}, PostgreSQL`,
        unit: 'req/s',
        value: load.requestsPerSec,
        anchor: null,
        goal: null,
        note: `${load.requests.toLocaleString('en-US')} answers; p50 ${load.p50Ms} ms`,
        runs: [load.requestsPerSec],
      },
      {
        section: 'web',
        name: `${page.name}, PostgreSQL, p99 latency`,
        unit: 'ms',
        value: load.p99Ms,
        anchor: null,
        goal: { text: `< ${P99_LIMIT_MS} ms`, met: load.p99Ms < P99_LIMIT_MS },
        note: null,
        runs: [load.p99Ms],
      },
    ];
  });
}
