import type { Figures } from './figures.ts';

export interface Agreement {
  readonly rates: number;
  readonly progress: number;
}

const SHOWN = 5;

function differences<V>(label: string, ours: Map<string, V>, theirs: Map<string, V>): string[] {
  const found: string[] = [];
  for (const [key, value] of ours) {
    if (!theirs.has(key)) found.push(`${label} ${key}: engine ${String(value)}, DuckDB has no row`);
    else if (theirs.get(key) !== value) {
      found.push(`${label} ${key}: engine ${String(value)}, DuckDB ${String(theirs.get(key))}`);
    }
  }
  for (const key of theirs.keys()) if (!ours.has(key)) found.push(`${label} ${key}: only DuckDB has it`);
  return found;
}

/**
 * Checks that the anchor computed the same thing: a fast query with different answers is no anchor.
 * Throws, listing the first differences, when any figure differs or is missing on either side.
 */
export function checkAgreement(engine: Figures, duckdb: Figures): Agreement {
  const found = [
    ...differences('rate', engine.rates, duckdb.rates),
    ...differences('progress', engine.progress, duckdb.progress),
  ];
  if (found.length > 0) {
    throw new Error(
      `DuckDB and the engine disagree on ${found.length} figures:\n  ${found.slice(0, SHOWN).join('\n  ')}`,
    );
  }
  if (engine.rates.size === 0) throw new Error('the engine produced no rates to compare');
  return { rates: engine.rates.size, progress: engine.progress.size };
}
