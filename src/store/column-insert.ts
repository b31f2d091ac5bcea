import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';

/** One column of the rows to insert: its values in row order, sent as one array of this SQL type. */
export interface ColumnValues {
  readonly column: PgColumn;
  readonly type: 'integer' | 'text' | 'numeric' | 'timestamptz';
  readonly values: readonly (string | number | null)[];
}

/**
 * `insert into table (columns) select * from unnest($1::type[], $2::type[], …)`: many rows with one
 * parameter per column, not one per value. drizzle's `values(rows)` builds its SQL chunk by chunk, with
 * type checks on every parameter, and PostgreSQL then parses and plans a VALUES list of thousands of
 * parameters: for a batch's 182 figures, 160 assessments and 342 audit rows that was about 26 ms of
 * drizzle and 15 ms of PGlite's parse and bind of the 90 ms the batch took. Rows go in the order given
 * (unnest yields them in order, and a serial column numbers them so). Columns left out take their defaults.
 * Both drivers send a JavaScript array as a PostgreSQL array (node-postgres and PGlite quote each item).
 */
export function insertColumns(table: PgTable, columns: readonly ColumnValues[], tail?: SQL): SQL {
  const names = sql.join(
    columns.map((c) => sql.identifier(c.column.name)),
    sql`, `,
  );
  const arrays = sql.join(
    columns.map((c) => sql`${sql.param(c.values)}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) select * from unnest(${arrays})${tail ?? sql``}`;
}

/** The rows a statement returned, on either driver (both give node-postgres's `{ rows }`). */
export async function executeRows<R>(db: Db, query: SQL): Promise<R[]> {
  const result = (await db.execute(query)) as unknown as { rows: R[] };
  return result.rows;
}
