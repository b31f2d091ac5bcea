import { loadPlan } from '../../plan-file/load.ts';
import { isMasterPath, loadPlanMaster } from '../master-file.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { importPlan } from '../../store/plan-import.ts';
import { countOf } from '../count.ts';
import type { Io } from '../io.ts';
import { onePlanPath, parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const importHelp = `shinchoku import PLAN [--replace] [--db URL] [--data DIR]

Stores a plan file in the database, whole or not at all. The plan needs an \`id\` under \`plan:\`.
PLAN may also be the office's Excel master (.xlsx, docs/excel-master.md); each problem then names its
sheet and cell.
One database holds many plans (municipalities, plan periods).
  --replace   overwrite the stored plan with the same id (published editions are kept)
${STORE_HELP}`;

export async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    ...STORE_OPTIONS,
    replace: { type: 'boolean' },
  });
  const path = onePlanPath('import', positionals);
  const { plan, warnings } = isMasterPath(path)
    ? await loadPlanMaster(path)
    : await loadPlan(path).then((loaded) => ({
        plan: loaded.plan,
        warnings: loaded.warnings.map((w) => formatProblem(path, w)),
      }));
  for (const warning of warnings) io.err(warning + '\n');
  const result = await withStore(values, (store) =>
    importPlan(store.db, plan, { replace: values.replace ?? false }),
  );
  io.out(
    `${result.replaced ? 'replaced' : 'imported'} ${result.slug}: ${countOf(plan.goals.length, 'goal', 'goals')}, ${countOf(plan.kpis.size, 'KPI', 'KPIs')}\n`,
  );
  return 0;
}
