import { ShinchokuError } from '../core/errors.ts';

export interface HashGateLimits {
  /** Hashes computed at once. */
  readonly concurrency: number;
  /** Hashes computed at once for one key (one client address): the other slots stay free for everyone else. */
  readonly perKey: number;
  /** Hashes that may wait for a turn, in each lane; past that the caller is told to come back. */
  readonly maxWaiting: number;
}

/** Who a hash is for: a key (the client's address) to share the slots fairly, and whether it goes first. */
export interface HashTicket {
  readonly key?: string | undefined;
  readonly urgent?: boolean;
}

interface Waiter {
  readonly key: string | undefined;
  readonly start: () => void;
}

/**
 * A semaphore for password hashing with two bounded lanes. Each scrypt holds a worker thread and 128 MB
 * for a noticeable time, so unbounded, a flood of logins fills libuv's four threads and every queue
 * behind them, and a real user waits for all of it. Here at most `concurrency` run, and no key holds
 * more than `perKey` of them, so a flood from one address leaves a slot for everyone else; a bounded
 * number wait, the urgent lane first; anyone past the bound is refused at once with `busy`.
 */
export class HashGate {
  private active = 0;
  private readonly running = new Map<string, number>();
  private readonly urgent: Waiter[] = [];
  private readonly normal: Waiter[] = [];

  constructor(private readonly limits: HashGateLimits) {}

  async run<T>(task: () => Promise<T>, ticket: HashTicket = {}): Promise<T> {
    const { key } = ticket;
    if (this.active < this.limits.concurrency && this.mayRun(key)) {
      this.begin(key);
    } else {
      const lane = ticket.urgent ? this.urgent : this.normal;
      if (lane.length >= this.limits.maxWaiting) {
        throw new ShinchokuError(
          'busy',
          'Too many passwords are being checked at once; try again in a moment.',
          null,
          [],
          { reason: 'hashing' },
        );
      }
      // The slot is taken for the waiter by the task that frees it (see finish).
      await new Promise<void>((resolve) => lane.push({ key, start: resolve }));
    }
    try {
      return await task();
    } finally {
      this.finish(key);
    }
  }

  /** Running and waiting hashes, for tests and the abuse suite. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.active, waiting: this.urgent.length + this.normal.length };
  }

  private mayRun(key: string | undefined): boolean {
    return key === undefined || (this.running.get(key) ?? 0) < this.limits.perKey;
  }

  private begin(key: string | undefined): void {
    this.active++;
    if (key !== undefined) this.running.set(key, (this.running.get(key) ?? 0) + 1);
  }

  /** Frees a slot and starts every waiter that may now run: the urgent lane first, each in order of arrival. */
  private finish(key: string | undefined): void {
    this.active--;
    if (key !== undefined) {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left <= 0) this.running.delete(key);
      else this.running.set(key, left);
    }
    for (const lane of [this.urgent, this.normal]) {
      for (let i = 0; i < lane.length && this.active < this.limits.concurrency;) {
        const waiter = lane[i] as Waiter;
        if (!this.mayRun(waiter.key)) {
          i++;
          continue;
        }
        lane.splice(i, 1);
        this.begin(waiter.key);
        waiter.start();
      }
    }
  }
}
