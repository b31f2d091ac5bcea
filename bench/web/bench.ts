import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNational, type NationalOptions } from '../data/national.ts';
import { openStore } from '../../src/store/connect.ts';
import { unmeasured, type Row } from '../lib/row.ts';
import { median } from '../lib/stats.ts';
import type { SectionResult } from '../lib/section.ts';
import { appEnv, startApp, SERVER_SCRIPT, type AppTarget } from './app-server.ts';
import type { RunningServer } from './child-server.ts';
import { loadDuringRender } from './during-render.ts';
import { freePort, LOOPBACK } from './free-port.ts';
import { leanStart } from './lean-start.ts';
import { duringRenderRow, firstStartRow, leanRows } from './lean-rows.ts';
import { loadTest, type LoadOptions, type LoadResult } from './load.ts';
import { comparisonPages, comparisonRows, firstAnswerMs } from './comparison-pages.ts';
import { assignMunicipalities } from './national-municipalities.ts';
import { childrenOf, hasNginx, NGINX_INSTALL, startNginx } from './nginx.ts';
import { storeNational, type StoredNational } from './national-store.ts';
import { kitamotoPages, type BenchPage } from './pages.ts';
import { adminUrl, createBenchDatabase } from './postgres.ts';
import { peakRssDuring, vmRssMib } from './proc-rss.ts';
import { snapshotPages } from './static-site.ts';
import { webRows, type TargetResult } from './rows.ts';

export interface WebBenchConfig extends LoadOptions {
  /** Requests each target answers, one at a time, before it is measured. */
  readonly warmRequests: number;
  /** The plans stored in PostgreSQL beside the sample, each with a published edition. */
  readonly national: NationalOptions;
}

/** The national plans' published year: the last of the dataset's ten. */
const NATIONAL_YEAR = 2024;
/** Searches the front page answers one at a time, each a different one, so none comes from the cache. */
const SEARCHES = 20;

/** Time for a freshly started server to finish what its start set going before its idle memory is read. */
const SETTLE_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  readonly result: TargetResult;
  readonly server: RunningServer;
  readonly pids: () => number[];
}

function targetOf(name: TargetResult['name'], server: RunningServer, pids: () => number[]): Target {
  const idleMib = pids().reduce((sum, pid) => sum + vmRssMib(pid), 0);
  return { server, pids, result: { name, idleMib, peakMib: idleMib, pages: new Map() } };
}

async function warm(port: number, path: string, requests: number): Promise<void> {
  for (let i = 0; i < requests; i++) {
    const response = await fetch(`http://${LOOPBACK}:${port}${path}`);
    await response.arrayBuffer();
  }
}

async function measure(target: Target, page: BenchPage, config: WebBenchConfig): Promise<void> {
  await warm(target.server.port, page.path, config.warmRequests);
  const url = `http://${LOOPBACK}:${target.server.port}${page.path}`;
  const etag = page.conditional ? (await fetch(url)).headers.get('etag') : null;
  if (page.conditional && !etag) throw new Error(`${target.result.name} sent no ETag for ${page.path}`);
  const request = etag ? { headers: { 'If-None-Match': etag }, expectStatus: 304 as const } : {};
  const { result, peakMib } = await peakRssDuring(target.pids, () => loadTest(url, config, request));
  target.result.peakMib = Math.max(target.result.peakMib, peakMib);
  target.result.pages.set(page.name, result);
}

async function started(cleanup: (() => Promise<void>)[], target: AppTarget): Promise<RunningServer> {
  const server = await startApp(target);
  cleanup.push(server.stop);
  return server;
}

async function twoPorts(): Promise<[number, number]> {
  const first = await freePort();
  for (let i = 0; i < 10; i++) {
    const second = await freePort();
    if (second !== first) return [first, second];
  }
  throw new Error('no second free port on the loopback address');
}

