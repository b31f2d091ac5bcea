import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOFFICE = 'soffice';
const TIMEOUT_MS = 180_000;

export async function hasLibreOffice(): Promise<boolean> {
  try {
    await run(SOFFICE, ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * What an office does today: LibreOffice turning the deck into a PDF. A fresh profile each time, as a
 * first conversion on a clean machine, and so that no earlier run's lock or cache helps it.
 */
export async function convertWithLibreOffice(pptx: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'shinchoku-soffice-'));
  try {
    const profile = `file://${join(dir, 'profile')}`;
    await run(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx],
      { timeout: TIMEOUT_MS },
    );
    await access(join(dir, basename(pptx).replace(/\.pptx$/, '.pdf')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
