import { loadPlan } from '../../plan-file/load.ts';
import { isMasterPath, loadPlanMaster } from '../master-file.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { importPlan } from '../../store/plan-import.ts';
import { planMunicipality, type BulkImporter } from '../../collect/bundle/import.ts';
import { describeFileRefusal } from '../../collect/bundle/problem-en.ts';
import { ShinchokuError } from '../../core/errors.ts';
import type { Store } from '../../store/connect.ts';
import { HOME_MUNICIPALITY_ID, municipalityByCode } from '../../store/municipalities.ts';
import { importBulk, isBundlePath } from '../bulk-import.ts';
import { codeArgument } from './municipality.ts';
import { countOf } from '../count.ts';
import type { Io } from '../io.ts';
import { onePlanPath, parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const importHelp = `shinchoku import PLAN|FOLDER|FILE.zip [--replace] [--municipality CODE] [--db URL] [--data DIR]

Stores a plan file in the database, whole or not at all. The plan needs an \`id\` under \`plan:\`.
PLAN may also be the office's Excel master (.xlsx, docs/excel-master.md); each problem then names its
sheet and cell.
A folder or a zip imports every plan file in it (.yaml, .yml, .json, .xlsx), each whole or not at all,
with a progress bar on stderr and a report on stdout; the exit code is 1 when any file was refused.
A plan stating \`municipality_code\` goes to that municipality: the installation's own when it has no code
yet (it takes the plan's), else added when missing. A plan stating no code goes to the installation's
own municipality, or to the one --municipality names.
One database holds many plans (municipalities, plan periods).
  --replace            overwrite the stored plan with the same id (published editions are kept)
  --municipality CODE  the municipality (by its code, see \`shinchoku municipality list\`) whose plans
                       these are: plans stating no code go to it, a plan stating another is refused
${STORE_HELP}`;

/** The municipality --municipality names: its code verified, and registered; else an error saying which. */
async function chosenMunicipality(store: Store, text: string): Promise<{ id: number; code: string }> {
  const code = codeArgument(text, '--municipality: ');
  const found = await municipalityByCode(store.db, code);
  if (!found) {
    throw new ShinchokuError(
      'not-found',
      `--municipality: no municipality has the code ${code}.`,
      'Run `shinchoku municipality list` for the registered ones; `shinchoku municipality add` adds one.',
    );
  }
  return { id: found.id, code };
}

export async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    ...STORE_OPTIONS,
    replace: { type: 'boolean' },
    municipality: { type: 'string' },
  });
  const path = onePlanPath('import', positionals);
  // A wrong code is a usage error before any file is read or the database opened.
  if (values.municipality !== undefined) codeArgument(values.municipality, '--municipality: ');
  const importer = async (store: Store): Promise<BulkImporter> => {
    const chosen =
      values.municipality === undefined ? null : await chosenMunicipality(store, values.municipality);
    return {
      municipalityId: chosen?.id ?? HOME_MUNICIPALITY_ID,
      chosenCode: chosen?.code ?? null,
      // The command line has the whole database: a plan may name a municipality to add.
      mayAddMunicipalities: true,
      actorId: null,
      replace: values.replace ?? false,
    };
  };
  if (await isBundlePath(path)) {
    return withStore(values, async (store) => importBulk(path, store, await importer(store), io));
  }
  const { plan, warnings } = isMasterPath(path)
    ? await loadPlanMaster(path)
    : await loadPlan(path).then((loaded) => ({
        plan: loaded.plan,
        warnings: loaded.warnings.map((w) => formatProblem(path, w)),
      }));
  for (const warning of warnings) io.err(warning + '\n');
  const result = await withStore(values, async (store) => {
    const options = await importer(store);
    const municipalityId = await planMunicipality(store.db, plan, options);
    if (typeof municipalityId !== 'number') {
      const [message = '', ...details] = describeFileRefusal(path, municipalityId);
      throw new ShinchokuError('invalid', message.replace(`${path}: error: `, ''), null, details);
    }
    return importPlan(store.db, plan, { replace: options.replace, municipalityId });
  });
  io.out(
    `${result.replaced ? 'replaced' : 'imported'} ${result.slug}: ${countOf(plan.goals.length, 'goal', 'goals')}, ${countOf(plan.kpis.size, 'KPI', 'KPIs')}\n`,
  );
  return 0;
}
