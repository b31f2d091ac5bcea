import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import { updateProfile } from '../../src/store/user-changes.ts';
import { setUserDisabled } from '../../src/store/user-status.ts';
import { describeStores } from '../support/stores.ts';

describeStores('users', (store) => {
  const admin = async (login: string) => {
    const [row] = await store()
      .db.insert(schema.users)
      .values({ login, displayName: login, passwordHash: 'x', role: 'admin' })
      .returning({ id: schema.users.id });
    return row?.id ?? 0;
  };
  const activeAdmins = async () =>
    (await store().db.select().from(schema.users)).filter((u) => u.role === 'admin' && !u.disabled).length;

  it('keeps one active administrator when two disable each other at the same moment', async () => {
    const a = await admin('admin-a');
    const b = await admin('admin-b');
    const results = await Promise.allSettled([
      setUserDisabled(store().db, b, true, a),
      setUserDisabled(store().db, a, true, b),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
      context: { reason: 'last-admin' },
    });
    expect(await activeAdmins()).toBe(1);
  });

  it('keeps one active administrator when two step down at the same moment', async () => {
    const a = await admin('admin-a');
    const b = await admin('admin-b');
    const stepDown = (id: number) =>
      updateProfile(store().db, id, { displayName: 'x', role: 'committee', departmentId: null }, id);
    const results = await Promise.allSettled([stepDown(a), stepDown(b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
  });
});
