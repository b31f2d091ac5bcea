import { expect, it } from 'vitest';
import { auditTrail } from '../../src/store/audit.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { planIdOf } from '../../src/store/plan-repository.ts';
import { moveReview, reviewOf, reviewsOf } from '../../src/store/reviews.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';
const at = { plan: PLAN, kpi: 'births', year: 2023 };

describeStores('reviews', (store) => {
  it('moves a KPI’s review through its states, auditing each move', async () => {
    await importPlan(store().db, kitamotoPlan());
    expect(await reviewOf(store().db, PLAN, 'births', 2023)).toBeNull();
    await moveReview(store().db, { ...at, to: 'submitted', from: [null, 'returned'], comment: null }, null);
    const returned = await moveReview(
      store().db,
      { ...at, to: 'returned', from: ['submitted'], comment: '前年比を追記' },
      null,
    );
    expect(returned).toMatchObject({
      kpiKey: 'births',
      fiscalYear: 2023,
      state: 'returned',
      comment: '前年比を追記',
    });
    await moveReview(store().db, { ...at, to: 'submitted', from: [null, 'returned'], comment: null }, null);
    const reviews = await reviewsOf(store().db, PLAN, 2023);
    expect([...reviews.keys()]).toEqual(['births']);
    expect(reviews.get('births')?.state).toBe('submitted');
    expect((await reviewsOf(store().db, PLAN, 2022)).size).toBe(0);
    const trail = await auditTrail(store().db, await planIdOf(store().db, PLAN));
    expect(trail.slice(0, 3).map((r) => [r.action, r.oldValue, r.newValue])).toEqual([
      ['review.submitted', 'returned', 'submitted'],
      ['review.returned', 'submitted', 'returned: 前年比を追記'],
      ['review.submitted', null, 'submitted'],
    ]);
  });

  it('refuses a move from a state the review is not in, naming both', async () => {
    await importPlan(store().db, kitamotoPlan());
    await expect(
      moveReview(store().db, { ...at, to: 'approved', from: ['submitted'], comment: null }, null),
    ).rejects.toMatchObject({ id: 'conflict', context: { current: null, attempted: 'approved' } });
    await expect(
      moveReview(store().db, { ...at, kpi: 'nothing', to: 'submitted', from: [null], comment: null }, null),
    ).rejects.toMatchObject({ id: 'not-found' });
  });

  it('lets only one of two simultaneous reviewers win', async () => {
    await importPlan(store().db, kitamotoPlan());
    await moveReview(store().db, { ...at, to: 'submitted', from: [null], comment: null }, null);
    const results = await Promise.allSettled([
      moveReview(store().db, { ...at, to: 'approved', from: ['submitted'], comment: null }, null),
      moveReview(store().db, { ...at, to: 'returned', from: ['submitted'], comment: '再確認' }, null),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });
});
