import { and, eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import type { Assessment } from '../core/plan.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { saveAssessment, saveObservation, type ObservationState } from './figures.ts';
import { entryColumns, entryOf, kpiRow, planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export interface StoredFigure {
  readonly entry: FigureEntry;
  readonly state: ObservationState;
}

export interface FigureChange {
  readonly kpi: string;
  readonly series: number;
  /** What the change was worked out against; anything else in the store by now is a conflict. */
  readonly expected: StoredFigure | null;
  readonly entry: FigureEntry;
  readonly state: ObservationState;
  /** Where the change came from, for messages: "R5_環境課.xlsx 入力!F7". */
  readonly origin: string;
}

export interface AssessmentChange {
  readonly kpi: string;
  readonly expected: Assessment | null;
  readonly status: string | null;
  readonly text: string;
  readonly origin: string;
}

export interface ChangeBatch {
  readonly plan: string;
  readonly year: FiscalYear;
  readonly figures: readonly FigureChange[];
  readonly assessments: readonly AssessmentChange[];
  /** What the batch is, for the audit log: the workbooks it was read from. */
  readonly source: string;
}

export interface Applied {
  readonly figures: number;
  readonly assessments: number;
}

/**
 * Applies many edits in one transaction: all of them or none. Each edit goes through saveObservation
 * or saveAssessment, so it is checked and audited exactly as a single edit is; the batch itself is
 * audited once more, naming its source.
 */
export async function applyChanges(db: Db, batch: ChangeBatch, actorId: number | null): Promise<Applied> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, batch.plan);
    let figures = 0;
    let assessments = 0;
    for (const change of batch.figures) {
      const current = await currentFigure(tx, planId, change, batch.year);
      if (!sameStored(current, change.expected)) throw conflict(change.origin, batch.year, change.kpi);
      const saved = await saveObservation(
        tx,
        {
          plan: batch.plan,
          kpi: change.kpi,
          series: change.series,
          year: batch.year,
          entry: change.entry,
          state: change.state,
          expectedVersion: current?.version ?? 0,
        },
        actorId,
      );
      if (saved.changed) figures++;
    }
    for (const change of batch.assessments) {
      const kpi = await kpiRow(tx, planId, change.kpi);
      const [current] = await tx
        .select()
        .from(t.assessments)
        .where(and(eq(t.assessments.kpiId, kpi.id), eq(t.assessments.fiscalYear, batch.year)));
      const expected = change.expected;
      const same = current
        ? expected !== null && current.status === expected.status && current.text === expected.text
        : expected === null;
      if (!same) throw conflict(change.origin, batch.year, change.kpi);
      const saved = await saveAssessment(
        tx,
        {
          plan: batch.plan,
          kpi: change.kpi,
          year: batch.year,
          status: change.status,
          text: change.text,
          expectedVersion: current?.version ?? 0,
        },
        actorId,
      );
      if (saved.changed) assessments++;
    }
    await recordAudit(tx, {
      userId: actorId,
      planId,
      action: 'collect.apply',
      subject: formatFiscalYear(batch.year),
      field: null,
      newValue: `${figures} figures and ${assessments} assessments from ${batch.source}`,
    });
    return { figures, assessments };
  });
}

async function currentFigure(tx: Db, planId: number, change: FigureChange, year: FiscalYear) {
  const kpi = await kpiRow(tx, planId, change.kpi);
  const [row] = await tx
    .select({ observation: t.observations })
    .from(t.observations)
    .innerJoin(t.series, eq(t.observations.seriesId, t.series.id))
    .where(
      and(
        eq(t.series.kpiId, kpi.id),
        eq(t.series.position, change.series),
        eq(t.observations.fiscalYear, year),
      ),
    );
  if (!row) return null;
  const o = row.observation;
  return { entry: entryOf(o), state: o.state as ObservationState, version: o.version };
}

function sameStored(current: StoredFigure | null, expected: StoredFigure | null): boolean {
  if (!current || !expected) return current === expected;
  const a = entryColumns(current.entry);
  const b = entryColumns(expected.entry);
  return (
    current.state === expected.state && a.kind === b.kind && a.value === b.value && a.reason === b.reason
  );
}

function conflict(origin: string, year: FiscalYear, kpi: string): ShinchokuError {
  return new ShinchokuError(
    'conflict',
    `${origin}: ${kpi} ${formatFiscalYear(year)} was changed in Shinchoku after the workbooks were read; nothing was applied.`,
    'Read the workbooks again to see the current figures, then apply.',
  );
}
