import { join } from 'node:path';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { loadPlan } from '../../src/plan-file/load.ts';

export const KITAMOTO_PLAN = join(import.meta.dirname, '..', '..', 'examples', 'kitamoto', 'plan.yaml');
/** FY R4, the year of the seed report. */
export const KITAMOTO_YEAR = 2022;

export async function kitamotoEvaluation(): Promise<Evaluation> {
  const { plan } = await loadPlan(KITAMOTO_PLAN);
  return evaluate(plan, KITAMOTO_YEAR);
}
