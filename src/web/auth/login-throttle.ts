import type { Db } from '../../store/connect.ts';
import {
  admitLogin,
  loginRetryAfter,
  settleLogin,
  type LoginAdmission,
  type LoginLimitRules,
  type LoginTicket,
} from '../../store/login-limits.ts';
import type { Clock } from '../clock.ts';

export type { LoginTicket } from '../../store/login-limits.ts';
export type Admission = LoginAdmission;

/**
 * Per login and address: a person who mistypes five times waits; a guesser at one account is slowed.
 * Per address, whatever the login: stops one machine from trying name after name; generous, because a city
 * office behind one proxy shares one address. All failures together, per minute: past this budget,
 * addresses that have not signed in successfully before wait, so a flood from many addresses cannot keep
 * the password hashing busy for everyone.
 */
export const LOGIN_THROTTLE: LoginLimitRules = {
  perLogin: { maxFailures: 5, windowMs: 15 * 60 * 1000 },
  perAddress: { maxFailures: 20, windowMs: 15 * 60 * 1000 },
  global: { maxFailures: 60, windowMs: 60 * 1000 },
  maxInFlightPerAddress: 2,
  // A check is one scrypt hash, waiting at most for the hash gate's short queue: a minute means its process died.
  checkStaleMs: 60 * 1000,
  knownForMs: 30 * 24 * 60 * 60 * 1000,
  maxKnown: 10_000,
};

/**
 * Decides, before any password is hashed, whether a sign-in may be checked at all: at most five failures
 * per login and address, twenty per address, and a global budget per minute that only addresses known
 * from an earlier success may exceed; and no more than two checks at once from one address.
 *
 * The counts live in the database (store/login-limits.ts), so every app process on one PostgreSQL spends
 * one budget; time comes from the app's clock, so tests move it instead of waiting.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rules: LoginLimitRules = LOGIN_THROTTLE,
  ) {}

  /** Seconds the attempt must wait; 0 when it may be checked. A null login is one no account can have. */
  retryAfter(login: string | null, address: string): Promise<number> {
    return loginRetryAfter(this.db, this.rules, { login, address }, this.clock.now());
  }

  admit(login: string, address: string): Promise<Admission> {
    return admitLogin(this.db, this.rules, { login, address }, this.clock.now());
  }

  /** The password was right: the attempt is forgiven everywhere and the address becomes known. */
  succeeded(ticket: LoginTicket): Promise<void> {
    return settleLogin(this.db, this.rules, ticket, 'succeeded', this.clock.now());
  }

  /** The password was wrong: the failure stays counted. */
  failed(ticket: LoginTicket): Promise<void> {
    return settleLogin(this.db, this.rules, ticket, 'failed', this.clock.now());
  }

  /** The check did not happen (the server was busy): the attempt counts for nothing. */
  withdrawn(ticket: LoginTicket): Promise<void> {
    return settleLogin(this.db, this.rules, ticket, 'withdrawn', this.clock.now());
  }
}
