import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { listPlans } from '../../store/plan-repository.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';
import { textTable } from '../../render/text/text-table.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const plansHelp = `shinchoku plans [--db URL] [--data DIR]

Lists the plans stored in the database.
${STORE_HELP}`;

export async function plansCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('plans', args, STORE_OPTIONS);
  const plans = await withStore(values, (store) => listPlans(store.db));
  if (plans.length === 0) {
    io.out('No plans stored yet. Import one with `shinchoku import PLAN`.\n');
    return 0;
  }
  const rows = plans.map((p) => [
    [p.slug],
    [p.municipality],
    [`${formatFiscalYear(p.periodFrom)}–${formatFiscalYear(p.periodTo)}`],
    [p.title],
  ]);
  io.out(textTable(['id', 'municipality', 'period', 'title'], rows, ['left', 'left', 'left', 'left']) + '\n');
  return 0;
}
