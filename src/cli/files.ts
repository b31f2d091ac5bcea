import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ShinchokuError } from '../core/errors.ts';

/** The folder and each folder above it, from the root down: as many as the path has parts. */
function foldersDown(folder: string): string[] {
  const chain: string[] = [];
  // dirname shortens a path until the root, which is its own dirname: the loop ends there.
  for (let at = resolve(folder); ; at = dirname(at)) {
    chain.unshift(at);
    if (dirname(at) === at) return chain;
  }
}

/**
 * Creates a folder and any missing above it, one level at a time. Node's own recursive mkdir retries
 * for ever where a parent exists but refuses new entries (/proc), so the walk is ours, and bounded.
 */
export async function makeFolders(folder: string): Promise<void> {
  for (const at of foldersDown(folder)) {
    try {
      await mkdir(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw error;
      if (!(await stat(at)).isDirectory()) {
        throw Object.assign(new Error(`${at} is a file, not a folder`), { code: 'ENOTDIR' });
      }
    }
  }
}

/**
 * Writes a file whole or not at all: the data goes to a temporary file beside it, then replaces the
 * target in one rename, so an interrupted run never leaves half a report where a good one stood.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    await makeFolders(dirname(path));
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    // Where the folder could not be made there is no temporary file, and removing it may fail too.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new ShinchokuError(
      'output-unwritable',
      `Could not write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      'Check that the output folder is writable, or choose another with --out.',
    );
  }
}
