import { LOOPBACK } from './free-port.ts';
import { loadTest, type LoadOptions, type LoadResult } from './load.ts';
import { kitamotoDownloadPath } from './pages.ts';

/**
 * Report files rendered one after another while the page is loaded: the PowerPoint first, as the issue
 * asks, then the others, so that a render runs through as much of the load as there are files. Each is
 * the first of its kind in the process (a rendered file is cached), in the server's render pool.
 */
async function reportFiles(): Promise<string[]> {
  const pptx = await kitamotoDownloadPath('report.pptx');
  const xlsx = await kitamotoDownloadPath('report.xlsx');
  return [pptx, `${pptx}?lang=en`, xlsx, `${xlsx}?lang=en`];
}
/** autocannon's own start; a render begun before its first request would be partly unmeasured. */
const LOAD_STARTUP_MS = 500;

export interface DuringRender {
  readonly load: LoadResult;
  /** Each download that finished within the run, with its time. */
  readonly renders: { readonly file: string; readonly ms: number }[];
  /** The share of the load's duration during which a render was running. */
  readonly covered: number;
}

/** A page under load while the server renders report downloads; its latency is the figure. */
export async function loadDuringRender(
  port: number,
  pagePath: string,
  options: LoadOptions,
): Promise<DuringRender> {
  const files = await reportFiles();
  const renders: { file: string; ms: number }[] = [];
  let busyMs = 0;
  let done = false;
  const rendering = (async () => {
    await new Promise((resolve) => setTimeout(resolve, LOAD_STARTUP_MS));
    for (const file of files) {
      if (done) break;
      const start = performance.now();
      const response = await fetch(`http://${LOOPBACK}:${port}${file}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      const ms = performance.now() - start;
      busyMs += ms;
      renders.push({ file, ms });
    }
  })();
  const load = await loadTest(`http://${LOOPBACK}:${port}${pagePath}`, options).finally(() => (done = true));
  await rendering;
  return { load, renders, covered: Math.min(1, busyMs / (options.durationSec * 1000)) };
}
