import { ShinchokuError } from '../../core/errors.ts';
import { isLoginName } from '../../core/login-name.ts';
import { passwordLengthAllowed } from '../../core/password-policy.ts';
import type { Db } from '../../store/connect.ts';
import { hashingFor } from '../../store/password.ts';
import { authenticate, type User } from '../../store/users.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';

export type LoginOutcome =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'invalid' }
  /** Too many failures: the password is not even checked, so guessing gains nothing until the wait is over. */
  | { readonly ok: false; readonly reason: 'rate-limited'; readonly retryAfterSeconds: number }
  /** Too many checks at once: nothing was checked or counted; the same attempt may come back shortly. */
  | { readonly ok: false; readonly reason: 'busy'; readonly retryAfterSeconds: number };

const INVALID: LoginOutcome = { ok: false, reason: 'invalid' };

/**
 * Checks a login and password, the cheap refusals first: a login that no account can have (a NUL, a
 * megabyte, a space) or a password longer than any that can be set is refused without asking the
 * database or hashing; then the throttle decides whether a hash may be spent at all.
 */
export async function logIn(
  db: Db,
  throttle: LoginThrottle,
  attempt: { login: string; password: string; address: string },
): Promise<LoginOutcome> {
  const login = attempt.login.trim().toLowerCase();
  if (!isLoginName(login) || !passwordLengthAllowed(attempt.password)) {
    const wait = await throttle.retryAfter(isLoginName(login) ? login : null, attempt.address);
    return wait > 0 ? { ok: false, reason: 'rate-limited', retryAfterSeconds: wait } : INVALID;
  }
  const admission = await throttle.admit(login, attempt.address);
  if (!admission.ok) return admission;
  const { ticket } = admission;
  let user: User | null;
  try {
    user = await hashingFor({ key: attempt.address, urgent: ticket.known }, () =>
      authenticate(db, login, attempt.password),
    );
  } catch (error) {
    await throttle.withdrawn(ticket);
    if (error instanceof ShinchokuError && error.id === 'busy') {
      return { ok: false, reason: 'busy', retryAfterSeconds: 2 };
    }
    throw error;
  }
  if (!user) {
    await throttle.failed(ticket);
    return INVALID;
  }
  await throttle.succeeded(ticket);
  return { ok: true, user };
}
