import type { Clock } from '../clock.ts';
import {
  ADDRESS_RATE_LIMIT,
  FailureLimiter,
  GLOBAL_RATE_LIMIT,
  LOGIN_RATE_LIMIT,
  type RateLimitOptions,
} from './rate-limit.ts';

export interface LoginThrottleOptions {
  readonly perLogin: RateLimitOptions;
  readonly perAddress: RateLimitOptions;
  readonly global: RateLimitOptions;
  /** Sign-ins from one address being checked at once; more are asked to come back in a moment. */
  readonly maxInFlightPerAddress: number;
  /** How long an address that signed in successfully counts as known, past the global budget. */
  readonly knownForMs: number;
  /** Known addresses kept at most; the oldest are forgotten first. */
  readonly maxKnown: number;
}

export const LOGIN_THROTTLE: LoginThrottleOptions = {
  perLogin: LOGIN_RATE_LIMIT,
  perAddress: ADDRESS_RATE_LIMIT,
  global: GLOBAL_RATE_LIMIT,
  maxInFlightPerAddress: 2,
  knownForMs: 30 * 24 * 60 * 60 * 1000,
  maxKnown: 10_000,
};

/** A sign-in let through to the password check; hand it back with the outcome. */
export interface LoginTicket {
  readonly loginKey: string;
  readonly address: string;
  /** The address signed in successfully before: its hash goes ahead of a flood's. */
  readonly known: boolean;
}

export type Admission =
  | { readonly ok: true; readonly ticket: LoginTicket }
  | { readonly ok: false; readonly reason: 'rate-limited' | 'busy'; readonly retryAfterSeconds: number };

const GLOBAL_KEY = 'all';
/** What a sign-in told to come back is asked to wait: about one hash. */
const BUSY_RETRY_SECONDS = 2;

/**
 * Decides, before any password is hashed, whether a sign-in may be checked at all: at most five failures
 * per login and address, twenty per address, and a global budget per minute that only addresses known
 * from an earlier success may exceed; and no more than two checks at once from one address.
 *
 * Each attempt counts as a failure from the moment it is admitted, and is forgiven when it succeeds, so
 * forty attempts sent at once are judged as forty, not as none. Everything is in memory and bounded.
 */
export class LoginThrottle {
  private readonly perLogin: FailureLimiter;
  private readonly perAddress: FailureLimiter;
  private readonly global: FailureLimiter;
  private readonly inFlight = new Map<string, number>();
  private readonly known = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly options: LoginThrottleOptions = LOGIN_THROTTLE,
  ) {
    this.perLogin = new FailureLimiter(clock, options.perLogin);
    this.perAddress = new FailureLimiter(clock, options.perAddress);
    this.global = new FailureLimiter(clock, options.global);
  }

  /** Seconds the attempt must wait under the failure limits; 0 when it may be checked. */
  retryAfter(login: string, address: string): number {
    return Math.max(
      this.perLogin.retryAfter(loginKey(login, address)),
      this.perAddress.retryAfter(address),
      this.isKnown(address) ? 0 : this.global.retryAfter(GLOBAL_KEY),
    );
  }

  admit(login: string, address: string): Admission {
    const wait = this.retryAfter(login, address);
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };
    const running = this.inFlight.get(address) ?? 0;
    if (running >= this.options.maxInFlightPerAddress) {
      return { ok: false, reason: 'busy', retryAfterSeconds: BUSY_RETRY_SECONDS };
    }
    this.inFlight.set(address, running + 1);
    const ticket = { loginKey: loginKey(login, address), address, known: this.isKnown(address) };
    this.perLogin.recordFailure(ticket.loginKey);
    this.perAddress.recordFailure(address);
    this.global.recordFailure(GLOBAL_KEY);
    return { ok: true, ticket };
  }

  /** The password was right: the attempt is forgiven everywhere and the address becomes known. */
  succeeded(ticket: LoginTicket): void {
    this.release(ticket);
    this.perLogin.reset(ticket.loginKey);
    this.perAddress.forgive(ticket.address);
    this.global.forgive(GLOBAL_KEY);
    this.known.delete(ticket.address);
    this.known.set(ticket.address, this.clock.now().getTime());
    if (this.known.size > this.options.maxKnown) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }

  /** The password was wrong: the failure stays counted. */
  failed(ticket: LoginTicket): void {
    this.release(ticket);
  }

  /** The check did not happen (the server was busy): the attempt counts for nothing. */
  withdrawn(ticket: LoginTicket): void {
    this.release(ticket);
    this.perLogin.forgive(ticket.loginKey);
    this.perAddress.forgive(ticket.address);
    this.global.forgive(GLOBAL_KEY);
  }

  private release(ticket: LoginTicket): void {
    const running = (this.inFlight.get(ticket.address) ?? 1) - 1;
    if (running <= 0) this.inFlight.delete(ticket.address);
    else this.inFlight.set(ticket.address, running);
  }

  private isKnown(address: string): boolean {
    const at = this.known.get(address);
    if (at === undefined) return false;
    if (at + this.options.knownForMs > this.clock.now().getTime()) return true;
    this.known.delete(address);
    return false;
  }
}

const loginKey = (login: string, address: string): string => `${login}\u0000${address}`;
