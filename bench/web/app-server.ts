import { join } from 'node:path';
import { startServer, type RunningServer } from './child-server.ts';
import { LOOPBACK } from './free-port.ts';

export const SERVER_SCRIPT = join(import.meta.dirname, '..', '..', 'src', 'web', 'server.ts');
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

/** The web app as it is deployed: its own process, started the way `src/web/server.ts` is run. */
export function startApp(target: AppTarget): Promise<RunningServer> {
  const env = appEnv(target);
  return startServer({
    command: process.execPath,
    // As `npm start` runs it (package.json), less npm.
    args: ['--import', import.meta.resolve('tsx'), SERVER_SCRIPT],
    env,
    port: target.port,
    timeoutMs: START_TIMEOUT_MS,
  });
}
