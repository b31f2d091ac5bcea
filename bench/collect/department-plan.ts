import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Kpi, Plan, Series } from '../../src/core/plan.ts';
import { generatePlan, NATIONAL } from '../data/national.ts';

const KPIS_PER_DEPARTMENT = 4;
/** The year the departments report: the dataset's last. */
export const COLLECTED_YEAR: FiscalYear = NATIONAL.firstYear + NATIONAL.years - 1;

export interface CollectionPlans {
  /** The plan as the store holds it before the workbooks come back: nothing for the collected year. */
  readonly before: Plan & { id: string };
  /** The same plan with the figures the departments send, which the filled workbooks carry. */
  readonly filled: Plan & { id: string };
}

const department = (k: number, departments: number): string =>
  `第${String((k % departments) + 1).padStart(2, '0')}課`;

const withoutYear = (series: Series, year: FiscalYear): Series => ({
  ...series,
  actuals: new Map([...series.actuals].filter(([y]) => y !== year)),
});

/**
 * A plan from the national dataset with its KPIs spread over the departments (担当課), four each, so
 * that collection makes one workbook per department.
 */
export function collectionPlans(departments: number): CollectionPlans {
  const plan = generatePlan(0, { ...NATIONAL, kpisPerPlan: departments * KPIS_PER_DEPARTMENT });
  const assign = (strip: boolean) =>
    new Map<string, Kpi>(
      [...plan.kpis.values()].map((kpi, k) => [
        kpi.id,
        {
          ...kpi,
          department: department(k, departments),
          series: strip ? kpi.series.map((s) => withoutYear(s, COLLECTED_YEAR)) : kpi.series,
        },
      ]),
    );
  const id = `${plan.id ?? 'm0001'}-collect`;
  return { before: { ...plan, id, kpis: assign(true) }, filled: { ...plan, id, kpis: assign(false) } };
}
