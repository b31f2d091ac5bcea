import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appEnv, startApp, type AppTarget } from './web/app-server.ts';
import { freePort } from './web/free-port.ts';
import { leanStart, type LeanStart } from './web/lean-start.ts';
import { leanRows } from './web/lean-rows.ts';
import { adminUrl, createBenchDatabase } from './web/postgres.ts';

/**
 * The web section's start and stop rows alone (`npx tsx bench/lean.ts [--runs 3]`), without its load
 * tests or the national dataset: each app's first start on a fresh database, then `npm start` on it
 * `runs` times, each run's start time, idle RSS and stop on SIGTERM to npm's pid, with the goals'
 * verdicts from the same rows the full bench prints. BENCH_PORTS and BENCH_DATABASE_URL as for the bench.
 */
const MAX_RUNS = 20;
const verdict = (met: boolean | null | undefined) =>
  met === true ? ' (met)' : met === false ? ' (not met)' : '';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, strict: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) throw new Error(`--runs takes 1 to ${MAX_RUNS}`);

const dir = await mkdtemp(join(tmpdir(), 'shinchoku-lean-'));
const database = await createBenchDatabase(adminUrl()).catch((error: unknown) => {
  console.log(`PostgreSQL not measured: ${String(error).split('\n')[0]}`);
  return null;
});
try {
  const apps: ['PGlite' | 'PostgreSQL', AppTarget][] = [
    ['PGlite', { databaseUrl: null, dataDir: join(dir, 'pglite'), port: await freePort() }],
  ];
  if (database) {
    apps.push([
      'PostgreSQL',
      { databaseUrl: database.url, dataDir: join(dir, 'pg'), port: await freePort() },
    ]);
  }
  for (const [name, target] of apps) {
    const first = await startApp(target);
    await first.stop();
    console.log(`${name}: first start ${Math.round(first.startMs)} ms`);
    for (let run = 1; run <= runs; run++) {
      const lean: LeanStart = await leanStart(appEnv(target), target.port);
      const line = leanRows(name, lean)
        .map(
          (r) =>
            `${r.name}: ${r.value === null ? '—' : Math.round(r.value)} ${r.unit}${verdict(r.goal?.met)}`,
        )
        .join('; ');
      console.log(`${name} run ${run}: ${line}`);
    }
  }
} finally {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
}
