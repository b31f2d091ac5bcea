import type { Db } from '../../store/connect.ts';
import { authenticate, type User } from '../../store/users.ts';
import type { FailureLimiter } from '../auth/rate-limit.ts';

export type LoginOutcome =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'invalid' }
  /** Too many failures: the password is not even checked, so guessing gains nothing until the wait is over. */
  | { readonly ok: false; readonly reason: 'rate-limited'; readonly retryAfterSeconds: number };

const MAX_FIELD = 1000;

export async function logIn(
  db: Db,
  limiter: FailureLimiter,
  attempt: { login: string; password: string; address: string },
): Promise<LoginOutcome> {
  const login = attempt.login.trim().toLowerCase();
  const key = `${login}\u0000${attempt.address}`;
  const wait = limiter.retryAfter(key);
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };
  const user =
    login.length > 0 && login.length <= MAX_FIELD && attempt.password.length <= MAX_FIELD
      ? await authenticate(db, login, attempt.password)
      : null;
  if (!user) {
    limiter.recordFailure(key);
    return { ok: false, reason: 'invalid' };
  }
  limiter.reset(key);
  return { ok: true, user };
}
