import { MIB } from './stats.ts';

/**
 * Peak resident and heap memory of this process while a task runs, sampled whenever `sample` is
 * called: from the start of the task, so the data loaded before it shows as the level it started from.
 */
export class MemoryPeaks {
  private readonly before: NodeJS.MemoryUsage;
  private peakRss: number;
  private peakHeap: number;

  constructor() {
    this.before = process.memoryUsage();
    this.peakRss = this.before.rss;
    this.peakHeap = this.before.heapUsed;
  }

  sample(): void {
    const now = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, now.rss);
    this.peakHeap = Math.max(this.peakHeap, now.heapUsed);
  }

  /** In MiB. */
  report(): MemoryReport {
    this.sample();
    return {
      rssBeforeMib: this.before.rss / MIB,
      peakRssMib: this.peakRss / MIB,
      heapBeforeMib: this.before.heapUsed / MIB,
      peakHeapMib: this.peakHeap / MIB,
    };
  }
}

export interface MemoryReport {
  readonly rssBeforeMib: number;
  readonly peakRssMib: number;
  readonly heapBeforeMib: number;
  readonly peakHeapMib: number;
}
