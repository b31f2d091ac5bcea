import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { editionCounts } from '../../src/core/kind-tally.ts';
import { taggedFigures } from '../../src/core/indicator-figures.ts';
import type { Plan } from '../../src/core/plan.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { latestEditionsOfYear } from '../../src/store/municipality-directory.ts';
import { indicatorPlans } from '../../src/store/indicator-plans.ts';
import { nameHomeMunicipality } from '../../src/store/municipalities.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import * as t from '../../src/store/schema.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const EXAMPLES: readonly [string, Plan][] = readdirSync(join(ROOT, 'examples'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const plan = loadExamplePlan(join(ROOT, 'examples', file));
    return [file, { ...plan, id: plan.id ?? file.replace(/\.yaml$/, '').replace(/[^a-z0-9]+/g, '-') }];
  });

/**
 * A comparison across municipalities ranks the counts kept when an edition is published, not the
 * edition's frozen plan evaluated again: the two must be the same for every plan and year.
 */
describeStores('the counts and indicator figures an edition keeps for comparisons', (store) => {
  it.each(EXAMPLES)(
    'are the counts of %s’s frozen plan, evaluated as its public pages do',
    async (_f, plan) => {
      const db = store().db;
      const slug = plan.id as string;
      await importPlan(db, plan);
      const years = [plan.period.from, Math.floor((plan.period.from + plan.period.to) / 2), plan.period.to];
      for (const year of new Set(years)) {
        await publishEdition(db, { plan: slug, year, errata: null }, null);
        const [row] = await db
          .select({
            planYaml: t.editions.planYaml,
            counts: t.editions.counts,
            figures: t.editions.indicatorFigures,
            number: t.editions.number,
          })
          .from(t.editions)
          .innerJoin(t.plans, eq(t.plans.id, t.editions.planId))
          .where(and(eq(t.plans.slug, slug), eq(t.editions.fiscalYear, year)));
        const frozen = readPlanText(row?.planYaml ?? '', { origin: 'stored' }).plan;
        if (!frozen) throw new Error(`${slug} ${year}: the frozen plan does not read back`);
        const evaluation = evaluate(frozen, year);
        expect(row?.counts, `${slug} ${year}`).toEqual(editionCounts(evaluation));
        // Through JSON, as the column keeps them: keys left undefined are not kept.
        const again = JSON.parse(
          JSON.stringify(
            taggedFigures(frozen, evaluation, year, {
              slug,
              number: 1,
              municipalityCode: frozen.municipalityCode ?? null,
            }),
          ),
        );
        expect(row?.figures, `${slug} ${year}`).toEqual(again);
      }
    },
  );

  it('hands the kept counts to the comparison’s list of the year’s editions', async () => {
    const db = store().db;
    const [, plan] = EXAMPLES.find(([file]) => file.startsWith('kitamoto')) ?? [];
    if (!plan) throw new Error('no Kitamoto');
    await nameHomeMunicipality(db, { code: '112330', name: '北本市' });
    await importPlan(db, plan);
    await publishEdition(db, { plan: plan.id as string, year: 2022, errata: null }, null);
    const [edition] = await latestEditionsOfYear(db, 2022);
    expect(edition?.counts).toEqual(editionCounts(evaluate(plan, 2022)));
    expect(edition?.counts?.overall).toEqual({ achieved: 4, evaluated: 15 });
    const [tagged] = await indicatorPlans(db, 'births', 2022, '11');
    expect(tagged?.figures?.map((f) => f.indicator).sort()).toEqual([
      'births',
      'furusato-donations',
      'job-openings-ratio',
    ]);
  });
});
