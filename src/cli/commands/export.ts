import { makePlanMaster } from '../../collect/master/write.ts';
import { OMISSION_EN } from '../../collect/master/omissions.ts';
import { ShinchokuError } from '../../core/errors.ts';
import { planToYaml } from '../../plan-file/write.ts';
import { listPlans, loadStoredPlan } from '../../store/plan-repository.ts';
import { writeFileAtomic } from '../files.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const exportHelp = `shinchoku export [--plan ID] [--out FILE] [--format yaml|xlsx] [--db URL] [--data DIR]
shinchoku export --template --out FILE.xlsx

Writes a stored plan as a plan file (YAML), with every figure, assessment and setting.
export → import → export gives the same bytes.
  --plan ID        the plan to export (may be left out when the database holds one plan)
  --out FILE       write to a file instead of standard output
  --format xlsx    the office's Excel master instead (docs/excel-master.md; needs --out); what the
                   master has no cell for (English texts, revisions, …) is listed on standard error
  --template       the empty Excel master with its 記入例 sheet (needs --out; opens no database)
${STORE_HELP}`;

export async function exportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    ...STORE_OPTIONS,
    plan: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    template: { type: 'boolean' },
  });
  const format = values.template ? 'xlsx' : (values.format ?? 'yaml');
  if (format !== 'yaml' && format !== 'xlsx') {
    throw new ShinchokuError('usage', `Unknown format ${format}.`, 'Use --format yaml or --format xlsx.');
  }
  if (format === 'xlsx' && !values.out) {
    throw new ShinchokuError(
      'usage',
      'An Excel workbook is written to a file.',
      'Name it with --out FILE.xlsx.',
    );
  }
  if (values.template) {
    await writeFileAtomic(values.out as string, (await makePlanMaster(null)).bytes);
    io.err(`wrote ${values.out}\n`);
    return 0;
  }
  if (positionals.length > 0)
    throw new ShinchokuError(
      'usage',
      'shinchoku export takes no file names.',
      'Name the plan with --plan and the file with --out.',
    );
  const plan = await withStore(values, async (store) => {
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
    return loadStoredPlan(store.db, slug);
  });
  if (format === 'xlsx') {
    const made = await makePlanMaster(plan);
    await writeFileAtomic(values.out as string, made.bytes);
    for (const omission of made.omissions) io.err(`not in the workbook: ${OMISSION_EN[omission]}\n`);
    io.err(`wrote ${values.out}\n`);
    return 0;
  }
  const yaml = planToYaml(plan);
  if (values.out) {
    await writeFileAtomic(values.out, yaml);
    io.err(`wrote ${values.out}\n`);
  } else {
    io.out(yaml);
  }
  return 0;
}
