import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../../src/core/plan.ts';

/** The files the DuckDB anchor loads: the same plans, flattened to the rows a database would hold. */
export const TABLE_FILES = {
  series: 'series.csv',
  actuals: 'actuals.csv',
  listings: 'listings.csv',
} as const;

/**
 * Writes the plans as CSV. Plans and KPIs are numbered by position (a KPI in the order the plan defines
 * it, which is the order of `evaluation.kpis`), goals by their place in the plan. Only values are
 * written as actuals: a blank, a dash and 未取得 all leave the year without an actual, for the engine too.
 */
export async function writeTables(plans: readonly Plan[], dir: string): Promise<void> {
  const series: string[] = ['plan,kpi,s,baseline,target,increase'];
  const actuals: string[] = ['plan,kpi,s,year,value'];
  const listings: string[] = ['plan,goal,kpi'];
  plans.forEach((plan, p) => {
    const kpiIndex = new Map([...plan.kpis.keys()].map((id, k) => [id, k]));
    [...plan.kpis.values()].forEach((kpi, k) => {
      kpi.series.forEach((s, i) => {
        series.push(
          `${p},${k},${i},${s.baseline?.value ?? ''},${s.target.value},${s.direction === 'increase'}`,
        );
        for (const [year, entry] of s.actuals) {
          if (entry.kind === 'value') actuals.push(`${p},${k},${i},${year},${entry.value}`);
        }
      });
    });
    plan.goals.forEach((goal, g) => {
      for (const id of goal.kpiIds) listings.push(`${p},${g},${kpiIndex.get(id)}`);
    });
  });
  await Promise.all([
    writeFile(join(dir, TABLE_FILES.series), series.join('\n') + '\n'),
    writeFile(join(dir, TABLE_FILES.actuals), actuals.join('\n') + '\n'),
    writeFile(join(dir, TABLE_FILES.listings), listings.join('\n') + '\n'),
  ]);
}

/** A hash of the tables, so a results file says which dataset it measured and a changed generator shows. */
export async function tablesFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of Object.values(TABLE_FILES)) hash.update(await readFile(join(dir, file)));
  return hash.digest('hex');
}
