import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import type { Plan } from '../../src/core/plan.ts';
import { readPlanText } from '../../src/plan-file/read.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const KITAMOTO_PATH = join(ROOT, 'examples', 'kitamoto', 'plan.yaml');
/** The text of the seed report (shared/seed/000_f038ed5f343f9d44.txt), kept with the tests. */
export const SEED_PATH = join(ROOT, 'test', 'fixtures', 'seed-kitamoto-r4.txt');

export function loadExamplePlan(path: string): Plan {
  const { plan, problems } = readPlanText(readFileSync(path, 'utf8'));
  if (!plan) throw new Error(`${path}: ${problems.map((p) => p.message).join('; ')}`);
  return plan;
}

export function kitamotoPlan(): Plan {
  return loadExamplePlan(KITAMOTO_PATH);
}

/** The seed's evaluation: Kitamoto, FY R4. */
export function kitamotoR4(): Evaluation {
  return evaluate(kitamotoPlan(), 2022);
}
