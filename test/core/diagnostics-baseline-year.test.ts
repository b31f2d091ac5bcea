import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const d = (v: string) => v as DecimalString;

it('misses an actual only from the KPI’s baseline year on, whatever years the other KPIs report', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2012, max: 2026 }),
      fc.uniqueArray(fc.integer({ min: 2010, max: 2026 }), { minLength: 1, maxLength: 12 }),
      fc.uniqueArray(fc.integer({ min: 2010, max: 2026 }), { maxLength: 6 }),
      (baselineYear, otherYears, ownYears) => {
        const entries = (years: readonly number[]): Record<number, FigureEntry> =>
          Object.fromEntries(years.map((y) => [y, value(d('3'))]));
        const own = makeSeries({ baseline: d('5'), target: d('9'), actuals: entries(ownYears) });
        const late = makeKpi('late', 'G', [
          {
            ...own,
            baseline: { value: d('5'), span: { from: baselineYear, to: baselineYear, qualifier: '' } },
          },
        ]);
        const other = makeKpi('other', 'G', [
          makeSeries({ baseline: d('1'), target: d('2'), actuals: entries(otherYears) }),
        ]);
        const plan = makePlan([{ id: 'G', kpis: [late, other] }]);
        const year = Math.max(...otherYears);
        const result = evaluate(plan, year);
        const missed = result.diagnostics
          .filter((x) => x.code === 'missing-actual' && x.kpiId === 'late')
          .map((x) => ('year' in x ? x.year : null));
        const expected = result.columns.filter((c) => c >= baselineYear && !ownYears.includes(c));
        expect(missed).toEqual(expected);
      },
    ),
  );
});
