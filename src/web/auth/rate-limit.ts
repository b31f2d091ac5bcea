import type { Clock } from '../clock.ts';

export interface RateLimitOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Keys kept at most; the oldest are forgotten first, so a flood of logins cannot exhaust memory. */
  readonly maxKeys: number;
}

/** Per login and address: a person who mistypes five times waits; a guesser at one account is slowed. */
export const LOGIN_RATE_LIMIT: RateLimitOptions = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
  maxKeys: 10_000,
};

/**
 * Per address, whatever the login: stops one machine from trying name after name. Generous, because a
 * city office behind one proxy shares one address.
 */
export const ADDRESS_RATE_LIMIT: RateLimitOptions = {
  maxFailures: 20,
  windowMs: 15 * 60 * 1000,
  maxKeys: 10_000,
};

/**
 * All failures together, per minute: past this budget, addresses that have not signed in successfully
 * before wait, so a flood from many addresses cannot keep the password hashing busy for everyone.
 */
export const GLOBAL_RATE_LIMIT: RateLimitOptions = {
  maxFailures: 60,
  windowMs: 60 * 1000,
  maxKeys: 1,
};

/**
 * Counts failed logins per key (login and address) in a sliding window, in memory: a restart forgets
 * them, which costs an attacker a restart they cannot cause. Time comes from the app's clock, so tests
 * move it instead of waiting.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly options: RateLimitOptions = LOGIN_RATE_LIMIT,
  ) {}

  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.maxFailures) return 0;
    const oldest = recent[recent.length - this.options.maxFailures] ?? 0;
    return Math.max(1, Math.ceil((oldest + this.options.windowMs - this.clock.now().getTime()) / 1000));
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > this.options.maxKeys) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey !== undefined) this.failures.delete(oldestKey);
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back the latest failure: an attempt counted before its outcome was known, that then succeeded. */
  forgive(key: string): void {
    const recent = this.recent(key);
    recent.pop();
    if (recent.length === 0) this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.options.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
