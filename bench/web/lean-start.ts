import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './child-server.ts';
import { LOOPBACK } from './free-port.ts';
import { childrenOf } from './nginx.ts';
import { vmRssMib } from './proc-rss.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 180_000;
const STOP_LIMIT_MS = 15_000;
const SETTLE_MS = 2_000;
const POLL_MS = 100;

export interface LeanStart {
  /** From `npm start` to the first answer, on a database that was already set up. */
  readonly startMs: number;
  /** The server's own process (npm's child), 2 s after its first answer, before any page. */
  readonly idleMib: number;
  /** From SIGTERM to npm's pid until the server's process had gone; null if it outlived the limit. */
  readonly stopMs: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => existsSync(`/proc/${pid}`);

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://${LOOPBACK}:${port}/`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` as the README says, on a database the app has already set up: its start time and idle
 * memory, then SIGTERM to npm's pid alone, as a service manager or a terminal would send it. The server
 * must stop with it; one that outlives npm is stopped by its own pid afterwards, and reported.
 */
export async function leanStart(env: NodeJS.ProcessEnv, port: number): Promise<LeanStart> {
  const npm = await startServer({
    command: 'npm',
    args: ['start', '--silent'],
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: LOOPBACK },
    port,
    timeoutMs: START_TIMEOUT_MS,
  });
  const servers = childrenOf(npm.pid);
  await sleep(SETTLE_MS);
  const idleMib = servers.reduce((sum, pid) => sum + vmRssMib(pid), 0);
  const killed = performance.now();
  process.kill(npm.pid, 'SIGTERM');
  let stopMs: number | null = null;
  while (performance.now() - killed < STOP_LIMIT_MS) {
    if (!servers.some(alive) && !(await answers(port))) {
      stopMs = performance.now() - killed;
      break;
    }
    await sleep(POLL_MS);
  }
  for (const pid of servers.filter(alive)) process.kill(pid, 'SIGKILL');
  await npm.stop();
  return { startMs: npm.startMs, idleMib, stopMs };
}
