import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Plan, Series } from '../../src/core/plan.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { goalTable } from '../../src/render/report-model.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

/** The value, which the test has just made sure of; a failure names what was missing. */
function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/**
 * 千葉県総合計画 (平成29～32年度), 「総合計画指標一覧」 (examples/chiba-general-plan/plan.yaml): targets printed
 * as words against the baseline, 「減少を目指します」 and 「増加を目指します」. The list has no actuals, so the
 * printed columns are reproduced, and the words' rule is checked on figures of our own, said to be ours.
 */
const plan = loadExamplePlan(join(ROOT, 'examples', 'chiba-general-plan', 'plan.yaml'));
const R2 = 2020;

/** The plan with one actual of our own (not published) for a KPI, to see what the word asks of it. */
function withActual(id: string, value: string): Plan {
  const kpi = must(plan.kpis.get(id));
  const series: Series = {
    ...must(kpi.series[0]),
    actuals: new Map([[R2, { kind: 'value', value: must(toDecimalString(value)) }]]),
  };
  return { ...plan, kpis: new Map([...plan.kpis, [id, { ...kpi, series: [series] }]]) };
}

describe('千葉県総合計画: 減少を目指します / 増加を目指します as printed', () => {
  it('prints the baseline and target columns as the indicator list does', () => {
    const evaluation = evaluate(plan, R2);
    const rows = goalTable(must(evaluation.goals[0]), evaluation, messagesFor('ja')).rows.map((r) =>
      r.cells.slice(2, 4).map((c) => c.lines.join('/')),
    );
    expect(rows).toEqual([
      ['57,277件 (H28)', '減少を目指します'],
      ['2,606団体 (H28)', '増加を目指します'],
      ['89% (H28)', '93%'],
    ]);
  });

  it('takes the direction from the word and measures the word against the baseline', () => {
    expect(plan.kpis.get('crimes')?.series[0]?.direction).toBe('decrease');
    expect(plan.kpis.get('crime-prevention-groups')?.series[0]?.direction).toBe('increase');
    const status = (id: string, value: string) =>
      evaluate(withActual(id, value), R2).kpis.find((k) => k.id === id)?.status;
    expect(status('crimes', '57276')).toBe('achieved');
    expect(status('crimes', '57277')).toBe('not_achieved');
    expect(status('crime-prevention-groups', '2607')).toBe('achieved');
    expect(status('crime-prevention-groups', '2606')).toBe('not_achieved');
  });
});
