import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unmeasured, type Row } from '../lib/row.ts';
import type { SectionResult } from '../lib/section.ts';
import { appEnv, startApp, SERVER_SCRIPT, type AppTarget } from './app-server.ts';
import type { RunningServer } from './child-server.ts';
import { loadDuringRender } from './during-render.ts';
import { freePort, LOOPBACK } from './free-port.ts';
import { leanStart } from './lean-start.ts';
import { duringRenderRow, firstStartRow, leanRows } from './lean-rows.ts';
import { loadTest, type LoadOptions } from './load.ts';
import { childrenOf, hasNginx, NGINX_INSTALL, startNginx } from './nginx.ts';
import { kitamotoPages, type BenchPage } from './pages.ts';
import { adminUrl, createBenchDatabase } from './postgres.ts';
import { peakRssDuring, vmRssMib } from './proc-rss.ts';
import { snapshotPages } from './static-site.ts';
import { webRows, type TargetResult } from './rows.ts';

export interface WebBenchConfig extends LoadOptions {
  /** Requests each target answers, one at a time, before it is measured. */
  readonly warmRequests: number;
}

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
  const { result, peakMib } = await peakRssDuring(target.pids, () => loadTest(url, config));
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
    const sizes = await snapshotPages(
      pglite.port,
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
    const rows: Row[] = webRows(pages, results, notes);
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
