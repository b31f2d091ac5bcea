import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ShinchokuError } from '../../core/errors.ts';
import { formatFiscalYear, formatFiscalYearLong } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import { DEFAULT_OFFICE, makeCollectWorkbooks } from '../../collect/make/make-workbooks.ts';
import { onlyStoredPlan, withId } from '../../collect/plan-source.ts';
import { loadPlan } from '../../plan-file/load.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { writeFileAtomic } from '../files.ts';
import { countOf } from '../count.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs, yearOption } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export { DEFAULT_OFFICE };

export const collectMakeHelp = `shinchoku collect make --year R5 --out DIR [PLAN] [--plan ID] [--office NAME] [--force] [--db URL] [--data DIR]

Writes one workbook per department for collecting a year's figures: each lists its KPIs with the
baseline, target and past actuals (read-only), and yellow cells for the year's figure (or the reason
it is missing), 見込/確定, the status phrase and the assessment. An instructions sheet explains them in
Japanese. Sheets are protected without a password; hidden identifiers let \`collect read\` check the
file. Figures already stored for the year are filled in.
  PLAN           a plan file; without one, the plan comes from the database
  --year YEAR    the fiscal year to collect (R5, 令和5年度, 2023)
  --out DIR      the folder for the workbooks (R5_<department>.xlsx)
  --plan ID      the stored plan (may be left out when the database holds one)
  --office NAME  the workbook for KPIs without a department (default: ${DEFAULT_OFFICE})
  --force        replace workbooks already in DIR
${STORE_HELP}`;

export async function collectMakeCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('collect', args, {
    ...STORE_OPTIONS,
    year: { type: 'string' },
    out: { type: 'string' },
    plan: { type: 'string' },
    office: { type: 'string' },
    force: { type: 'boolean' },
  });
  const year = yearOption(values.year);
  if (year === null || !values.out) {
    throw new ShinchokuError(
      'usage',
      'shinchoku collect make needs --year and --out.',
      'For example: shinchoku collect make --year R5 --out workbooks',
    );
  }
  if (positionals.length > 1 || (positionals.length === 1 && values.plan)) {
    throw new ShinchokuError('usage', 'Name one plan: a plan file, or a stored plan with --plan.');
  }
  const plan = await sourcePlan(positionals[0], values, io);
  if (year < plan.period.from - 1 || year > plan.period.to) {
    io.err(
      `note: ${formatFiscalYear(year)} is outside the plan's period (${formatFiscalYear(plan.period.from)}–${formatFiscalYear(plan.period.to)}).\n`,
    );
  }
  const workbooks = await makeCollectWorkbooks(plan, year, {
    office: values.office?.trim() || DEFAULT_OFFICE,
  });
  const paths = workbooks.map((w) => join(values.out as string, w.fileName));
  if (!values.force) await refuseExisting(paths);
  for (const [i, workbook] of workbooks.entries()) await writeFileAtomic(paths[i] as string, workbook.bytes);
  for (const [i, workbook] of workbooks.entries()) {
    io.out(`${paths[i]}\t${workbook.department}\t${countOf(workbook.kpis, 'KPI', 'KPIs')}\n`);
  }
  io.err(
    `made ${workbooks.length} ${workbooks.length === 1 ? 'workbook' : 'workbooks'} to collect ${formatFiscalYearLong(year)} for ${plan.id}\n`,
  );
  return 0;
}

async function sourcePlan(
  path: string | undefined,
  values: { db?: string; data?: string; plan?: string },
  io: Io,
): Promise<Plan & { id: string }> {
  if (!path) return withStore(values, (store) => onlyStoredPlan(store.db, values.plan));
  const { plan, warnings } = await loadPlan(path);
  for (const warning of warnings) io.err(formatProblem(path, warning) + '\n');
  return withId(plan);
}

async function refuseExisting(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new ShinchokuError(
        'output-exists',
        `${path} already exists; no workbook was written.`,
        'Filled-in replies may share the name: choose another --out folder, or add --force to replace them.',
      );
    }
  }
}
