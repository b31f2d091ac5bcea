import { and, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** One budget of failures in a sliding window. */
export interface FailureBudget {
  readonly maxFailures: number;
  readonly windowMs: number;
}

export interface LoginLimitRules {
  readonly perLogin: FailureBudget;
  readonly perAddress: FailureBudget;
  readonly global: FailureBudget;
  /** Sign-ins from one address being checked at once; more are asked to come back in a moment. */
  readonly maxInFlightPerAddress: number;
  /** How long a check counts as under way: past it, its process is taken to have died mid-check. */
  readonly checkStaleMs: number;
  /** How long an address that signed in successfully counts as known, past the global budget. */
  readonly knownForMs: number;
  /** Known addresses kept at most; the oldest are forgotten first. */
  readonly maxKnown: number;
}

/** A sign-in let through to the password check: the rows it added, to settle with the outcome. */
export interface LoginTicket {
  readonly loginKey: string;
  readonly address: string;
  /** The address signed in successfully before: its hash goes ahead of a flood's. */
  readonly known: boolean;
  readonly rows: { readonly check: number; readonly failures: readonly number[] };
}

export type LoginAdmission =
  | { readonly ok: true; readonly ticket: LoginTicket }
  | { readonly ok: false; readonly reason: 'rate-limited' | 'busy'; readonly retryAfterSeconds: number };

const GLOBAL_KEY = 'all';
/** What a sign-in told to come back is asked to wait: about one hash. */
const BUSY_RETRY_SECONDS = 2;
/**
 * Every admission takes this transaction lock, so processes on one server decide one after another: two
 * attempts at once cannot both see four failures and both become the fifth. Deciding is a few indexed
 * reads; the password hash runs after the lock is gone.
 */
const ADMISSION_LOCK = 0x5348_4c47; // 'SHLG'

/** The key of the per-login budget. A login name has no space (core/login-name.ts) and the address is the socket's. */
const loginKeyOf = (login: string, address: string): string => `${address} ${login}`;

async function retryAfterFor(db: Db, kind: string, key: string, budget: FailureBudget, now: Date) {
  const since = new Date(now.getTime() - budget.windowMs);
  // The failure that must leave the window before one more is allowed: the maxFailures-th newest.
  const [row] = await db
    .select({ at: t.loginLimits.at })
    .from(t.loginLimits)
    .where(and(eq(t.loginLimits.kind, kind), eq(t.loginLimits.key, key), gt(t.loginLimits.at, since)))
    .orderBy(desc(t.loginLimits.at), desc(t.loginLimits.id))
    .offset(budget.maxFailures - 1)
    .limit(1);
  if (!row) return 0;
  return Math.max(1, Math.ceil((row.at.getTime() + budget.windowMs - now.getTime()) / 1000));
}

async function isKnown(db: Db, rules: LoginLimitRules, address: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - rules.knownForMs);
  const [row] = await db
    .select({ id: t.loginLimits.id })
    .from(t.loginLimits)
    .where(and(eq(t.loginLimits.kind, 'known'), eq(t.loginLimits.key, address), gt(t.loginLimits.at, since)))
    .limit(1);
  return row !== undefined;
}

/**
 * Seconds the attempt must wait under the failure budgets; 0 when it may be checked. A login of no
 * possible shape (null) has no per-login failures: only its address and the global budget count.
 */
export async function loginRetryAfter(
  db: Db,
  rules: LoginLimitRules,
  attempt: { login: string | null; address: string },
  now: Date,
): Promise<number> {
  return waitFor(db, rules, attempt, await isKnown(db, rules, attempt.address, now), now);
}

async function waitFor(
  db: Db,
  rules: LoginLimitRules,
  attempt: { login: string | null; address: string },
  known: boolean,
  now: Date,
): Promise<number> {
  // One after another: inside a transaction they share one connection, which runs one query at a time.
  const perLogin =
    attempt.login === null
      ? 0
      : await retryAfterFor(db, 'login', loginKeyOf(attempt.login, attempt.address), rules.perLogin, now);
  const perAddress = await retryAfterFor(db, 'address', attempt.address, rules.perAddress, now);
  const global = known ? 0 : await retryAfterFor(db, 'global', GLOBAL_KEY, rules.global, now);
  return Math.max(perLogin, perAddress, global);
}

