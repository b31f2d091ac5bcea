import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

describeStores(
  'cumulative KPIs, year kinds, grade notes, trend statuses and editions in the store',
  (store) => {
    it.each(['chiba', 'etajima', 'izumo', 'nagayo', 'nagano'])(
      '%s reads back as imported, and evaluates the same',
      async (name) => {
        const plan = loadExamplePlan(join(ROOT, 'examples', name, 'plan.yaml'));
        await importPlan(store().db, plan, { replace: true });
        const loaded = await loadStoredPlan(store().db, plan.id as string);
        expect(planToYaml(loaded)).toBe(planToYaml(plan));
        expect(loaded).toEqual(plan);
        for (const year of [2015, 2016, 2017, 2022]) {
          // toEqual, not the JSON text: the stored settings document does not keep its keys' order.
          expect(evaluate(loaded, year)).toEqual(evaluate(plan, year));
        }
      },
    );
  },
);
