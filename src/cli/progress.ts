import type { Io } from './io.ts';

/** Reports the long steps of a command on the terminal (stderr), so stdout stays clean for data. */
export interface Progress {
  step<T>(label: string, run: () => Promise<T>, done?: (result: T) => string): Promise<T>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => performance.now() };

export function terminalProgress(io: Io, clock: Clock = systemClock): Progress {
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
