import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createUser } from '../../src/store/users.ts';
import { importPlanFile } from '../../src/web/commands/plan-import.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

describeStores('the staff plan import with targets written as published', (store) => {
  it('stores the plan whole: bounds, 評価なし, printed labels and cumulative counts read back', async () => {
    const office = await createUser(
      store().db,
      { login: 'office', displayName: '企画課', password: 'correct horse battery', role: 'admin' },
      null,
    );
    const path = join(ROOT, 'examples', 'chiba', 'plan.yaml');
    const bytes = new TextEncoder().encode(readFileSync(path, 'utf8'));
    const outcome = await importPlanFile(store(), office, { name: 'plan.yaml', bytes, replace: false });
    expect(outcome.ok).toBe(true);
    const plan = loadExamplePlan(path);
    expect(await loadStoredPlan(store().db, plan.id as string)).toEqual(plan);
  });
});
