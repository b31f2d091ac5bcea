import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/connect.ts';
import { announceEditions, EDITIONS_CHANNEL } from '../../src/store/edition-notice.ts';
import { publishEdition, withdrawEdition } from '../../src/store/editions.ts';
import { NotificationHub } from '../../src/store/notifications.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';

/** Waits for a condition the notification round trip settles, within a short bound. */
async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a subscriber heard, in order. */
async function listen(hub: NotificationHub) {
  const heard: string[] = [];
  let connects = 0;
  await hub.subscribe(EDITIONS_CHANNEL, {
    message: (payload) => heard.push(payload),
    connected: () => connects++,
  });
  return { heard, connects: () => connects };
}

/** The database's URL as the store's own connections see it. */
async function urlOf(store: Store): Promise<string> {
  const base = new URL(process.env.TEST_DATABASE_URL ?? '');
  const result = (await store.db.execute(sql`select current_database() as name`)) as unknown as {
    rows: { name: string }[];
  };
  base.pathname = `/${result.rows[0]?.name ?? ''}`;
  return base.toString();
}

describeStores('edition notices', (store, engine) => {
  it('has nothing to listen to on PGlite, whose folder belongs to one process', () => {
    expect(store().notifications === null).toBe(engine === 'pglite');
  });

  it.runIf(engine === 'postgres')(
    'announces a publication and a withdrawal only once committed',
    async () => {
      const hub = new NotificationHub(await urlOf(store()));
      try {
        const { heard, connects } = await listen(hub);
        expect(connects()).toBe(1);
        await importPlan(store().db, kitamotoPlan());
        await expect(
          inTransaction(store().db, async (tx) => {
            await announceEditions(tx, 'undone');
            throw new Error('undone');
          }),
        ).rejects.toThrow('undone');
        await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
        await until(() => heard.length === 1);
        await withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 1, reason: '誤り' }, null);
        await until(() => heard.length === 2);
        expect(heard).toEqual([PLAN, PLAN]);
      } finally {
        await hub.close();
      }
    },
  );

  it.runIf(engine === 'postgres')(
    'reconnects after the server ends its connection, says so, and hears again',
    async () => {
      const hub = new NotificationHub(await urlOf(store()), { minDelayMs: 20, log: () => undefined });
      try {
        const { heard, connects } = await listen(hub);
        await store().db.execute(sql`
          select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen%'`);
        await until(() => connects() === 2);
        expect(hub.listening).toBe(true);
        await inTransaction(store().db, (tx) => announceEditions(tx, 'after'));
        await until(() => heard.length === 1);
        expect(heard).toEqual(['after']);
      } finally {
        await hub.close();
      }
    },
  );

  it.runIf(engine === 'postgres')('keeps trying with a growing wait while the server refuses', async () => {
    const url = new URL(await urlOf(store()));
    url.pathname = '/shinchoku_no_such_database';
    const lost: string[] = [];
    const hub = new NotificationHub(url.toString(), {
      minDelayMs: 10,
      maxDelayMs: 40,
      log: (m) => lost.push(m),
    });
    try {
      const { connects } = await listen(hub);
      await until(() => lost.length >= 4);
      expect(connects()).toBe(0);
      expect(hub.listening).toBe(false);
    } finally {
      await hub.close();
    }
    const after = lost.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lost.length).toBe(after);
  });
});
