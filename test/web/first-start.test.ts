import { expect, it } from 'vitest';
import { listEditions } from '../../src/store/editions.ts';
import { listPlans } from '../../src/store/plan-repository.ts';
import { authenticate, countUsers } from '../../src/store/users.ts';
import { firstStart } from '../../src/web/first-start.ts';
import { describeStores } from '../support/stores.ts';
import { KITAMOTO, testApp } from '../support/web.ts';

describeStores('the first start', (store) => {
  it('loads the sample, publishes its R4 edition and creates the administrator, once', async () => {
    const first = await firstStart(store(), { adminPassword: 'a long operator password' });
    expect(first).toEqual({ login: 'admin', generatedPassword: null, samplePlan: KITAMOTO });
    expect((await listPlans(store().db)).map((p) => p.slug)).toEqual([KITAMOTO]);
    expect((await listEditions(store().db, KITAMOTO)).map((e) => [e.fiscalYear, e.number])).toEqual([
      [2022, 1],
    ]);
    expect(await authenticate(store().db, 'admin', 'a long operator password')).toMatchObject({
      role: 'admin',
    });
    expect(await firstStart(store(), { adminPassword: 'another password!' })).toBeNull();
    expect(await countUsers(store().db)).toBe(1);
    const overview = await (await testApp(store()).request(`/plans/${KITAMOTO}`)).text();
    expect(overview).toContain('4 / 15 = 26.7%');
  });

  it('generates a password no one else knows when none is given', async () => {
    const first = await firstStart(store(), {});
    const password = first?.generatedPassword ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await authenticate(store().db, 'admin', password)).not.toBeNull();
  });

  it('finishes a first start that was cut short, without loading the sample twice', async () => {
    await firstStart(store(), { adminPassword: 'a long operator password' });
    const { db } = store();
    await db.execute('delete from sessions');
    await db.execute('delete from users');
    expect(await firstStart(store(), { adminPassword: 'a long operator password' })).not.toBeNull();
    expect(await listEditions(db, KITAMOTO)).toHaveLength(1);
  });
});
