import { expect, it } from 'vitest';
import { addComment, commentCounts, listComments } from '../../src/store/comments.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { planIdOf } from '../../src/store/plan-repository.ts';
import * as schema from '../../src/store/schema.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';

describeStores('comments', (store) => {
  it('keeps comments per KPI and year, oldest first, with their author, and audits them', async () => {
    await importPlan(store().db, kitamotoPlan());
    const [row] = await store()
      .db.insert(schema.users)
      .values({ login: 'iin', displayName: '委員 一郎', passwordHash: 'x', role: 'committee' })
      .returning({ id: schema.users.id });
    const userId = row?.id ?? null;
    const first = await addComment(
      store().db,
      { plan: PLAN, kpi: 'births', year: 2023, body: '一つ目' },
      userId,
    );
    expect(first).toMatchObject({ kpiKey: 'births', fiscalYear: 2023, author: '委員 一郎', body: '一つ目' });
    await addComment(store().db, { plan: PLAN, kpi: 'births', year: 2023, body: '二つ目' }, userId);
    await addComment(store().db, { plan: PLAN, kpi: 'births', year: 2022, body: '前年度' }, null);
    await addComment(
      store().db,
      { plan: PLAN, kpi: 'furusato-donations', year: 2023, body: '別の指標' },
      null,
    );
    expect((await listComments(store().db, PLAN, 'births', 2023)).map((c) => c.body)).toEqual([
      '一つ目',
      '二つ目',
    ]);
    expect((await listComments(store().db, PLAN, 'births', 2022))[0]?.author).toBeNull();
    expect(Object.fromEntries(await commentCounts(store().db, PLAN, 2023))).toEqual({
      births: 2,
      'furusato-donations': 1,
    });
    const trail = await auditTrail(store().db, await planIdOf(store().db, PLAN));
    expect(trail.filter((r) => r.action === 'comment.add')).toHaveLength(4);
  });

  it('refuses a comment on a KPI the plan does not have', async () => {
    await importPlan(store().db, kitamotoPlan());
    await expect(
      addComment(store().db, { plan: PLAN, kpi: 'nothing', year: 2023, body: 'x' }, null),
    ).rejects.toMatchObject({ id: 'not-found' });
    await expect(
      addComment(store().db, { plan: 'no-plan', kpi: 'births', year: 2023, body: 'x' }, null),
    ).rejects.toMatchObject({ id: 'plan-not-found' });
  });
});