/** Each search differs from every other, so each is read from the store and rendered: the uncached cost. */
async function searchMs(port: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const q = encodeURIComponent(`市町村${String(i * 37).padStart(3, '0')}`);
    const start = performance.now();
    const response = await fetch(`http://${LOOPBACK}:${port}/?q=${q}&page=${i + 1}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`the search /?q=${q} answered ${response.status}`);
    times.push(performance.now() - start);
  }
  return times;
}

/** Requests of the comparable-KPI page timed once its rows are built (the cost every reader pays). */
const INDICATOR_REQUESTS = 50;
export const INDICATOR_PAGE = '/compare/indicators/total-fertility-rate';

export interface IndicatorTimes {
  /** The first request: the rows built from every tagged plan's edition, then the page rendered. */
  readonly firstMs: number;
  /** Each later request: the rows from the cache, the page rendered anew. */
  readonly cachedMs: readonly number[];
  /** Each later request highlighting another ranked municipality: its rows and both charts drawn anew. */
  readonly highlightMs: readonly number[];
}

/** Ranked municipalities' codes from the page's CSV (its sixth column), spread over the ranking. */
function rankedCodes(csv: string, count: number): string[] {
  const codes = csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => /^\d+/.test(cells[4] ?? '') && /^\d{6}$/.test(cells[5] ?? ''))
    .map((cells) => cells[5] as string);
  const step = Math.max(1, Math.floor(codes.length / count));
  return codes.filter((_, i) => i % step === 0).slice(0, count);
}

/** The national comparison of the tagged indicator: built once, then answered from the cache. */
async function indicatorMs(port: number): Promise<IndicatorTimes> {
  const timed = async (path: string): Promise<number> => {
    const start = performance.now();
    const response = await fetch(`http://${LOOPBACK}:${port}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - start;
  };
  const firstMs = await timed(INDICATOR_PAGE);
  const cachedMs: number[] = [];
  // A query the page ignores makes each address new to the page cache, so each is rendered from the rows.
  for (let i = 0; i < INDICATOR_REQUESTS; i++) cachedMs.push(await timed(`${INDICATOR_PAGE}?page=${i}`));
  const csv = await (await fetch(`http://${LOOPBACK}:${port}${INDICATOR_PAGE}.csv`)).text();
  const highlightMs: number[] = [];
  for (const code of rankedCodes(csv, INDICATOR_REQUESTS)) {
    highlightMs.push(await timed(`${INDICATOR_PAGE}?highlight=${code}`));
  }
  if (highlightMs.length === 0) throw new Error(`${INDICATOR_PAGE}.csv ranks no municipality`);
  return { firstMs, cachedMs, highlightMs };
}

function indicatorRows(plans: number, times: IndicatorTimes): Row[] {
  return [
    {
      section: 'web',
      name: 'comparable-KPI page, first build, PostgreSQL',
      unit: 'ms',
      value: times.firstMs,
      anchor: null,
      goal: null,
      note: `/compare/indicators/total-fertility-rate with ${plans.toLocaleString('en-US')} plans stored: the rows built from every tagged plan's edition (evaluated once, into the edition cache), then kept until a publication`,
      runs: [times.firstMs],
    },
    {
      section: 'web',
      name: 'comparable-KPI page, rows cached, PostgreSQL',
      unit: 'ms',
      value: median(times.cachedMs),
      anchor: null,
      goal: { text: 'median < 25 ms', met: median(times.cachedMs) < 25 },
      note: `${times.cachedMs.length} requests one at a time, each address new to the page cache (a query the page ignores), so each page is put together from the cached rows and the rows and charts kept beside them; max ${Math.max(...times.cachedMs).toFixed(1)} ms`,
      runs: [...times.cachedMs],
    },
    {
      section: 'web',
      name: 'comparable-KPI page, a new highlight, PostgreSQL',
      unit: 'ms',
      value: median(times.highlightMs),
      anchor: null,
      goal: { text: 'median < 25 ms', met: median(times.highlightMs) < 25 },
      note: `${times.highlightMs.length} requests one at a time, each highlighting another ranked municipality (?highlight=), so its rows and the two charts (ECharts, 200 bars) are drawn anew; max ${Math.max(...times.highlightMs).toFixed(1)} ms`,
      runs: [...times.highlightMs],
    },
  ];
}

