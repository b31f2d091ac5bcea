import { writeFileSync } from 'node:fs';

/** The job a child was started with (see runTsChild), and where its result goes. */
export function childJob<T>(): T & { out: string } {
  const text = process.argv[2];
  if (text === undefined) throw new Error('a bench child needs its job as JSON in its first argument');
  return JSON.parse(text) as T & { out: string };
}

export function childResult(out: string, result: unknown): void {
  writeFileSync(out, JSON.stringify(result));
}
