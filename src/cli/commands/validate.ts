import { formatProblem } from '../../plan-file/problem.ts';
import { readPlanFileText } from '../../plan-file/load.ts';
import { readPlanText } from '../../plan-file/read.ts';
import { countOf } from '../count.ts';
import type { Io } from '../io.ts';
import { onePlanPath, parseCommandArgs } from '../options.ts';

export const validateHelp = `shinchoku validate PLAN

Checks a plan file and lists every problem as file:line:column with a hint.
Exits 1 when there is any error; warnings (values that were normalised) alone exit 0.`;

const count = countOf;

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs('validate', args, {});
  const path = onePlanPath('validate', positionals);
  const { plan, problems } = readPlanText(await readPlanFileText(path));
  for (const problem of problems) io.err(formatProblem(path, problem) + '\n');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (!plan) {
    io.err(`${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')}.\n`);
    return 1;
  }
  const goals = count(plan.goals.length, 'goal', 'goals');
  const kpis = count(plan.kpis.size, 'KPI', 'KPIs');
  io.out(
    `${path}: OK — ${goals}, ${kpis}${warnings > 0 ? `, ${count(warnings, 'warning', 'warnings')}` : ''}.\n`,
  );
  return 0;
}