/** Deletes what no budget can count any more: the table stays as small as its windows. */
async function prune(db: Db, rules: LoginLimitRules, now: Date): Promise<void> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const { loginLimits: l } = t;
  await db
    .delete(l)
    .where(
      or(
        and(eq(l.kind, 'login'), lte(l.at, before(rules.perLogin.windowMs))),
        and(eq(l.kind, 'address'), lte(l.at, before(rules.perAddress.windowMs))),
        and(eq(l.kind, 'global'), lte(l.at, before(rules.global.windowMs))),
        and(eq(l.kind, 'check'), lte(l.at, before(rules.checkStaleMs))),
        and(eq(l.kind, 'known'), lte(l.at, before(rules.knownForMs))),
      ),
    );
}

/**
 * Decides, before any password is hashed, whether a sign-in may be checked at all, for every process on
 * the database at once. The attempt counts as a failure in all three budgets from the moment it is
 * admitted, and is forgiven when it succeeds, so forty attempts sent at once are judged as forty.
 */
export async function admitLogin(
  db: Db,
  rules: LoginLimitRules,
  attempt: { login: string; address: string },
  now: Date,
): Promise<LoginAdmission> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMISSION_LOCK})`);
    await prune(tx, rules, now);
    const known = await isKnown(tx, rules, attempt.address, now);
    const wait = await waitFor(tx, rules, attempt, known, now);
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait } as const;
    const [running] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(t.loginLimits)
      .where(and(eq(t.loginLimits.kind, 'check'), eq(t.loginLimits.key, attempt.address)));
    if ((running?.count ?? 0) >= rules.maxInFlightPerAddress) {
      return { ok: false, reason: 'busy', retryAfterSeconds: BUSY_RETRY_SECONDS } as const;
    }
    const loginKey = loginKeyOf(attempt.login, attempt.address);
    const rows = await tx
      .insert(t.loginLimits)
      .values([
        { kind: 'check', key: attempt.address, at: now },
        { kind: 'login', key: loginKey, at: now },
        { kind: 'address', key: attempt.address, at: now },
        { kind: 'global', key: GLOBAL_KEY, at: now },
      ])
      .returning({ id: t.loginLimits.id, kind: t.loginLimits.kind });
    const idOf = (kind: string) => rows.find((r) => r.kind === kind)?.id ?? -1;
    const ticket: LoginTicket = {
      loginKey,
      address: attempt.address,
      known,
      rows: { check: idOf('check'), failures: [idOf('login'), idOf('address'), idOf('global')] },
    };
    return { ok: true, ticket } as const;
  });
}

/**
 * Settles an admitted sign-in. succeeded: forgiven everywhere, the login's failures from this address
 * cleared and the address known; failed: the failure stays counted; withdrawn (nothing was checked, the
 * server was busy): the attempt counts for nothing.
 */
export async function settleLogin(
  db: Db,
  rules: LoginLimitRules,
  ticket: LoginTicket,
  outcome: 'succeeded' | 'failed' | 'withdrawn',
  now: Date,
): Promise<void> {
  const { loginLimits: l } = t;
  if (outcome === 'failed') {
    await db.delete(l).where(eq(l.id, ticket.rows.check));
    return;
  }
  if (outcome === 'withdrawn') {
    await db.delete(l).where(inArray(l.id, [ticket.rows.check, ...ticket.rows.failures]));
    return;
  }
  await inTransaction(db, async (tx) => {
    await tx
      .delete(l)
      .where(
        or(
          inArray(l.id, [ticket.rows.check, ...ticket.rows.failures]),
          and(eq(l.kind, 'login'), eq(l.key, ticket.loginKey)),
          and(eq(l.kind, 'known'), eq(l.key, ticket.address)),
        ),
      );
    await tx.insert(l).values({ kind: 'known', key: ticket.address, at: now });
    // Bounded: past maxKnown addresses, the ones that signed in longest ago are forgotten.
    await tx.execute(sql`
      delete from ${l} where ${l.id} in (
        select ${l.id} from ${l} where ${l.kind} = 'known'
        order by ${l.at} desc, ${l.id} desc offset ${rules.maxKnown}
      )`);
  });
}
