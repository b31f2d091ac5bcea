import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ShinchokuError } from '../../core/errors.ts';
import { plainEvaluation } from '../../core/lazy-results.ts';
import type { RenderJob, RenderOutput } from './job.ts';
import { besideModule, moduleWorker } from './spawn.ts';
import type { JobMessage, ResultMessage } from './worker.ts';

/**
 * Renders report files away from the request's event loop. A render is CPU work of seconds, and a
 * renderer that loops on some input must cost one thread for a while, never the server: each job runs
 * in a worker thread that is ended when it overruns its time limit, and requests beyond what the
 * workers and a short queue hold are refused at once, to be retried.
 */
export interface RenderPool {
  render(job: RenderJob): Promise<RenderOutput>;
  /** Ends every worker; jobs still queued or running fail. */
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  /** Worker threads at most, started on demand. */
  readonly workers: number;
  /** Jobs that may wait for a worker; one more is refused as busy. */
  readonly queue: number;
  /** Milliseconds a job may run once a worker has taken it. */
  readonly timeLimitMs: number;
  /** Heap of one worker: a render that would take more ends that worker, not the server. */
  readonly memoryMb?: number;
  /** A worker idle this long is ended, to give its memory back. */
  readonly idleMs?: number;
}

/** Seconds a refused client is told to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 10;

interface Pending {
  readonly id: number;
  readonly job: RenderJob;
  readonly resolve: (output: RenderOutput) => void;
  readonly reject: (error: unknown) => void;
}

interface Thread {
  readonly worker: Worker;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

/** worker.js when this server runs compiled (dist/), worker.ts under tsx and the tests. */
const WORKER_ENTRY = besideModule(import.meta.url, 'worker');

export function busyError(): ShinchokuError {
  return new ShinchokuError(
    'busy',
    'Every report renderer is busy.',
    `Try again in ${RETRY_AFTER_SECONDS} seconds.`,
  );
}

export function renderTimeoutError(job: RenderJob, limitMs: number): ShinchokuError {
  return new ShinchokuError(
    'render-timeout',
    `Rendering the ${job.format} file took longer than ${Math.round(limitMs / 1000)} s and was stopped.`,
  );
}

class WorkerRenderPool implements RenderPool {
  private readonly threads = new Set<Thread>();
  private readonly idle: Thread[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions) {}

  render(job: RenderJob): Promise<RenderOutput> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('the render pool is closed'));
      if (this.waiting.length >= this.options.queue && !this.hasRoom()) return reject(busyError());
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const gone = new Error('the render pool was closed');
    for (const pending of this.waiting.splice(0)) pending.reject(gone);
    await Promise.all(
      [...this.threads].map((thread) => {
        this.finish(thread)?.reject(gone);
        return thread.worker.terminate();
      }),
    );
  }

  private hasRoom(): boolean {
    return this.idle.length > 0 || this.threads.size < this.options.workers;
  }

  /** Hands waiting jobs to free threads; each turn of the loop takes one job off the queue or stops. */
  private dispatch(): void {
    while (this.waiting.length > 0 && this.hasRoom()) {
      const thread = this.idle.pop() ?? this.spawn();
      const pending = this.waiting.shift();
      if (pending) this.start(thread, pending);
    }
  }

  private spawn(): Thread {
    // A server started with small young-generation spaces to stay lean when idle (NODE_OPTIONS, see
    // docs/performance.md) still renders with V8's default young generation: a render allocates fast.
    const worker = moduleWorker(WORKER_ENTRY, {
      maxOldGenerationSizeMb: this.options.memoryMb ?? 1536,
      maxYoungGenerationSizeMb: 48,
    });
    const thread: Thread = { worker, current: null, timer: null };
    this.threads.add(thread);
    worker.on('message', (message: ResultMessage) => this.answered(thread, message));
    // An uncaught error or an exhausted heap: the worker is gone, and so is its job.
    worker.on('error', (error) => this.lost(thread, error));
    worker.on('exit', (code) => this.lost(thread, new Error(`the render worker stopped (exit ${code})`)));
    return thread;
  }

  private start(thread: Thread, pending: Pending): void {
    if (thread.timer) clearTimeout(thread.timer);
    thread.current = pending;
    thread.worker.ref();
    thread.timer = setTimeout(() => {
      this.finish(thread)?.reject(renderTimeoutError(pending.job, this.options.timeLimitMs));
      this.forget(thread);
      void thread.worker.terminate();
      this.dispatch();
    }, this.options.timeLimitMs);
    thread.worker.postMessage({ id: pending.id, job: cloneable(pending.job) } satisfies JobMessage);
  }

  /** The thread's job, taken off it with its timer; null if it has none. */
  private finish(thread: Thread): Pending | null {
    const pending = thread.current;
    thread.current = null;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    return pending;
  }

  private answered(thread: Thread, message: ResultMessage): void {
    if (thread.current?.id !== message.id) return;
    const pending = this.finish(thread);
    if (message.ok) pending?.resolve(message.data);
    else pending?.reject(new Error(`rendering the ${pending?.job.format} file failed: ${message.message}`));
    this.rest(thread);
    this.dispatch();
  }

  /** An idle worker does not keep the process alive, and ends itself after a while. */
  private rest(thread: Thread): void {
    thread.worker.unref();
    this.idle.push(thread);
    const idleMs = this.options.idleMs ?? 60_000;
    thread.timer = setTimeout(() => {
      this.forget(thread);
      void thread.worker.terminate();
    }, idleMs);
    thread.timer.unref();
  }

  private lost(thread: Thread, error: Error): void {
    if (!this.threads.has(thread)) return;
    this.forget(thread);
    this.finish(thread)?.reject(error);
    this.dispatch();
  }

  private forget(thread: Thread): void {
    this.threads.delete(thread);
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

export function workerRenderPool(options: RenderPoolOptions): RenderPool {
  return new WorkerRenderPool(options);
}

/** One thread per core but one, left for the server's own requests; at least one. */
export const DEFAULT_RENDER_POOL: RenderPoolOptions = {
  workers: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queue: 8,
  timeLimitMs: 120_000,
};

let shared: RenderPool | null = null;

/**
 * The process's pool, started on first use: every app the process serves shares its threads. Its idle
 * workers keep no process alive, so a server or a site export ends as it did without one.
 */
export function sharedRenderPool(): RenderPool {
  shared ??= workerRenderPool(DEFAULT_RENDER_POOL);
  return shared;
}

/**
 * The job as a structured clone can carry it: an evaluation computes its history, trajectories and
 * diagnostics when first read (core/lazy-results.ts), which a clone would leave out.
 */
function cloneable(job: RenderJob): RenderJob {
  return {
    ...job,
    evaluation: plainEvaluation(job.evaluation),
    ...(job.yearly ? { yearly: job.yearly.map(plainEvaluation) } : {}),
  };
}
