import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The ISO date of `now` on this machine's calendar, which is the day the person running it sees. */
export function isoDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * bench/results/2025-06-01.json for a full run of every section; a quick run, or one of some sections
 * only, says so in its name and never replaces it.
 */
export function resultsFileName(now: Date, quick: boolean, only: readonly string[] | null = null): string {
  return `${isoDate(now)}${quick ? '-quick' : ''}${only ? `-${only.join('-')}` : ''}.json`;
}

export async function writeResults(dir: string, name: string, results: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(results, null, 2) + '\n');
  return path;
}
