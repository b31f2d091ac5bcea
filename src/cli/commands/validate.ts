import { formatProblem } from '../../plan-file/problem.ts';
import { readPlanFileText } from '../../plan-file/load.ts';
import { readPlanText } from '../../plan-file/read.ts';
import { countOf } from '../count.ts';
import { isMasterPath, readMasterFile } from '../master-file.ts';
import type { Io } from '../io.ts';
import { onePlanPath, parseCommandArgs } from '../options.ts';

export const validateHelp = `shinchoku validate PLAN

Checks a plan file and lists every problem as file:line:column with a hint; for the office's Excel
master (.xlsx), as the sheet and cell.
Exits 1 when there is any error; warnings (values that were normalised) alone exit 0.`;

const count = countOf;

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs('validate', args, {});
  const path = onePlanPath('validate', positionals);
  const { plan, lines, errors, warnings } = isMasterPath(path)
    ? await readMasterFile(path).then(({ result, lines }) => {
        const errors = result.problems.filter((p) => p.severity === 'error').length + result.unlisted;
        const listed = result.problems.filter((p) => p.severity === 'error').length;
        return { plan: result.plan, lines, errors, warnings: result.problems.length - listed };
      })
    : planFileCheck(path, readPlanText(await readPlanFileText(path)));
  for (const line of lines) io.err(line + '\n');
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

function planFileCheck(path: string, read: ReturnType<typeof readPlanText>) {
  const errors = read.problems.filter((p) => p.severity === 'error').length;
  return {
    plan: read.plan,
    lines: read.problems.map((p) => formatProblem(path, p)),
    errors,
    warnings: read.problems.length - errors,
  };
}
