import { accessSync, constants } from 'node:fs';
import { ShinchokuError } from '../../core/errors.ts';

/** Debian's package; Playwright's own downloaded browsers are not used, as closed networks cannot fetch them. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get install chromium fonts-noto-cjk';
export const CHROMIUM_HINT = `Install Chromium with: ${INSTALL_COMMAND} (or set SHINCHOKU_CHROMIUM to its path).`;

/** The Chromium to print with: the one named, else SHINCHOKU_CHROMIUM, else Debian's; it must be there. */
export function chromiumPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = explicit ?? (env.SHINCHOKU_CHROMIUM || DEFAULT_CHROMIUM);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ShinchokuError(
      'browser-missing',
      `Chromium, which prints the PDF report, was not found at ${path}. Install it with: ${INSTALL_COMMAND}`,
      CHROMIUM_HINT,
    );
  }
  return path;
}
