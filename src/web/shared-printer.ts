import { ShinchokuError } from '../core/errors.ts';
import type { PdfPrinter } from '../render/pdf/printer.ts';

export interface SharedPrinter {
  /** The one browser, started on the first call; a failed start is retried on the next. */
  get(): Promise<PdfPrinter>;
  close(): Promise<void>;
}

/** Long enough for the seed's PDF on a busy server many times over. */
export const PRINT_TIME_LIMIT_MS = 90_000;

export function printTimeoutError(limitMs: number): ShinchokuError {
  return new ShinchokuError(
    'render-timeout',
    `Printing the PDF took longer than ${Math.round(limitMs / 1000)} s and was stopped.`,
  );
}

/**
 * Chromium costs a second and a few hundred MB to start, so all PDF downloads share one. A print that
 * overruns its time limit fails, and the browser is closed, which ends whatever it was stuck on; the
 * next PDF starts a fresh one.
 */
export function sharedPrinter(
  launch: () => Promise<PdfPrinter>,
  timeLimitMs: number = PRINT_TIME_LIMIT_MS,
): SharedPrinter {
  let started: Promise<PdfPrinter> | null = null;

  const restart = async (running: Promise<PdfPrinter>) => {
    if (started === running) started = null;
    await (await running.catch(() => null))?.close().catch(() => undefined);
  };

  const limited = (running: Promise<PdfPrinter>, printer: PdfPrinter): PdfPrinter => ({
    print(html) {
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(printTimeoutError(timeLimitMs));
          void restart(running);
        }, timeLimitMs);
        printer.print(html).then(
          (pdf) => {
            clearTimeout(timer);
            resolve(pdf);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        );
      });
    },
    close: () => printer.close(),
  });

  return {
    get() {
      if (!started) {
        const running: Promise<PdfPrinter> = launch().then(
          (printer) => limited(running, printer),
          (error: unknown) => {
            started = null;
            throw error;
          },
        );
        started = running;
      }
      return started;
    },
    async close() {
      const running = started;
      started = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
