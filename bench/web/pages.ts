import { hrefs } from '../../src/web/hrefs.ts';
import { loadPlan } from '../../src/plan-file/load.ts';
import { KITAMOTO_PLAN, KITAMOTO_YEAR } from '../report/kitamoto.ts';

export interface BenchPage {
  readonly name: string;
  readonly path: string;
  /** Asked with the ETag each server gave for it, so every answer is a 304. */
  readonly conditional?: boolean;
}

/**
 * Three public pages of the sample the server publishes on its first start (Kitamoto, R4): the plan's
 * page, its first goal and that goal's first KPI; then the front page (the plan list's first page),
 * and the KPI page again asked with its ETag, answered 304.
 */
export async function kitamotoPages(): Promise<BenchPage[]> {
  const { plan } = await loadPlan(KITAMOTO_PLAN);
  const goal = plan.goals[0];
  const kpi = goal?.kpiIds[0];
  if (!plan.id || !goal || !kpi) throw new Error('the Kitamoto plan has no id, goal or KPI to load');
  const at = { plan: plan.id, year: KITAMOTO_YEAR, edition: null };
  return [
    { name: 'plan page', path: hrefs.plan(plan.id) },
    { name: 'goal page', path: hrefs.goal(at, goal.id) },
    { name: 'KPI page', path: hrefs.kpi(at, kpi) },
    { name: 'front page', path: '/' },
    { name: 'KPI page, 304', path: hrefs.kpi(at, kpi), conditional: true },
  ];
}

/** The report downloads of the same edition, as the public pages link them. */
export async function kitamotoDownloadPath(file: 'report.pptx' | 'report.xlsx'): Promise<string> {
  const { plan } = await loadPlan(KITAMOTO_PLAN);
  if (!plan.id) throw new Error('the Kitamoto plan has no id');
  return hrefs.download({ plan: plan.id, year: KITAMOTO_YEAR, edition: null }, file);
}
