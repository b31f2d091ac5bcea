import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importPlan } from '../../src/store/plan-import.ts';
import { listPlans } from '../../src/store/plan-repository.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

describeStores('plans with targets written as published', (store) => {
  it('refuses to store a plan whose bounds, words or 評価なし the database would lose, and stores nothing', async () => {
    const plan = loadExamplePlan(join(ROOT, 'examples', 'chiba', 'plan.yaml'));
    await expect(importPlan(store().db, plan)).rejects.toThrow(/does not store these yet/);
    expect(await listPlans(store().db)).toEqual([]);
  });
});
