import type { Io } from './io.ts';

/** Reports the long steps of a command on the terminal (stderr), so stdout stays clean for data. */
export interface Progress {
  step<T>(label: string, run: () => Promise<T>, done?: (result: T) => string): Promise<T>;
}

/** Milliseconds from an arbitrary origin, for timing steps; tests pass their own. */
export interface Stopwatch {
  now(): number;
}

export const systemStopwatch: Stopwatch = { now: () => performance.now() };

export function terminalProgress(io: Io, clock: Stopwatch = systemStopwatch): Progress {
  return {
    async step(label, run, done) {
      io.err(`${label}…\n`);
      const started = clock.now();
      const result = await run();
      const seconds = ((clock.now() - started) / 1000).toFixed(1);
      io.err(`  ${done ? done(result) : 'done'} (${seconds} s)\n`);
      return result;
    },
  };
}