function nationalRows(stored: StoredNational, searches: readonly number[]): Row[] {
  return [
    {
      section: 'web',
      name: `store ${stored.plans.toLocaleString('en-US')} plans and publish each, PostgreSQL`,
      unit: 'ms',
      value: stored.importMs + stored.publishMs,
      anchor: null,
      goal: null,
      note: `imported in ${(stored.importMs / 1000).toFixed(1)} s (one transaction per plan, four at a time), published in ${(stored.publishMs / 1000).toFixed(1)} s (100 editions per INSERT)`,
      runs: [stored.importMs + stored.publishMs],
    },
    {
      section: 'web',
      name: 'front page search, not cached, PostgreSQL',
      unit: 'ms',
      value: median(searches),
      anchor: null,
      goal: null,
      note: `${searches.length} different searches one at a time (each a scan of the plans' titles and municipalities); max ${Math.max(...searches).toFixed(1)} ms`,
      runs: [...searches],
    },
  ];
}

function notYet(why: string): SectionResult {
  return {
    rows: [
      unmeasured('web', 'public pages under load', 'req/s', why, '≥ 0.5× nginx, p99 < 25 ms'),
      unmeasured('memory', 'RSS idle and under load', 'MiB', why),
    ],
    details: { skipped: why },
  };
}

/**
 * The public pages under 64 connections, on the embedded database and on PostgreSQL, beside nginx
 * serving the same pages as files. Every server is a child process on a loopback port, measured turn
 * about page by page, and stopped by its pid at the end.
 */
