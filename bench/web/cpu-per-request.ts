/**
 * CPU time the server spends per answer, which the load of other people's work on a shared machine moves far
 * less than requests per second: the compiled server (`dist/web/server.js` under --root, so a build of another
 * commit can be measured turn about with this one) started on PGlite or PostgreSQL, each page warmed, then a
 * fixed number of requests from autocannon at 64 connections, and the server's user + system ticks from
 * /proc/PID/stat before and after.
 *
 *   npx tsx bench/web/cpu-per-request.ts --target pglite --data /tmp/x/pglite [--root DIR] [--requests N]
 *   npx tsx bench/web/cpu-per-request.ts --target postgres --database postgres://…/db --data /tmp/x/pg
 *   … --only '304' (pages whose name contains it) --profile DIR (the server runs under --cpu-prof)
 *
 * Ports come from BENCH_PORTS. Prints one line per page: µs of server CPU per request, and requests/s.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { startServer } from './child-server.ts';
import { freePort, LOOPBACK } from './free-port.ts';
import { kitamotoPages } from './pages.ts';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');
const CONNECTIONS = 64;
const WARM = 50;

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..', '..') },
    target: { type: 'string', default: 'pglite' },
    database: { type: 'string' },
    data: { type: 'string' },
    requests: { type: 'string', default: '30000' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});

/** User plus system time of a process, in clock ticks (1/100 s on Linux). */
function ticks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function main(): Promise<void> {
  const root = resolve(values.root);
  const requests = Number(values.requests);
  if (!values.data) throw new Error('--data DIR: the server’s data folder (PGlite) or a scratch folder');
  if (values.target === 'postgres' && !values.database) throw new Error('--database URL for PostgreSQL');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: LOOPBACK,
    SHINCHOKU_DATA: values.data,
    SHINCHOKU_ADMIN_PASSWORD: `cpu-per-request-${process.pid}`,
  };
  delete env.DATABASE_URL;
  if (values.target === 'postgres') env.DATABASE_URL = values.database;
  const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(values.profile)] : [];
  const server = await startServer({
    command: process.execPath,
    args: [...profile, join(root, 'dist', 'web', 'server.js')],
    env,
    port,
    timeoutMs: 300_000,
  });
  try {
    const pages = (await kitamotoPages()).filter((p) => !values.only || p.name.includes(values.only));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const page of pages) {
        const url = `http://${LOOPBACK}:${port}${page.path}`;
        for (let i = 0; i < WARM; i++) await (await fetch(url)).arrayBuffer();
        const etag = page.conditional ? (await fetch(url)).headers.get('etag') : null;
        const headers = etag ? ['-H', `If-None-Match=${etag}`] : [];
        const before = ticks(server.pid);
        const { stdout } = await run(
          process.execPath,
          [AUTOCANNON, '-c', String(CONNECTIONS), '-a', String(requests), ...headers, '-j', url],
          { maxBuffer: 16 * 1024 * 1024 },
        );
        const used = ticks(server.pid) - before;
        const result = JSON.parse(stdout) as {
          requests: { total: number };
          duration: number;
          non2xx: number;
          statusCodeStats?: Record<string, { count: number }>;
        };
        const total = result.requests.total;
        const right = etag ? (result.statusCodeStats?.['304']?.count ?? 0) : total - result.non2xx;
        if (right !== total) throw new Error(`${page.name}: ${total - right} wrong answers`);
        const micros = (used * 10_000) / total;
        console.log(
          `${values.target}\t${page.name}\t${micros.toFixed(1)} µs/req\t${(total / result.duration).toFixed(0)} req/s\t${total} req\t${used} ticks`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

await main();
