import { ShinchokuError } from '../../core/errors.ts';
import { formatFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';
import type { Db } from '../../store/connect.ts';
import { kpiSheets, type KpiSheet } from '../../store/department-kpis.ts';
import { listPlans, type PlanSummary } from '../../store/plan-repository.ts';

export async function planSummary(db: Db, plan: string): Promise<PlanSummary> {
  const found = (await listPlans(db)).find((p) => p.slug === plan);
  if (!found) throw new ShinchokuError('plan-not-found', `No plan has the id ${plan}.`);
  return found;
}

/** Figures are entered for the plan's own years only; a year outside it is a mistyped address. */
export async function assertYearInPlan(db: Db, plan: string, year: FiscalYear): Promise<PlanSummary> {
  const summary = await planSummary(db, plan);
  if (year < summary.periodFrom || year > summary.periodTo) {
    throw new ShinchokuError('not-found', `${formatFiscalYear(year)} is outside the period of ${plan}.`);
  }
  return summary;
}

export async function loadSheet(db: Db, plan: string, kpi: string, year: FiscalYear): Promise<KpiSheet> {
  const [sheet] = await kpiSheets(db, plan, year, { kpiKey: kpi });
  if (!sheet) throw new ShinchokuError('not-found', `The plan ${plan} has no KPI ${kpi}.`);
  return sheet;
}