export async function webBench(config: WebBenchConfig): Promise<SectionResult> {
  if (!existsSync(SERVER_SCRIPT)) return notYet('not measured: src/web/server.ts does not exist yet');
  const pages = await kitamotoPages();
  const dir = await mkdtemp(join(tmpdir(), 'shinchoku-web-'));
  const cleanup: (() => Promise<void>)[] = [];
  const notes: string[] = [];
  try {
    const targets: Target[] = [];
    const database = await createBenchDatabase(adminUrl()).catch((error: unknown) => {
      notes.push(`PostgreSQL not measured: ${String(error).split('\n')[0]}`);
      return null;
    });
    if (database) cleanup.push(database.drop);
    // The national dataset goes in before the app's first start, which then adds the sample as usual.
    let stored: StoredNational | null = null;
    if (database) {
      const store = await openStore({ url: database.url });
      try {
        const plans = generateNational(config.national);
        stored = await storeNational(store.db, plans, NATIONAL_YEAR);
        // Each plan its municipality (code, prefecture), for the directory and the comparison.
        await assignMunicipalities(store.db, plans);
      } finally {
        await store.close();
      }
    }
    const [pglitePort, postgresPort] = await twoPorts();
    const pgliteTarget: AppTarget = { databaseUrl: null, dataDir: join(dir, 'pglite'), port: pglitePort };
    const postgresTarget: AppTarget | null = database
      ? { databaseUrl: database.url, dataDir: join(dir, 'pg'), port: postgresPort }
      : null;
    // Both first starts (migrations, the sample's import) at once; each is stopped even if the other fails.
    const [pgliteStart, postgresStart] = await Promise.allSettled([
      started(cleanup, pgliteTarget),
      postgresTarget ? started(cleanup, postgresTarget) : null,
    ]);
    if (pgliteStart.status === 'rejected') throw pgliteStart.reason;
    if (postgresStart.status === 'rejected') throw postgresStart.reason;
    const pglite = pgliteStart.value;
    const postgres = postgresStart.value;
    await sleep(SETTLE_MS);
    const apps = [targetOf('PGlite', pglite, () => [pglite.pid])];
    if (postgres) apps.push(targetOf('PostgreSQL', postgres, () => [postgres.pid]));
    const site = join(dir, 'site');
    await mkdir(site);
    // The front page differs with the national plans stored: nginx serves PostgreSQL's when there is one.
    const sizes = await snapshotPages(
      (postgres ?? pglite).port,
      pages.map((p) => p.path),
      site,
    );
    if (await hasNginx()) {
      const nginx = await startNginx(dir, site, await freePort());
      cleanup.push(nginx.stop);
      // Its workers are up once it answers, and stay; listing them once keeps /proc scans out of the load.
      const processes = [nginx.pid, ...childrenOf(nginx.pid)];
      targets.push(targetOf('nginx', nginx, () => processes));
    } else {
      notes.push(`nginx not measured: it is not installed (${NGINX_INSTALL})`);
    }
    targets.push(...apps);
    for (const page of pages) for (const target of targets) await measure(target, page, config);
    const results = targets.map((t) => t.result);
    const searches = postgres ? await searchMs(postgres.port) : [];
    const compared = comparisonPages(config.national.plans, NATIONAL_YEAR);
    const comparedLoads = new Map<string, LoadResult>();
    const comparedFirst = new Map<string, number>();
    if (postgres && stored) {
      for (const page of compared) {
        comparedFirst.set(page.name, await firstAnswerMs(postgres.port, page.path));
        await warm(postgres.port, page.path, config.warmRequests);
        const url = `http://${LOOPBACK}:${postgres.port}${page.path}`;
        comparedLoads.set(page.name, await loadTest(url, config));
      }
    }
    const indicator = postgres && stored ? await indicatorMs(postgres.port) : null;
    const rows: Row[] = [
      ...webRows(pages, results, notes),
      ...(stored ? nationalRows(stored, searches) : []),
      ...comparisonRows(compared, comparedLoads, comparedFirst),
      ...(stored && indicator ? indicatorRows(stored.plans, indicator) : []),
    ];
    const servers = [
      { name: 'PGlite' as const, server: pglite, target: pgliteTarget },
      ...(postgres && postgresTarget
        ? [{ name: 'PostgreSQL' as const, server: postgres, target: postgresTarget }]
        : []),
    ];
    const [planPage] = pages;
    const duringRender: Record<string, unknown> = {};
    for (const { name, server } of servers) {
      rows.push(firstStartRow(name, server.startMs));
      if (!planPage) continue;
      const during = await loadDuringRender(server.port, planPage.path, config);
      const alone = results.find((r) => r.name === name)?.pages.get(planPage.name)?.p99Ms ?? null;
      rows.push(duringRenderRow(name, planPage.name, during, alone));
      duringRender[name] = during;
    }
    // Each app stopped, then started again as the README says, on the database it set up.
    const lean: Record<string, unknown> = {};
    for (const { name, server, target } of servers) {
      await server.stop();
      lean[name] = await leanStart(appEnv(target), target.port);
      rows.push(...leanRows(name, lean[name] as Awaited<ReturnType<typeof leanStart>>));
    }
    return {
      rows,
      details: {
        pages: pages.map((p, i) => ({ ...p, bytes: sizes[i] })),
        connections: config.connections,
        durationSec: config.durationSec,
        national: stored,
        searchMs: searches,
        comparison: {
          pages: compared,
          firstMs: Object.fromEntries(comparedFirst),
          load: Object.fromEntries(comparedLoads),
        },
        targets: results.map((r) => ({ ...r, pages: Object.fromEntries(r.pages) })),
        duringRender,
        lean,
        notes,
      },
    };
  } finally {
    for (const step of cleanup.reverse()) {
      await step().catch((error: unknown) => console.error(`web bench cleanup: ${String(error)}`));
    }
    await rm(dir, { recursive: true, force: true });
  }
}
