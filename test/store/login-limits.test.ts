import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import {
  admitLogin,
  loginRetryAfter,
  settleLogin,
  type LoginAdmission,
  type LoginLimitRules,
  type LoginTicket,
} from '../../src/store/login-limits.ts';
import { LOGIN_THROTTLE } from '../../src/web/auth/login-throttle.ts';
import { describeStores } from '../support/stores.ts';

const START = new Date('2024-06-01T00:00:00Z').getTime();
const at = (ms: number) => new Date(START + ms);

const admitted = (admission: LoginAdmission): LoginTicket => {
  if (!admission.ok) throw new Error(`refused: ${admission.reason}`);
  return admission.ticket;
};

describeStores('login limits', (store) => {
  const db = () => store().db;
  const rows = async () => (await db().select().from(schema.loginLimits)).length;

  it('counts failures in a sliding window: the one that must leave it says how long to wait', async () => {
    const rules: LoginLimitRules = { ...LOGIN_THROTTLE, perLogin: { maxFailures: 2, windowMs: 1000 } };
    const attempt = { login: 'office', address: '192.0.2.1' };
    await settleLogin(db(), rules, admitted(await admitLogin(db(), rules, attempt, at(0))), 'failed', at(0));
    expect(await loginRetryAfter(db(), rules, attempt, at(400))).toBe(0);
    await settleLogin(
      db(),
      rules,
      admitted(await admitLogin(db(), rules, attempt, at(500))),
      'failed',
      at(500),
    );
    expect(await loginRetryAfter(db(), rules, attempt, at(600))).toBe(1);
    expect(await admitLogin(db(), rules, attempt, at(600))).toEqual({
      ok: false,
      reason: 'rate-limited',
      retryAfterSeconds: 1,
    });
    // Another login from the address, and the same login from another address, are not held back.
    expect(await loginRetryAfter(db(), rules, { ...attempt, login: 'kodomo' }, at(600))).toBe(0);
    expect(await loginRetryAfter(db(), rules, { ...attempt, address: '192.0.2.2' }, at(600))).toBe(0);
    expect(await loginRetryAfter(db(), rules, { ...attempt, login: null }, at(600))).toBe(0);
    expect(await loginRetryAfter(db(), rules, attempt, at(1001))).toBe(0);
  });

  it('lets two checks from one address run at once and judges forty sent together as forty', async () => {
    const now = at(0);
    const admissions = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        admitLogin(db(), LOGIN_THROTTLE, { login: `name${i}`, address: '192.0.2.66' }, now),
      ),
    );
    expect(admissions.filter((a) => a.ok)).toHaveLength(2);
    expect(admissions.filter((a) => !a.ok && a.reason === 'busy')).toHaveLength(38);
    expect((await admitLogin(db(), LOGIN_THROTTLE, { login: 'office', address: '192.0.2.7' }, now)).ok).toBe(
      true,
    );
    let failures = 0;
    for (const admission of admissions) {
      if (!admission.ok) continue;
      await settleLogin(db(), LOGIN_THROTTLE, admission.ticket, 'failed', now);
      failures++;
    }
    for (let i = 0; failures < 20; i++) {
      const again = admitted(
        await admitLogin(db(), LOGIN_THROTTLE, { login: `other${i}`, address: '192.0.2.66' }, now),
      );
      await settleLogin(db(), LOGIN_THROTTLE, again, 'failed', now);
      failures++;
    }
    expect(
      await admitLogin(db(), LOGIN_THROTTLE, { login: 'someone-new', address: '192.0.2.66' }, now),
    ).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterSeconds: 900 });
  });

  it('forgives a success everywhere and clears the login’s failures from that address', async () => {
    const rules: LoginLimitRules = {
      ...LOGIN_THROTTLE,
      perLogin: { maxFailures: 2, windowMs: 60_000 },
      perAddress: { maxFailures: 4, windowMs: 60_000 },
    };
    const attempt = { login: 'office', address: '192.0.2.9' };
    const fail = async () =>
      settleLogin(db(), rules, admitted(await admitLogin(db(), rules, attempt, at(0))), 'failed', at(0));
    await fail();
    await settleLogin(
      db(),
      rules,
      admitted(await admitLogin(db(), rules, attempt, at(0))),
      'succeeded',
      at(0),
    );
    // One failure left for the address, none for the login: two more failures are allowed on the login.
    await fail();
    await fail();
    expect(await loginRetryAfter(db(), rules, attempt, at(0))).toBe(60);
    expect(await loginRetryAfter(db(), rules, { ...attempt, login: 'kodomo' }, at(0))).toBe(0);
  });

  it('counts a withdrawn attempt for nothing and frees its check at once', async () => {
    const rules: LoginLimitRules = { ...LOGIN_THROTTLE, maxInFlightPerAddress: 1 };
    const attempt = { login: 'office', address: '192.0.2.10' };
    const ticket = admitted(await admitLogin(db(), rules, attempt, at(0)));
    expect(await admitLogin(db(), rules, attempt, at(0))).toMatchObject({ ok: false, reason: 'busy' });
    await settleLogin(db(), rules, ticket, 'withdrawn', at(0));
    expect(await rows()).toBe(0);
    expect((await admitLogin(db(), rules, attempt, at(0))).ok).toBe(true);
  });

  it('takes a check never settled (its process died) for over after checkStaleMs', async () => {
    const rules: LoginLimitRules = { ...LOGIN_THROTTLE, maxInFlightPerAddress: 1, checkStaleMs: 1000 };
    const attempt = { login: 'office', address: '192.0.2.11' };
    admitted(await admitLogin(db(), rules, attempt, at(0)));
    expect(await admitLogin(db(), rules, attempt, at(999))).toMatchObject({ ok: false, reason: 'busy' });
    expect((await admitLogin(db(), rules, attempt, at(1000))).ok).toBe(true);
  });

  it('lets known addresses past the global budget and forgets them past their bound, oldest first', async () => {
    const rules: LoginLimitRules = {
      ...LOGIN_THROTTLE,
      global: { maxFailures: 1, windowMs: 60_000 },
      knownForMs: 3_600_000,
      maxKnown: 2,
    };
    for (const [i, address] of ['a', 'b', 'c'].entries()) {
      const ticket = admitted(await admitLogin(db(), rules, { login: 'office', address }, at(i)));
      await settleLogin(db(), rules, ticket, 'succeeded', at(i));
    }
    const failing = admitted(await admitLogin(db(), rules, { login: 'office', address: 'x' }, at(10)));
    await settleLogin(db(), rules, failing, 'failed', at(10));
    expect(await loginRetryAfter(db(), rules, { login: 'office', address: 'a' }, at(20))).toBeGreaterThan(0);
    expect(await loginRetryAfter(db(), rules, { login: 'office', address: 'b' }, at(20))).toBe(0);
    expect(await loginRetryAfter(db(), rules, { login: 'office', address: 'c' }, at(20))).toBe(0);
    expect(await loginRetryAfter(db(), rules, { login: 'office', address: 'y' }, at(20))).toBeGreaterThan(0);
    // Known for an hour only.
    const later = admitted(await admitLogin(db(), rules, { login: 'office', address: 'x' }, at(3_600_003)));
    await settleLogin(db(), rules, later, 'failed', at(3_600_003));
    expect(
      await loginRetryAfter(db(), rules, { login: 'office', address: 'c' }, at(3_600_004)),
    ).toBeGreaterThan(0);
  });

  it('deletes every row past its window at the next admission', async () => {
    for (let i = 0; i < 5; i++) {
      const ticket = admitted(
        await admitLogin(db(), LOGIN_THROTTLE, { login: `n${i}`, address: `198.51.100.${i}` }, at(0)),
      );
      await settleLogin(db(), LOGIN_THROTTLE, ticket, 'failed', at(0));
    }
    expect(await rows()).toBe(15);
    // Past the global minute, the five global rows go; past fifteen minutes, the rest.
    admitted(await admitLogin(db(), LOGIN_THROTTLE, { login: 'a', address: '198.51.100.9' }, at(60_001)));
    expect(await rows()).toBe(10 + 4);
    admitted(await admitLogin(db(), LOGIN_THROTTLE, { login: 'b', address: '198.51.100.10' }, at(900_001)));
    const kinds = (await db().select().from(schema.loginLimits)).map((r) => r.kind).sort();
    // The first check was never settled: past a minute it counts as its process's death and goes too.
    expect(kinds).toEqual(['address', 'address', 'check', 'global', 'login', 'login']);
  });
});
