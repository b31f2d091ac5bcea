import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, type RunningServer } from './child-server.ts';
import { LOOPBACK } from './free-port.ts';

const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_SCRIPT = join(ROOT, 'src', 'web', 'server.ts');
/** What `npm start` runs: the server compiled by scripts/build.js. */
const COMPILED_SERVER = join(ROOT, 'dist', 'web', 'server.js');
/** A first start imports and publishes the Kitamoto sample, which takes a while on a busy machine. */
const START_TIMEOUT_MS = 180_000;

export interface AppTarget {
  /** PostgreSQL's URL, or null for the embedded database (PGlite) in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly port: number;
}

/** The environment the app is started with, for one target. */
export function appEnv(target: AppTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(target.port),
    HOST: LOOPBACK,
    SHINCHOKU_DATA: target.dataDir,
    SHINCHOKU_ADMIN_PASSWORD: `bench-${process.pid}-${Date.now()}`,
  };
  delete env.DATABASE_URL;
  if (target.databaseUrl !== null) env.DATABASE_URL = target.databaseUrl;
  return env;
}

/**
 * The web app as it is deployed: its own process, started as `npm start` runs it (package.json), less npm:
 * built first if src/ changed, outside the timed start, then the compiled server run by node.
 */
export function startApp(target: AppTarget): Promise<RunningServer> {
  const env = appEnv(target);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js'), '--if-stale'], { stdio: 'inherit' });
  return startServer({
    command: process.execPath,
    args: [COMPILED_SERVER],
    env,
    port: target.port,
    timeoutMs: START_TIMEOUT_MS,
  });
}
