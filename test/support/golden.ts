import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');

/**
 * Compares generated output with its committed expected file. A missing expected file is written on a
 * developer's machine and fails in CI; a mismatch leaves NAME-changed.EXT beside it to diff against.
 */
export function expectGolden(name: string, actual: string): void {
  const expectedPath = join(GOLDEN_DIR, name);
  const ext = extname(name);
  const changedPath = join(GOLDEN_DIR, `${name.slice(0, name.length - ext.length)}-changed${ext}`);
  if (!existsSync(expectedPath)) {
    if (process.env.CI)
      throw new Error(`golden file ${name} is missing; run the tests locally to write it, then commit it`);
    mkdirSync(dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect(actual, `${name} differs from its golden file; see ${changedPath}`).toBe(expected);
}
