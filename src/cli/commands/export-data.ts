import { join } from 'node:path';
import { ShinchokuError } from '../../core/errors.ts';
import { latestYearWithData } from '../../core/evaluate.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import { onlyStoredPlan } from '../../collect/plan-source.ts';
import { datasetCsv, datasetJson, dictionaryCsv } from '../../open-data/documents.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import { openDataset } from '../../open-data/records.ts';
import { loadPlan } from '../../plan-file/load.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { writeFileAtomic } from '../files.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs, yearOption } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const exportDataHelp = `shinchoku export-data [PLAN] --out DIR [--year R4] [--plan ID] [--code CODE] [--updated DATE] [--db URL] [--data DIR]

Publishes the KPIs as open data in the style of the Digital Agency's recommended datasets (推奨データセット):
one row per KPI × series × year with the baseline, target, actual (or the reason it is missing), progress
and status, every figure as the evaluation computes it. Writes three files to DIR:
  <plan>_kpi_<year>.csv        the rows; UTF-8 with a BOM, Japanese column names
  <plan>_kpi_<year>.json       a header (dataset, municipality, period, updated, licence CC BY 4.0),
                               the data dictionary and the rows under English keys
  <plan>_kpi_dictionary.csv    the data dictionary (項目定義書)
  PLAN            a plan file; without one, the plan comes from the database
  --out DIR       the folder to write to
  --year YEAR     the last year to publish (default: the latest year with data)
  --plan ID       the stored plan (may be left out when the database holds one)
  --code CODE     the 全国地方公共団体コード (e.g. 112330), put in every row
  --updated DATE  the date the data is published, YYYY-MM-DD (default: today in Japan)
${STORE_HELP}`;

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export async function exportDataCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('export-data', args, {
    ...STORE_OPTIONS,
    out: { type: 'string' },
    year: { type: 'string' },
    plan: { type: 'string' },
    code: { type: 'string' },
    updated: { type: 'string' },
  });
  if (!values.out) {
    throw new ShinchokuError('usage', 'shinchoku export-data needs --out.', 'For example: --out opendata');
  }
  if (positionals.length > 1 || (positionals.length === 1 && values.plan)) {
    throw new ShinchokuError('usage', 'Name one plan: a plan file, or a stored plan with --plan.');
  }
  const code = values.code === undefined ? null : parseMunicipalityCode(values.code);
  if (code && !code.ok) throw new ShinchokuError('usage', `--code: ${code.message}`);
  const updated = values.updated ?? new Date(Date.now() + JST_OFFSET_MS).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(updated) || Number.isNaN(Date.parse(updated))) {
    throw new ShinchokuError('usage', `--updated: 「${updated}」 is not a date; write it as 2024-03-31.`);
  }
  const plan = await sourcePlan(positionals[0], values, io);
  const year = yearOption(values.year) ?? latestYearWithData(plan);
  if (year === null) {
    throw new ShinchokuError(
      'year-without-data',
      'The plan has no actual values yet, so there is nothing to publish.',
      'Add actuals, or name the year with --year.',
    );
  }
  const municipalityCode = code?.ok ? code.value : null;
  const dataset = openDataset(plan, year, municipalityCode);
  const base = `${plan.id ?? 'plan'}_kpi`;
  const files: [string, string][] = [
    [`${base}_${formatFiscalYear(year)}.csv`, datasetCsv(dataset)],
    [`${base}_${formatFiscalYear(year)}.json`, datasetJson(dataset, { plan, municipalityCode, updated })],
    [`${base}_dictionary.csv`, dictionaryCsv(dataset)],
  ];
  for (const [name, text] of files) {
    const path = join(values.out, name);
    await writeFileAtomic(path, text);
    io.out(`${path}\n`);
  }
  io.err(`published ${dataset.records.length} rows (${dataset.years.map(formatFiscalYear).join(', ')})\n`);
  return 0;
}

async function sourcePlan(
  path: string | undefined,
  values: { db?: string; data?: string; plan?: string },
  io: Io,
): Promise<Plan> {
  if (!path) return withStore(values, (store) => onlyStoredPlan(store.db, values.plan));
  const { plan, warnings } = await loadPlan(path);
  for (const warning of warnings) io.err(formatProblem(path, warning) + '\n');
  return plan;
}
