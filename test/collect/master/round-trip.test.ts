import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePlanMaster } from '../../../src/collect/master/write.ts';
import { evaluate } from '../../../src/core/evaluate.ts';
import type { Plan } from '../../../src/core/plan.ts';
import { planToYaml } from '../../../src/plan-file/write.ts';
import { kitamotoPlan, loadExamplePlan, ROOT } from '../../support/kitamoto.ts';
import { planOf, jaLines, kitamotoMaster, NOW, readMaster, withoutEnglish } from './support.ts';

describe('the plan master round trip', () => {
  it('export(Kitamoto) → import gives the same plan and the same Evaluation, but for its English', async () => {
    const made = await makePlanMaster(kitamotoPlan(), NOW);
    expect(made.omissions).toEqual(['english']);
    const read = await readMaster(made.bytes);
    expect(jaLines(read)).toEqual([]);
    expect(read.plan).not.toBeNull();
    const plan = planOf(read);
    const expected = withoutEnglish(kitamotoPlan());
    expect(planToYaml(plan)).toBe(planToYaml(expected));
    for (const year of [2021, 2022]) expect(evaluate(plan, year)).toEqual(evaluate(expected, year));
    // The seed's headline figure, from the workbook alone.
    expect(evaluate(plan, 2022).overall.rate?.toString()).toBe(
      evaluate(expected, 2022).overall.rate?.toString(),
    );
  });

  it('writes the same workbook content again from the imported plan', async () => {
    const first = await readMaster(await kitamotoMaster());
    const again = await makePlanMaster(planOf(first), NOW);
    const second = await readMaster(again.bytes);
    expect(planToYaml(planOf(second))).toBe(planToYaml(planOf(first)));
  });

  const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it.each(examples)(
    'examples/%s: reads back without an error, with the same goals, KPIs, series and figures',
    async (file) => {
      const plan = loadExamplePlan(join(ROOT, 'examples', file));
      const made = await makePlanMaster(plan, NOW);
      const read = await readMaster(made.bytes);
      expect(jaLines(read).filter((_, i) => read.problems[i]?.severity === 'error')).toEqual([]);
      const shape = (p: Plan) => ({
        goals: p.goals.map((g) => [g.id, g.kind, g.number, g.title, g.kpiIds]),
        kpis: [...p.kpis.values()].map((k) => ({
          id: k.id,
          name: k.name,
          series: k.series.map((s) => ({
            label: s.label,
            baseline: s.baseline?.value,
            actuals: [...s.actuals].map(([y, e]) => [
              y,
              e.kind === 'value' ? e.value : e.kind === 'missing' ? e.reason : null,
            ]),
          })),
          assessments: [...k.assessments].map(([year, a]) => [year, a.text]),
        })),
      });
      expect(shape(planOf(read))).toEqual(shape(plan));
      if (made.omissions.every((o) => o === 'english')) {
        expect(planToYaml(planOf(read))).toBe(planToYaml(withoutEnglish(plan)));
      }
    },
  );
});
