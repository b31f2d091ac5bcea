import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import { HashGate } from '../../src/store/hash-gate.ts';
import { hashGate } from '../../src/store/password.ts';
import type { Store } from '../../src/store/connect.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PASSWORD, seedStaff, StaffClient, text } from './staff-helpers.ts';

/** A clock the test moves by hand. */
const movableClock = (start = '2024-06-01T00:00:00Z') => {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

/** A promise the test settles by hand, to hold a hash "running" as long as it likes. */
function deferred() {
  let resolve: () => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every settled promise run its continuations. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A client at a given peer address: the address the limits count by. */
const clientAt = (app: ReturnType<typeof testApp>, address: string) =>
  new StaffClient(app, { incoming: { socket: { remoteAddress: address } } });

/** More accounts with the test password, so failures can be spread over many real names. */
async function moreUsers(store: Store, logins: readonly string[]): Promise<void> {
  const [office] = await store.db
    .select({ hash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.login, 'office'));
  for (const login of logins) {
    await store.db
      .insert(schema.users)
      .values({ login, displayName: login, passwordHash: office?.hash ?? '', role: 'committee' });
  }
}

describe('the hash gate', () => {
  it('runs a bounded number at once, lets a bounded number wait, urgent ones first, and refuses the rest', async () => {
    const gate = new HashGate({ concurrency: 2, perKey: 2, maxWaiting: 2 });
    const order: string[] = [];
    const holds = new Map<string, ReturnType<typeof deferred>>();
    const task = (name: string) => () => {
      order.push(name);
      const hold = deferred();
      holds.set(name, hold);
      return hold.promise;
    };
    const running = [gate.run(task('a')), gate.run(task('b'))];
    const waiting = [gate.run(task('c')), gate.run(task('d'))];
    await expect(gate.run(task('e'))).rejects.toMatchObject({ id: 'busy' });
    const urgent = gate.run(task('u'), { urgent: true });
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    holds.get('a')?.resolve();
    await settle();
    expect(order).toEqual(['a', 'b', 'u']);
    holds.get('b')?.reject(new Error('scrypt failed'));
    await expect(running[1]).rejects.toThrow('scrypt failed');
    await settle();
    expect(order).toEqual(['a', 'b', 'u', 'c']);
    for (const name of ['u', 'c']) holds.get(name)?.resolve();
    await settle();
    holds.get('d')?.resolve();
    await Promise.all([running[0], urgent, ...waiting]);
    expect(order).toEqual(['a', 'b', 'u', 'c', 'd']);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('keeps one key to its share of the slots, so a flood from one address leaves room for others', async () => {
    const gate = new HashGate({ concurrency: 2, perKey: 1, maxWaiting: 4 });
    const order: string[] = [];
    const holds = new Map<string, ReturnType<typeof deferred>>();
    const task = (name: string) => () => {
      order.push(name);
      const hold = deferred();
      holds.set(name, hold);
      return hold.promise;
    };
    const flood = ['f1', 'f2', 'f3'].map((name) => gate.run(task(name), { key: 'flooder' }));
    await settle();
    expect(order).toEqual(['f1']);
    const real = gate.run(task('real'), { key: 'someone' });
    await settle();
    expect(order).toEqual(['f1', 'real']);
    holds.get('real')?.resolve();
    await real;
    holds.get('f1')?.resolve();
    await settle();
    expect(order).toEqual(['f1', 'real', 'f2']);
    holds.get('f2')?.resolve();
    await settle();
    holds.get('f3')?.resolve();
    await Promise.all(flood);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describeStores('sign-in under a flood', (store) => {
  it('keeps a flood from one address from starving a real sign-in from another', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const flood = Array.from({ length: 40 }, () => clientAt(app, '192.0.2.66'));
    const real = clientAt(app, '192.0.2.7');
    for (const client of [...flood, real]) await client.get('/staff/login');
    const answered: string[] = [];
    let busiest = { running: 0, waiting: 0 };
    const watch = setInterval(() => {
      const load = hashGate.load;
      busiest = {
        running: Math.max(busiest.running, load.running),
        waiting: Math.max(busiest.waiting, load.waiting),
      };
    }, 5);
    const floodAnswers = flood.map((client, i) =>
      client.post('/staff/login', { login: `guess${i}`, password: `wrong password ${i}` }).then((res) => {
        answered.push(`flood-${res.status}`);
        return res;
      }),
    );
    const realAnswer = real.post('/staff/login', { login: 'office', password: PASSWORD }).then((res) => {
      answered.push('real');
      return res;
    });
    const [realRes, floodRes] = await Promise.all([realAnswer, Promise.all(floodAnswers)]);
    clearInterval(watch);
    expect(realRes.status).toBe(303);
    expect(floodRes.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const refused = floodRes.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(38);
    for (const res of refused) {
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(text(res.html)).toContain('ただいまログインの処理が混み合っています。');
    }
    // The flood holds one hashing slot at most, so the real sign-in starts at once: at most the one flood
    // check already running can end before it.
    const checkedFirst = answered.slice(0, answered.indexOf('real')).filter((a) => a === 'flood-401');
    expect(checkedFirst.length).toBeLessThanOrEqual(1);
    expect(busiest.running).toBeLessThanOrEqual(2);
    expect(busiest.waiting).toBeLessThanOrEqual(8);
  }, 60_000);

  it('pauses an address that fails twenty times, whatever the names, and not the others', async () => {
    await seedStaff(store());
    await moreUsers(store(), ['extra1', 'extra2']);
    const clock = movableClock();
    const app = testApp(store(), { clock });
    const guesser = clientAt(app, '198.51.100.9');
    for (const login of ['office', 'kodomo', 'shoko', 'iin'])
      for (let i = 0; i < 5; i++) expect((await guesser.login(login, `guess ${i}`)).status).toBe(401);
    const paused = await guesser.login('extra1');
    expect(paused.status).toBe(429);
    expect(text(paused.html)).toContain('約15分後にもう一度お試しください。');
    expect((await clientAt(app, '198.51.100.10').login('extra2')).status).toBe(303);
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await clientAt(app, '198.51.100.9').login('extra1')).status).toBe(303);
  }, 60_000);

  it('past the global budget, makes unknown addresses wait while known ones still sign in', async () => {
    await seedStaff(store());
    const clock = movableClock();
    const app = testApp(store(), { clock });
    expect((await clientAt(app, '203.0.113.200').login('office')).status).toBe(303);
    for (let i = 0; i < 60; i++) {
      const login = ['office', 'kodomo', 'shoko', 'iin'][i % 4] ?? 'office';
      expect((await clientAt(app, `203.0.113.${i}`).login(login, 'wrong')).status).toBe(401);
    }
    const stranger = await clientAt(app, '203.0.113.99').login('kodomo');
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await clientAt(app, '203.0.113.200').login('kodomo')).status).toBe(303);
    clock.advance(61 * 1000);
    expect((await clientAt(app, '203.0.113.99').login('kodomo')).status).toBe(303);
  }, 120_000);
});
