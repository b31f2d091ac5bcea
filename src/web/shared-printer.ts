import type { PdfPrinter } from '../render/pdf/printer.ts';

export interface SharedPrinter {
  /** The one browser, started on the first call; a failed start is retried on the next. */
  get(): Promise<PdfPrinter>;
  close(): Promise<void>;
}

/** Chromium costs a second and a few hundred MB to start, so all PDF downloads share one. */
export function sharedPrinter(launch: () => Promise<PdfPrinter>): SharedPrinter {
  let started: Promise<PdfPrinter> | null = null;
  return {
    get() {
      started ??= launch().catch((error: unknown) => {
        started = null;
        throw error;
      });
      return started;
    },
    async close() {
      const running = started;
      started = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
