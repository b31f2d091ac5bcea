import { ShinchokuError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { applyChanges, type Applied, type ChangeBatch } from '../../store/apply-observations.ts';
import type { Db } from '../../store/connect.ts';
import { loadStoredPlan } from '../../store/plan-repository.ts';
import { INPUT_SHEET } from '../layout.ts';
import { compareWithStore, type Changes } from './changes.ts';
import { openCollectWorkbook, type OpenedWorkbook } from './open-workbook.ts';
import type { CollectProblem, ProblemList } from './problem.ts';
import { readForms } from './read-forms.ts';
import type { WorkbookFile } from './workbook-file.ts';

export interface CollectOptions {
  /** The plan the workbooks must be for; by default the one most of them name. */
  readonly plan?: string;
  /** The year they must collect; by default the one most of them collect. */
  readonly year?: FiscalYear;
}

export interface CollectReport {
  readonly plan: string | null;
  /** The stored plan's title, for headings; null when no plan was read. */
  readonly planTitle: string | null;
  readonly year: FiscalYear | null;
  readonly files: readonly string[];
  /** Every problem of every file, in the order of the files. */
  readonly problems: readonly CollectProblem[];
  readonly changes: Changes;
  /** What applying would write; null when there is no plan to write to. */
  readonly batch: ChangeBatch | null;
}

const EMPTY: Changes = { figures: [], assessments: [], unchanged: 0 };

/** Reads filled workbooks and works out, without writing anything, what they would change. */
export async function readCollected(
  db: Db,
  given: readonly WorkbookFile[],
  options: CollectOptions = {},
): Promise<CollectReport> {
  const files = uniqueNames(given);
  const lists = new Map<string, ProblemList>();
  const opened: OpenedWorkbook[] = [];
  for (const file of files) {
    const result = await openCollectWorkbook(file);
    lists.set(file.name, result.problems);
    if (result.opened) opened.push(result.opened);
  }
  const plan = options.plan ?? mostCommon(opened.map((o) => o.identity.plan));
  const year =
    options.year ??
    mostCommon(opened.filter((o) => o.identity.plan === plan).map((o) => o.identity.year)) ??
    mostCommon(opened.map((o) => o.identity.year));
  const problems = () => files.flatMap((f) => lists.get(f.name)?.items ?? []);
  if (plan === null || year === null) {
    return {
      plan,
      planTitle: null,
      year,
      files: files.map((f) => f.name),
      problems: problems(),
      changes: EMPTY,
      batch: null,
    };
  }
  const matching = opened.filter((o) => belongs(o, plan, year, options, lists.get(o.file) as ProblemList));
  const stored = await loadStoredPlan(db, plan);
  const changes = compareWithStore(readForms(matching, stored, lists), stored, year, lists);
  const origin = (file: string, cell: string) => `${file} ${INPUT_SHEET}!${cell}`;
  return {
    plan,
    planTitle: stored.title,
    year,
    files: files.map((f) => f.name),
    problems: problems(),
    changes,
    batch: {
      plan,
      year,
      figures: changes.figures.map((d) => ({
        kpi: d.kpi.id,
        series: d.series,
        expected: d.from,
        entry: d.to.entry,
        state: d.to.state,
        origin: origin(d.file, d.cell),
      })),
      assessments: changes.assessments.map((d) => ({
        kpi: d.kpi.id,
        expected: d.from,
        status: d.to.status,
        text: d.to.text,
        origin: origin(d.file, d.cell),
      })),
      source: files.map((f) => f.name).join(', '),
    },
  };
}

/**
 * Applies what the workbooks were read to change, in one transaction, or nothing at all: a single
 * error in any workbook refuses the whole batch. The store checks again, inside the transaction,
 * that nothing moved since the workbooks were read.
 */
export async function applyCollected(
  db: Db,
  report: CollectReport,
  actorId: number | null,
): Promise<Applied> {
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !report.batch) throw refusal(report);
  // Nothing to change is not an event: the audit log records only batches that wrote something.
  if (report.batch.figures.length === 0 && report.batch.assessments.length === 0) {
    return { figures: 0, assessments: 0 };
  }
  return applyChanges(db, report.batch, actorId);
}

/** The error for workbooks with problems: nothing was, or would be, written. */
export function refusal(report: CollectReport): ShinchokuError {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const failed = new Set(errors.map((p) => p.file)).size;
  const files = report.files.length;
  return new ShinchokuError(
    'workbook-invalid',
    `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${failed} of ${files} ${files === 1 ? 'workbook' : 'workbooks'}; nothing was written.`,
    'Fix the cells named above (or leave that workbook out), then read the workbooks again.',
  );
}

function belongs(
  workbook: OpenedWorkbook,
  plan: string,
  year: FiscalYear,
  options: CollectOptions,
  problems: ProblemList,
): boolean {
  const { identity } = workbook;
  if (identity.plan !== plan) {
    problems.error(null, { code: 'other-plan', plan: identity.plan, expected: plan, chosen: !!options.plan });
    return false;
  }
  if (identity.year !== year) {
    problems.error(null, { code: 'other-year', year: identity.year, expected: year });
    return false;
  }
  return true;
}

/** Problems are kept per file name, so two uploads of R5.xlsx become R5.xlsx and R5.xlsx (2). */
function uniqueNames(files: readonly WorkbookFile[]): WorkbookFile[] {
  const seen = new Map<string, number>();
  return files.map((file) => {
    const n = (seen.get(file.name) ?? 0) + 1;
    seen.set(file.name, n);
    return n === 1 ? file : { ...file, name: `${file.name} (${n})` };
  });
}

/** The value most workbooks share; the first of them on a tie. */
function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
