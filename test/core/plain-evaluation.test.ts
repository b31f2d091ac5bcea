import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, yearsWithData } from '../../src/core/evaluate.ts';
import type { Score } from '../../src/core/methods.ts';
import { plainEvaluation } from '../../src/core/lazy-results.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

const figures = (score: Score | null) =>
  score && { value: score.value, exact: score.exact, calculation: score.calculation };

/*
 * plainEvaluation is what a render thread receives (through a structured clone, which keeps shared objects
 * shared): the same figures as the evaluation, and the same sharing.
 */
describe('the plain evaluation a render thread receives', () => {
  it('keeps a KPI listed by several goals (再掲) one object', () => {
    const plan = loadExamplePlan(join(ROOT, 'examples', 'kitamoto', 'plan.yaml'));
    const plain = plainEvaluation(evaluate(plan, 2022));
    const listed = plain.goals.flatMap((g) => g.kpis);
    // Kitamoto lists one KPI twice, so there are more listings than KPIs, and every listing is a KPI itself.
    expect(listed.length).toBeGreaterThan(plain.kpis.length);
    for (const kpi of listed) expect(plain.kpis).toContain(kpi);
    for (const goal of plain.goals) for (const kpi of goal.summary) expect(plain.kpis).toContain(kpi);
  });

  it.each(['ratio', 'pace', 'targets', 'grades'])(
    "methods/%s: each series's score and 目標進捗率 as evaluated, one object where the method's score is the progress",
    (name) => {
      const plan = loadExamplePlan(join(ROOT, 'examples', 'methods', `${name}.yaml`));
      let apart = 0;
      let shared = 0;
      for (const year of yearsWithData(plan)) {
        const evaluation = evaluate(plan, year);
        const plain = plainEvaluation(evaluation);
        evaluation.kpis.forEach((kpi, k) =>
          kpi.series.forEach((s, i) => {
            const copy = plain.kpis[k]?.series[i];
            expect(figures(copy?.score ?? null)).toEqual(figures(s.score));
            expect(figures(copy?.progress ?? null)).toEqual(figures(s.progress));
            if (s.progress !== null && s.progress === s.score) {
              expect(copy?.progress).toBe(copy?.score);
              shared++;
            } else if (s.progress !== null) {
              expect(copy?.progress).not.toBe(copy?.score);
              apart++;
            }
          }),
        );
      }
      // ratio and pace have scores other than the progress figure; progress's are the progress figure.
      expect(name === 'ratio' || name === 'pace' ? apart : shared).toBeGreaterThan(0);
    },
  );
});
