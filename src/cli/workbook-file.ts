import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { LIMITS } from '../collect/read/limits.ts';
import type { WorkbookFile } from '../collect/read/workbook-file.ts';
import { ShinchokuError } from '../core/errors.ts';

/**
 * Reads a workbook from disk, but never more of it than the limit allows: an oversized one is refused
 * unread by the reader, which sees its true size. `name` is how problems will name it.
 */
export async function readWorkbookFile(path: string, name: string = basename(path)): Promise<WorkbookFile> {
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
    return { name, bytes: bytes.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}
