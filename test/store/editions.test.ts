import { expect, it } from 'vitest';
import { auditTrail } from '../../src/store/audit.ts';
import { editionPlan, listEditions, publishEdition, withdrawEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { planIdOf } from '../../src/store/plan-repository.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';

describeStores('editions', (store) => {
  it('keeps the reason a year was published with KPIs unapproved, and audits it', async () => {
    await importPlan(store().db, kitamotoPlan());
    const edition = await publishEdition(
      store().db,
      { plan: PLAN, year: 2022, errata: null, reason: '  委員会に間に合わせるため\n' },
      null,
    );
    expect(edition).toMatchObject({ number: 1, publishReason: '委員会に間に合わせるため', withdrawn: null });
    expect((await listEditions(store().db, PLAN))[0]?.publishReason).toBe('委員会に間に合わせるため');
    const trail = await auditTrail(store().db, await planIdOf(store().db, PLAN));
    expect(trail.map((r) => [r.action, r.field, r.newValue])).toContainEqual([
      'edition.publish',
      'reason',
      '委員会に間に合わせるため',
    ]);
  });

  it('withdraws an edition once, keeping it and its reason, and audits who did it', async () => {
    await importPlan(store().db, kitamotoPlan());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    await expect(
      withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 1, reason: ' ' }, null),
    ).rejects.toMatchObject({ id: 'invalid' });
    await expect(
      withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 2, reason: '誤り' }, null),
    ).rejects.toMatchObject({ id: 'not-found' });
    const withdrawn = await withdrawEdition(
      store().db,
      { plan: PLAN, year: 2022, number: 1, reason: '承認前の数値' },
      null,
    );
    expect(withdrawn.withdrawn?.reason).toBe('承認前の数値');
    expect(withdrawn.withdrawn?.at).toBeInstanceOf(Date);
    await expect(
      withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 1, reason: '二度目' }, null),
    ).rejects.toMatchObject({ id: 'conflict' });
    const [listed] = await listEditions(store().db, PLAN);
    expect(listed?.withdrawn?.reason).toBe('承認前の数値');
    // The frozen plan is still there for the records.
    expect((await editionPlan(store().db, PLAN, 2022, 1))?.edition.withdrawn?.reason).toBe('承認前の数値');
    const trail = await auditTrail(store().db, await planIdOf(store().db, PLAN));
    expect(trail.filter((r) => r.action === 'edition.withdraw').map((r) => [r.subject, r.newValue])).toEqual([
      ['R4#1', '承認前の数値'],
    ]);
  });

  it('needs errata only while an earlier edition of the year is still public', async () => {
    await importPlan(store().db, kitamotoPlan());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    await expect(
      publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null),
    ).rejects.toMatchObject({ id: 'invalid' });
    await withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 1, reason: '誤り' }, null);
    const again = await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    expect(again.number).toBe(2);
  });

  it('lets only one of two simultaneous withdrawals win', async () => {
    await importPlan(store().db, kitamotoPlan());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    const results = await Promise.allSettled([
      withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 1, reason: 'A' }, null),
      withdrawEdition(store().db, { plan: PLAN, year: 2022, number: 1, reason: 'B' }, null),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toMatchObject([{ reason: { id: 'conflict' } }]);
  });
});
