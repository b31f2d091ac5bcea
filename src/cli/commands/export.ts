import { ShinchokuError } from '../../core/errors.ts';
import { planToYaml } from '../../plan-file/write.ts';
import { listPlans, loadStoredPlan } from '../../store/plan-repository.ts';
import { writeFileAtomic } from '../files.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const exportHelp = `shinchoku export [--plan ID] [--out FILE] [--db URL] [--data DIR]

Writes a stored plan as a plan file (YAML), with every figure, assessment and setting.
export → import → export gives the same bytes.
  --plan ID   the plan to export (may be left out when the database holds one plan)
  --out FILE  write to a file instead of standard output
${STORE_HELP}`;

export async function exportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    ...STORE_OPTIONS,
    plan: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new ShinchokuError(
      'usage',
      'shinchoku export takes no file names.',
      'Name the plan with --plan and the file with --out.',
    );
  const yaml = await withStore(values, async (store) => {
    let slug = values.plan;
    if (!slug) {
      const plans = await listPlans(store.db);
      if (plans.length !== 1) {
        throw new ShinchokuError(
          'usage',
          plans.length === 0
            ? 'The database holds no plan.'
            : `The database holds ${plans.length} plans; name one with --plan.`,
          plans.length === 0
            ? 'Import one with `shinchoku import PLAN`.'
            : `Plans: ${plans.map((p) => p.slug).join(', ')}`,
        );
      }
      slug = (plans[0] as { slug: string }).slug;
    }
    return planToYaml(await loadStoredPlan(store.db, slug));
  });
  if (values.out) {
    await writeFileAtomic(values.out, yaml);
    io.err(`wrote ${values.out}\n`);
  } else {
    io.out(yaml);
  }
  return 0;
}
