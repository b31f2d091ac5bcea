import type { DecimalString } from '../core/decimal.ts';
import type { Revision } from '../core/plan.ts';
import type * as t from './schema.ts';
import { revisionForms, withBaselineLabel, withTargetForms, type RevisionForms } from './stored-forms.ts';

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
    forms: revisionForms(revision),
  };
}

/** A stored revision back in the core model, exactly as it was written. */
export function revisionOf(row: RevisionRow): Revision {
  const forms = row.forms as RevisionForms | null;
  return {
    from: row.fromYear,
    target:
      row.targetValue === null || row.targetYear === null
        ? null
        : withTargetForms({ value: row.targetValue as DecimalString, year: row.targetYear }, forms?.target),
    baseline: withBaselineLabel(baselineOf(row), forms?.baselineLabel),
    note: row.note,
  };
}

function baselineOf(row: RevisionRow): Revision['baseline'] {
  return row.baselineValue === null
    ? null
    : {
        value: row.baselineValue as DecimalString,
        span:
          row.baselineFrom === null || row.baselineTo === null
            ? null
            : { from: row.baselineFrom, to: row.baselineTo, qualifier: row.baselineQualifier ?? '' },
      };
}
