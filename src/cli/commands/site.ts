import { ShinchokuError } from '../../core/errors.ts';
import { yearsWithData } from '../../core/evaluate.ts';
import { formatFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import { loadPlan } from '../../plan-file/load.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { launchPdfPrinter } from '../../render/pdf/printer.ts';
import { openStore, type Store } from '../../store/connect.ts';
import { publishEdition } from '../../store/editions.ts';
import { importPlan } from '../../store/plan-import.ts';
import { createApp } from '../../web/app.ts';
import { systemClock } from '../../web/clock.ts';
import { sharedPrinter } from '../../web/shared-printer.ts';
import { exportStaticSite } from '../../web/static-site/export.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs, yearOption } from '../options.ts';
import { terminalProgress } from '../progress.ts';
import { openCliStore, STORE_HELP, STORE_OPTIONS } from '../store-options.ts';

export const siteHelp = `shinchoku site --out DIR [PLAN [--year R4]] [--db URL] [--data DIR]

Writes the public pages as a static site, in Japanese and English, with relative links, for hosting on any
web server where the app itself cannot be exposed; it also opens offline from the folder.
  PLAN      a plan file: its years with data are published into a temporary database first
  --year    with PLAN, publish only this year
  --out     the folder to write (required)
Without PLAN the site shows the editions published in the database:
${STORE_HELP}`;

/**
 * The plan years of a plan file that have any actual value: each becomes a published edition. Years
 * before the plan starts (R3 for a plan from R4) are history shown in the tables, not reports of their own.
 */
function planYearsWithData(plan: Plan): FiscalYear[] {
  return yearsWithData(plan).filter((year) => year >= plan.period.from && year <= plan.period.to);
}

async function storeForPlanFile(path: string, year: FiscalYear | null, io: Io): Promise<Store> {
  const { plan, warnings } = await loadPlan(path);
  for (const warning of warnings) io.err(formatProblem(path, warning) + '\n');
  const years = year === null ? planYearsWithData(plan) : [year];
  if (years.length === 0) {
    throw new ShinchokuError(
      'year-without-data',
      `${path} has no actual values in its plan period yet, so there is nothing to publish.`,
    );
  }
  const store = await openStore({ dataDir: null });
  const id = plan.id ?? 'plan';
  await importPlan(store.db, { ...plan, id });
  for (const y of years) await publishEdition(store.db, { plan: id, year: y, errata: null }, null);
  io.err(`published ${years.map(formatFiscalYear).join(', ')} of ${id} for the site\n`);
  return store;
}

export async function siteCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('site', args, {
    ...STORE_OPTIONS,
    out: { type: 'string' },
    year: { type: 'string' },
  });
  if (!values.out)
    throw new ShinchokuError(
      'usage',
      'shinchoku site needs --out DIR.',
      'For example: shinchoku site examples/kitamoto/plan.yaml --out site/',
    );
  if (positionals.length > 1)
    throw new ShinchokuError('usage', 'shinchoku site takes at most one plan file.');
  const year = yearOption(values.year);
  const [planPath] = positionals;
  const store = planPath ? await storeForPlanFile(planPath, year, io) : await openCliStore(values);
  const printer = sharedPrinter(() => launchPdfPrinter());
  try {
    const app = createApp({ store, clock: systemClock, printer: () => printer.get(), secureCookies: false });
    const progress = terminalProgress(io);
    const out = values.out;
    const result = await progress.step(
      `Writing the site to ${out}`,
      () => exportStaticSite(app, out),
      (r) => `${r.files} files`,
    );
    for (const path of result.skipped)
      io.err(`note: ${path} could not be made (is Chromium installed?); its links were left out\n`);
    io.out(`${out}\n`);
    return 0;
  } finally {
    await printer.close();
    await store.close();
  }
}
