/**
 * CPU time the server spends per answer, which the load of other people's work on a shared machine moves far
 * less than requests per second: the compiled server (`dist/web/server.js` under --root, so a build of another
 * commit can be measured turn about with this one) started on PGlite or PostgreSQL, each page warmed, then a
 * fixed number of requests from autocannon at 64 connections, and the server's user + system ticks from
 * /proc/PID/stat before and after.
 *
 *   npx tsx bench/web/cpu-per-request.ts --target pglite --root A --data /tmp/a --root B --data /tmp/b
 *   npx tsx bench/web/cpu-per-request.ts --target postgres --database postgres://…/db --root A --data /tmp/a …
 *   … --rounds 5 --requests 20000 --only '304' (pages whose name contains it) --profile DIR (--cpu-prof)
 *
 * With several roots, each is started once and the bursts go turn about, page by page. Ports come from
 * BENCH_PORTS. Prints one line per burst (µs of server CPU per request, requests/s), then the best and the
 * median per root and page.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { startServer, type RunningServer } from './child-server.ts';
import { freePort, LOOPBACK } from './free-port.ts';
import { kitamotoPages, type BenchPage } from './pages.ts';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');
const CONNECTIONS = 64;
const WARM = 50;

const { values } = parseArgs({
  options: {
    root: { type: 'string', multiple: true },
    target: { type: 'string', default: 'pglite' },
    database: { type: 'string' },
    data: { type: 'string', multiple: true },
    requests: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});

/** User and system time of a process, in clock ticks (1/100 s on Linux). */
function ticks(pid: number): [number, number] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]), Number(fields[12])];
}

async function start(root: string, data: string): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: LOOPBACK,
    SHINCHOKU_DATA: data,
    SHINCHOKU_ADMIN_PASSWORD: `cpu-per-request-${process.pid}`,
  };
  delete env.DATABASE_URL;
  if (values.target === 'postgres') env.DATABASE_URL = values.database;
  const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(values.profile)] : [];
  return startServer({
    command: process.execPath,
    args: [...profile, join(root, 'dist', 'web', 'server.js')],
    env,
    port,
    timeoutMs: 300_000,
  });
}

/** One burst of requests at one server: its CPU per answer, and the answers per second. */
async function burst(server: RunningServer, page: BenchPage, requests: number) {
  const url = `http://${LOOPBACK}:${server.port}${page.path}`;
  for (let i = 0; i < WARM; i++) await (await fetch(url)).arrayBuffer();
  const etag = page.conditional ? (await fetch(url)).headers.get('etag') : null;
  const headers = etag ? ['-H', `If-None-Match=${etag}`] : [];
  const before = ticks(server.pid);
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, '-c', String(CONNECTIONS), '-a', String(requests), ...headers, '-j', url],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const after = ticks(server.pid);
  const result = JSON.parse(stdout) as {
    requests: { total: number };
    duration: number;
    non2xx: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  const total = result.requests.total;
  const right = etag ? (result.statusCodeStats?.['304']?.count ?? 0) : total - result.non2xx;
  if (right !== total) throw new Error(`${page.name}: ${total - right} wrong answers`);
  const [user, system] = [after[0] - before[0], after[1] - before[1]];
  return { micros: ((user + system) * 10_000) / total, user, system, perSec: total / result.duration };
}

async function main(): Promise<void> {
  const roots = (values.root ?? [join(import.meta.dirname, '..', '..')]).map((r) => resolve(r));
  const data = values.data ?? [];
  if (data.length !== roots.length)
    throw new Error('one --data folder for each --root (PGlite locks its own)');
  if (values.target === 'postgres' && !values.database) throw new Error('--database URL for PostgreSQL');
  const servers: RunningServer[] = [];
  try {
    // One at a time: two first starts at once would both import the sample into one PostgreSQL database.
    for (const [i, root] of roots.entries()) servers.push(await start(root, data[i] as string));
    const pages = (await kitamotoPages()).filter((p) => !values.only || p.name.includes(values.only));
    for (const page of pages) {
      const seen: number[][] = roots.map(() => []);
      for (let round = 0; round < Number(values.rounds); round++) {
        // Turn about, so every server meets the same neighbours' load within seconds of the other.
        for (const [i, server] of servers.entries()) {
          const r = await burst(server, page, Number(values.requests));
          seen[i]?.push(r.micros);
          console.log(
            `${roots[i]}\t${values.target}\t${page.name}\t${r.micros.toFixed(1)} µs/req\t${r.perSec.toFixed(0)} req/s\tuser ${r.user}, system ${r.system} ticks\tload ${loadavg()[0]?.toFixed(1)}`,
          );
        }
      }
      for (const [i, micros] of seen.entries()) {
        const sorted = [...micros].sort((a, b) => a - b);
        console.log(
          `= ${roots[i]}\t${page.name}\tbest ${sorted[0]?.toFixed(1)} µs/req\tmedian ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} µs/req`,
        );
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
}

await main();
