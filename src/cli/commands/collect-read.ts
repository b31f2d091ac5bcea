import { basename } from 'node:path';
import { ShinchokuError } from '../../core/errors.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { applyCollected, readCollected, refusal } from '../../collect/read/collect.ts';
import { diffText } from '../../collect/read/diff-text.ts';
import { formatCollectProblem, hasErrors } from '../../collect/read/problem.ts';
import type { WorkbookFile } from '../../collect/read/workbook-file.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs, yearOption } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';
import { readWorkbookFile } from '../workbook-file.ts';

export const collectReadHelp = `shinchoku collect read FILES... [--apply] [--plan ID] [--year R5] [--db URL] [--data DIR]

Reads filled workbooks from \`collect make\` and checks every cell; each problem names the file, sheet
and cell. Figures are read as the plan file reads them (３４０, 3,908, △40, a unit typed after the
number). By default nothing is written: the command prints what would change in the database.
Workbooks for another plan or year, edited forms, macros, links to other files, zip bombs and
oversized sheets are refused.
  --apply      write every change in one transaction, or none if any workbook has an error
  --plan ID    the plan the workbooks must be for (by default the one most of them name)
  --year YEAR  the year they must collect (by default the one most of them collect)
${STORE_HELP}`;

export async function collectReadCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('collect', args, {
    ...STORE_OPTIONS,
    apply: { type: 'boolean' },
    plan: { type: 'string' },
    year: { type: 'string' },
  });
  if (positionals.length === 0) {
    throw new ShinchokuError(
      'usage',
      'shinchoku collect read needs the filled workbooks.',
      'For example: shinchoku collect read replies/*.xlsx',
    );
  }
  const year = yearOption(values.year);
  const files = await readFiles(positionals);
  return withStore(values, async (store) => {
    const report = await readCollected(store.db, files, {
      ...(values.plan ? { plan: values.plan } : {}),
      ...(year !== null ? { year } : {}),
    });
    for (const problem of report.problems) io.err(formatCollectProblem(problem) + '\n');
    io.out(diffText(report));
    if (hasErrors(report.problems)) throw refusal(report);
    if (!values.apply) {
      io.err('dry run: nothing was written; run again with --apply to write these changes.\n');
      return 0;
    }
    const applied = await applyCollected(store.db, report, null);
    io.err(
      `applied ${count(applied.figures, 'figure')} and ${count(applied.assessments, 'assessment')} to ${report.plan} ${formatFiscalYear(report.year as number)}; the audit log records each.\n`,
    );
    return 0;
  });
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Reads each file; two files of the same name are named by their paths so problems tell them apart. */
async function readFiles(paths: readonly string[]): Promise<WorkbookFile[]> {
  const names = paths.map((p) => basename(p));
  const files: WorkbookFile[] = [];
  for (const [i, path] of paths.entries()) {
    const name = names[i] as string;
    files.push(await readWorkbookFile(path, names.indexOf(name) === names.lastIndexOf(name) ? name : path));
  }
  return files;
}
