import type { DecimalString } from '../core/decimal.ts';
import type { Revision } from '../core/plan.ts';
import type * as t from './schema.ts';

type RevisionRow = typeof t.seriesRevisions.$inferSelect;

/** A revision as the columns of `series_revisions` (without the series it belongs to). */
export function revisionColumns(revision: Revision) {
  return {
    fromYear: revision.from,
    targetValue: revision.target?.value ?? null,
    targetYear: revision.target?.year ?? null,
    baselineValue: revision.baseline?.value ?? null,
    baselineFrom: revision.baseline?.span?.from ?? null,
    baselineTo: revision.baseline?.span?.to ?? null,
    baselineQualifier: revision.baseline?.span?.qualifier ?? null,
    note: revision.note,
  };
}

/** A stored revision back in the core model, exactly as it was written. */
export function revisionOf(row: RevisionRow): Revision {
  return {
    from: row.fromYear,
    target:
      row.targetValue === null || row.targetYear === null
        ? null
        : { value: row.targetValue as DecimalString, year: row.targetYear },
    baseline:
      row.baselineValue === null
        ? null
        : {
            value: row.baselineValue as DecimalString,
            span:
              row.baselineFrom === null || row.baselineTo === null
                ? null
                : { from: row.baselineFrom, to: row.baselineTo, qualifier: row.baselineQualifier ?? '' },
          },
    note: row.note,
  };
}
