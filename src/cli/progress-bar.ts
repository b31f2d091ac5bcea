import type { Io } from './io.ts';
import { systemStopwatch, type Stopwatch } from './progress.ts';

const WIDTH = 30;
/** A terminal is redrawn at most this often; drawing each of 1,741 files would cost more than it shows. */
const REDRAW_MS = 100;
/** Without a terminal, a line at every tenth of the way. */
const PLAIN_STEPS = 10;

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the bar's line, so what follows starts on its own. */
  finish(): void;
}

/**
 * Progress of many files on stderr: a bar redrawn in place on a terminal, plain lines otherwise (a log
 * or CI cannot take carriage returns), so stdout stays the report.
 */
export function progressBar(io: Io, noun: string, clock: Stopwatch = systemStopwatch): ProgressBar {
  let drawnAt = -Infinity;
  let lastStep = -1;
  let drawn = false;
  return {
    update(done, total) {
      const share = total === 0 ? 1 : done / total;
      const percent = Math.floor(share * 100);
      if (io.errIsTty) {
        const now = clock.now();
        if (done < total && now - drawnAt < REDRAW_MS) return;
        drawnAt = now;
        const filled = Math.round(share * WIDTH);
        const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
        io.err(`\r${bar} ${String(percent).padStart(3)}% ${done}/${total} ${noun}`);
        drawn = true;
        return;
      }
      const step = Math.floor(share * PLAIN_STEPS);
      if (step === lastStep && done < total) return;
      lastStep = step;
      io.err(`${done}/${total} ${noun} (${percent}%)\n`);
    },
    finish() {
      if (drawn) io.err('\n');
    },
  };
}
