import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatMasterProblem } from '../collect/master/problem-en.ts';
import { readPlanMaster, type MasterReadResult } from '../collect/master/read.ts';
import { LIMITS } from '../collect/read/limits.ts';
import type { WorkbookFile } from '../collect/read/workbook-file.ts';
import { ShinchokuError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';

/** A plan given as the office's Excel master (docs/excel-master.md) rather than a plan file. */
export const isMasterPath = (path: string): boolean =>
  ['.xlsx', '.xlsm', '.xls'].includes(extname(path).toLowerCase());

/** Reads a workbook, but never more of it than the limit allows: an oversized one is refused unread. */
async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new ShinchokuError(
      'file-not-found',
      `There is no file ${path}.`,
      'Check the path of the workbook.',
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new ShinchokuError('file-unreadable', `${path} is not a file.`, 'Name the workbook itself.');
    }
    const bytes = new Uint8Array(Math.min(info.size, LIMITS.fileBytes + 1));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { name: basename(path), bytes: bytes.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

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
