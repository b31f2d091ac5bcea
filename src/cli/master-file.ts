import { extname } from 'node:path';
import { formatMasterProblem } from '../collect/master/problem-en.ts';
import { readPlanMaster, type MasterReadResult } from '../collect/master/read.ts';
import { ShinchokuError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';
import { readWorkbookFile } from './workbook-file.ts';

/** A plan given as the office's Excel master (docs/excel-master.md) rather than a plan file. */
export const isMasterPath = (path: string): boolean =>
  ['.xlsx', '.xlsm', '.xls'].includes(extname(path).toLowerCase());

/** Reads a master, each problem as one line naming its sheet and cell. */
export async function readMasterFile(path: string): Promise<{ result: MasterReadResult; lines: string[] }> {
  const result = await readPlanMaster(await readWorkbookFile(path));
  const lines = result.problems.map((p) => formatMasterProblem(path, p));
  if (result.unlisted > 0) lines.push(`${path}: … and ${result.unlisted} more problems.`);
  return { result, lines };
}

/** Loads a master as a plan; any error becomes one ShinchokuError listing every problem. */
export async function loadPlanMaster(path: string): Promise<{ plan: Plan; warnings: string[] }> {
  const { result, lines } = await readMasterFile(path);
  if (!result.plan) {
    const errors = result.problems.filter((p) => p.severity === 'error').length + result.unlisted;
    throw new ShinchokuError(
      'plan-invalid',
      `${path} has ${errors} ${errors === 1 ? 'error' : 'errors'}.`,
      'Fix them in the workbook and import it again.',
      lines,
    );
  }
  return { plan: result.plan, warnings: lines };
}
