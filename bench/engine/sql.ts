import { join } from 'node:path';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import { TABLE_FILES } from './tables.ts';

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Figures are read as DECIMAL, exactly as written; the dataset has at most two decimals. */
export function loadSql(dir: string, years: readonly FiscalYear[]): string[] {
  const csv = (file: string, columns: string) =>
    `read_csv(${quote(join(dir, file))}, header = true, nullstr = '', columns = {${columns}})`;
  const first = years[0] ?? 0;
  return [
    `CREATE TABLE series AS SELECT * FROM ${csv(
      TABLE_FILES.series,
      `'plan': 'INTEGER', 'kpi': 'INTEGER', 's': 'INTEGER', 'baseline': 'DECIMAL(18,3)', 'target': 'DECIMAL(18,3)', 'increase': 'BOOLEAN'`,
    )}`,
    `CREATE TABLE actuals AS SELECT * FROM ${csv(
      TABLE_FILES.actuals,
      `'plan': 'INTEGER', 'kpi': 'INTEGER', 's': 'INTEGER', 'year': 'INTEGER', 'value': 'DECIMAL(18,3)'`,
    )}`,
    `CREATE TABLE listings AS SELECT * FROM ${csv(
      TABLE_FILES.listings,
      `'plan': 'INTEGER', 'goal': 'INTEGER', 'kpi': 'INTEGER'`,
    )}`,
    `CREATE TABLE years AS SELECT range::INTEGER AS year FROM range(${first}, ${first + years.length})`,
  ];
}

/**
 * DuckDB divides DECIMALs in DOUBLE, which can land a quotient on the wrong side of a half tenth. So each
 * quotient is taken in integers (figures scaled by 1000, which DECIMAL(18,3) makes exact) to hundredths
 * of a percent, truncated toward zero, and then ROUND(…, 1) rounds it half away from zero as Excel does.
 * Truncating first cannot move a figure across a tie: the tie itself has two decimals, and truncation
 * toward zero only ever moves a quotient toward zero, never onto or past a tie that it had not reached.
 */
const percentOf = (numerator: string, denominator: string): string =>
  `ROUND(CAST((${numerator}) // (${denominator}) AS DECIMAL(18, 0)) * 0.01, 1)`;

/**
 * The engine's rules (docs/evaluation.md), on every series for every year: 目標進捗率 (null without an
 * actual, without a baseline, or where target equals baseline), target reached in the series's
 * direction, a KPI evaluated when every series has an actual and achieved when every one reaches its
 * target, and each goal's and the plan's rate, counting a shared KPI once per listing.
 */
export const EVALUATE_SQL: readonly string[] = [
  `CREATE OR REPLACE TEMP TABLE series_year AS
   SELECT s.plan, s.kpi, s.s, y.year,
          a.value IS NOT NULL AS has_actual,
          CASE WHEN s.increase THEN a.value >= s.target ELSE a.value <= s.target END AS reached,
          CASE WHEN a.value IS NULL OR s.baseline IS NULL OR s.target = s.baseline THEN NULL
               ELSE CASE WHEN (a.value < s.baseline) <> (s.target < s.baseline) THEN -1 ELSE 1 END
                    * ${percentOf(
                      'CAST(abs(a.value - s.baseline) * 1000 AS BIGINT) * 10000',
                      'CAST(abs(s.target - s.baseline) * 1000 AS BIGINT)',
                    )}
          END AS progress
   FROM series s
   CROSS JOIN years y
   LEFT JOIN actuals a ON a.plan = s.plan AND a.kpi = s.kpi AND a.s = s.s AND a.year = y.year`,
  `CREATE OR REPLACE TEMP TABLE kpi_year AS
   SELECT plan, kpi, year,
          bool_and(has_actual) AS evaluated,
          bool_and(has_actual) AND bool_and(reached) AS achieved
   FROM series_year
   GROUP BY plan, kpi, year`,
  `CREATE OR REPLACE TEMP TABLE rates AS
   SELECT plan, year, goal, achieved, evaluated,
          CASE WHEN evaluated = 0 THEN NULL ELSE ${percentOf('achieved * 10000', 'evaluated')} END AS rate
   FROM (
     SELECT l.plan, k.year, l.goal,
            count(*) FILTER (WHERE k.achieved)::BIGINT AS achieved,
            count(*) FILTER (WHERE k.evaluated)::BIGINT AS evaluated
     FROM listings l
     JOIN kpi_year k ON k.plan = l.plan AND k.kpi = l.kpi
     GROUP BY GROUPING SETS ((l.plan, k.year, l.goal), (l.plan, k.year))
   )`,
];

/** Every rate, the plan's own (goal NULL) among them, as text for an exact comparison. */
export const RATES_SQL = `SELECT plan, year, goal, achieved, evaluated, rate::VARCHAR AS rate FROM rates`;

export const progressSampleSql = (every: number): string =>
  `SELECT plan, kpi, s, year, progress::VARCHAR AS progress FROM series_year WHERE plan % ${every} = 0`;

/** What a query written the obvious way gives: DECIMAL divided in DOUBLE, then rounded. */
export const naiveProgressSql = (every: number): string =>
  `SELECT s.plan, s.kpi, s.s, y.year,
          ROUND((a.value - s.baseline) / (s.target - s.baseline) * 100, 1)::DECIMAL(18, 1)::VARCHAR AS progress
   FROM series s
   CROSS JOIN years y
   JOIN actuals a ON a.plan = s.plan AND a.kpi = s.kpi AND a.s = s.s AND a.year = y.year
   WHERE s.plan % ${every} = 0 AND s.baseline IS NOT NULL AND s.target <> s.baseline`;
