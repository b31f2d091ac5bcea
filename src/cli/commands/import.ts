import { loadPlan } from '../../plan-file/load.ts';
import { isMasterPath, loadPlanMaster } from '../master-file.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { importPlan } from '../../store/plan-import.ts';
import { importBulk, isBundlePath } from '../bulk-import.ts';
import { countOf } from '../count.ts';
import type { Io } from '../io.ts';
import { onePlanPath, parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const importHelp = `shinchoku import PLAN|FOLDER|FILE.zip [--replace] [--db URL] [--data DIR]

Stores a plan file in the database, whole or not at all. The plan needs an \`id\` under \`plan:\`.
PLAN may also be the office's Excel master (.xlsx, docs/excel-master.md); each problem then names its
sheet and cell.
A folder or a zip imports every plan file in it (.yaml, .yml, .json, .xlsx), each whole or not at all,
with a progress bar on stderr and a report on stdout; the exit code is 1 when any file was refused.
A plan stating \`municipality_code\` goes to that municipality: the installation's own when it has no code
yet (it takes the plan's), else added when missing.
One database holds many plans (municipalities, plan periods).
  --replace   overwrite the stored plan with the same id (published editions are kept)
${STORE_HELP}`;

export async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    ...STORE_OPTIONS,
    replace: { type: 'boolean' },
  });
  const path = onePlanPath('import', positionals);
  if (await isBundlePath(path)) {
    return withStore(values, (store) => importBulk(path, store, { replace: values.replace ?? false }, io));
  }
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
