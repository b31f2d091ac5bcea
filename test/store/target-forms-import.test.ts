import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { User } from '../../src/store/users.ts';
import { importPlanFile } from '../../src/web/commands/plan-import.ts';
import { jaPlanFileProblem } from '../../src/web/i18n/staff-plan-file-words-ja.ts';
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

describeStores('the staff plan import with targets written as published', (store) => {
  it('refuses the plan with its own reason, worded in Japanese, and stores nothing', async () => {
    const office: User = {
      id: 1,
      login: 'office',
      displayName: '企画課',
      role: 'admin',
      departmentId: null,
      departmentName: null,
      disabled: false,
      mustChangePassword: false,
    };
    const bytes = new TextEncoder().encode(
      readFileSync(join(ROOT, 'examples', 'chiba', 'plan.yaml'), 'utf8'),
    );
    const outcome = await importPlanFile(store(), office, { name: 'plan.yaml', bytes, replace: false });
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? null : outcome.problems;
    expect(problems?.file).toMatchObject({
      kind: 'plan-file',
      messages: [{ detail: { code: 'target-forms-not-stored' } }],
    });
    expect(jaPlanFileProblem({ code: 'target-forms-not-stored' })).toMatch(/取り込めません/);
    expect(await listPlans(store().db)).toEqual([]);
  });
});
