import type { PlanProblemDetail } from '../../plan-file/problem-detail.ts';
import { describePlanProblem } from '../../plan-file/problem-en.ts';
import { enTextProblem } from './staff-words-en.ts';

/** Everything the plan-file reader can say, in English: the command line's sentence and its hint. */
export function enPlanFileProblem(detail: PlanProblemDetail): string {
  if (detail.code === 'text') return enTextProblem(detail.text);
  const { message, hint } = describePlanProblem(detail);
  return hint ? `${message} ${hint}` : message;
}
