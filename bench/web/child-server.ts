import { spawn, type ChildProcess } from 'node:child_process';
import { LOOPBACK } from './free-port.ts';

export interface RunningServer {
  readonly pid: number;
  readonly port: number;
  /** Milliseconds from the spawn to the first HTTP answer. */
  readonly startMs: number;
  /** What it printed, for the error when it fails. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly port: number;
  readonly timeoutMs: number;
}

const POLL_MS = 200;
const STOP_GRACE_MS = 15_000;
const OUTPUT_KEPT = 8_000;

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://${LOOPBACK}:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a server in the foreground as a child of the bench and waits until its port answers HTTP.
 * It is stopped by its own pid (SIGTERM, then SIGKILL after a grace period), never by name.
 */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const spawned = performance.now();
  const child = spawn(spec.command, [...spec.args], {
    env: spec.env ?? process.env,
    cwd: spec.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + spec.timeoutMs;
  while (!(await answers(spec.port))) {
    if (pid === undefined || child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${spec.command} did not start on port ${spec.port}:\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const startMs = performance.now() - spawned;
  return { pid: pid as number, port: spec.port, startMs, output: () => output, stop };
}
