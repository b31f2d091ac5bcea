import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { evaluationJson } from '../../src/render/evaluation-json.ts';
import { toJsonText } from '../../src/render/json-text.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { evaluationDataset } from '../../src/open-data/records.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (text: string) => text as DecimalString;

/** Two years of figures, the later one provisional (見込), and a year with a missing figure. */
function planWithProvisional() {
  const series = {
    ...makeSeries({
      baseline: d('10'),
      target: d('20'),
      actuals: { 2022: value(d('12')), 2023: value(d('15')), 2024: { kind: 'missing', reason: '未取得' } },
    }),
    provisional: new Set([2023]),
  };
  return makePlan([{ id: 'g1', kpis: [makeKpi('k1', 'g1', [series])] }]);
}

describe('見込 and 確定 in the Evaluation', () => {
  it('marks each year of a series provisional or final from the plan, and a year without a value neither', () => {
    const evaluation = evaluate(planWithProvisional(), 2024);
    const history = evaluation.kpis[0]?.series[0]?.history ?? [];
    expect(history.map((h) => [h.year, h.state ?? null])).toEqual([
      [2022, 'final'],
      [2023, 'provisional'],
      [2024, null],
    ]);
  });

  it('keeps the state out of the JSON contract', () => {
    const evaluation = evaluate(planWithProvisional(), 2023);
    const text = toJsonText(evaluationJson(evaluation, messagesFor('ja')));
    expect(text).not.toMatch(/"state"|provisional/);
  });

  it('gives open data its 見込 and 確定 from the evaluations alone', () => {
    const plan = planWithProvisional();
    const evaluation = evaluate(plan, 2024);
    const yearly = evaluation.columns.map((y) => evaluate(plan, y));
    const rows = evaluationDataset(evaluation, yearly, null).records;
    expect(rows.map((r) => [r.fiscal_year, r.actual_state])).toEqual([
      [2022, '確定'],
      [2023, '見込'],
      [2024, null],
    ]);
  });
});
