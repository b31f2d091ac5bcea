import { formatProblem } from '../../plan-file/problem.ts';
import { readPlanFileText } from '../../plan-file/load.ts';
import { readPlanText } from '../../plan-file/read.ts';
import type { Io } from '../io.ts';
import { onePlanPath, parseCommandArgs } from '../options.ts';

export const validateHelp = `shinchoku validate PLAN

Checks a plan file and lists every problem as file:line:column with a hint.
Exits 1 when there is any error; warnings (values that were normalised) alone exit 0.`;

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs('validate', args, {});
  const path = onePlanPath('validate', positionals);
  const { plan, problems } = readPlanText(await readPlanFileText(path));
  for (const problem of problems) io.err(formatProblem(path, problem) + '\n');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (!plan) {
    io.err(
      `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.\n`,
    );
    return 1;
  }
  const kpis = plan.kpis.size;
  io.out(
    `${path}: OK — ${plan.goals.length} goals, ${kpis} KPIs${warnings > 0 ? `, ${warnings} warnings` : ''}.\n`,
  );
  return 0;
}
