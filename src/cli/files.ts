import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ShinchokuError } from '../core/errors.ts';

/**
 * Writes a file whole or not at all: the data goes to a temporary file beside it, then replaces the
 * target in one rename, so an interrupted run never leaves half a report where a good one stood.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ShinchokuError(
      'output-unwritable',
      `Could not write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      'Check that the output folder is writable, or choose another with --out.',
    );
  }
}
