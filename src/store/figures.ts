import { and, eq } from 'drizzle-orm';
import type { FigureState } from '../core/evaluation.ts';
import { ShinchokuError } from '../core/errors.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import { formatEntry } from '../core/format.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { recordAudit } from './audit.ts';
import { assessmentAudit, figureAudit, figureSubject } from './edit-audit.ts';
import type { Db } from './connect.ts';
import { entryColumns, entryOf, kpiRow, planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export interface ObservationEdit {
  readonly plan: string;
  readonly kpi: string;
  /** The series's position in the KPI (0 for a KPI without series). */
  readonly series: number;
  readonly year: FiscalYear;
  readonly entry: FigureEntry;
  readonly state: FigureState;
  /** The version the editor read; 0 when the year had no figure yet. */
  readonly expectedVersion: number;
}

export interface Saved {
  readonly version: number;
  readonly changed: boolean;
}

const entryText = (entry: FigureEntry | null, unit: string | null) => formatEntry(entry, unit);

/**
 * Saves one year's figure if nobody has changed it since the editor read it (optimistic concurrency);
 * otherwise refuses with both values, so the second person decides instead of silently overwriting.
 */
export async function saveObservation(db: Db, edit: ObservationEdit, actorId: number | null): Promise<Saved> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, edit.plan);
    const kpi = await kpiRow(tx, planId, edit.kpi);
    const [series] = await tx
      .select()
      .from(t.series)
      .where(and(eq(t.series.kpiId, kpi.id), eq(t.series.position, edit.series)));
    if (!series) throw new ShinchokuError('not-found', `KPI ${edit.kpi} has no series ${edit.series}.`);
    const [current] = await tx
      .select()
      .from(t.observations)
      .where(and(eq(t.observations.seriesId, series.id), eq(t.observations.fiscalYear, edit.year)))
      .for('update');
    const unit = series.unit ?? kpi.unit;
    const currentVersion = current?.version ?? 0;
    const before = current ? entryText(entryOf(current), unit) : null;
    const after = entryText(edit.entry, unit);
    const subject = figureSubject(edit.kpi, series.label, edit.year);
    const changedMeanwhile = (now: string | null, version: number) =>
      new ShinchokuError(
        'conflict',
        `Someone else changed ${subject} while you were editing it: it is now ${now ?? '—'}; you entered ${after}.`,
        'Check the current value, then enter yours again if it should replace it.',
        [],
        { current: now, attempted: after, currentVersion: version },
      );
    if (currentVersion !== edit.expectedVersion) throw changedMeanwhile(before, currentVersion);
    const columns = { ...entryColumns(edit.entry), state: edit.state };
    if (
      current &&
      current.kind === columns.kind &&
      current.value === columns.value &&
      current.reason === columns.reason &&
      current.bound === columns.bound &&
      current.label === columns.label &&
      current.state === columns.state
    ) {
      return { version: currentVersion, changed: false };
    }
    const now = new Date();
    if (current) {
      await tx
        .update(t.observations)
        .set({ ...columns, version: currentVersion + 1, updatedBy: actorId, updatedAt: now })
        .where(eq(t.observations.id, current.id));
    } else {
      // Two first saves of the same year meet here (the row lock above had no row to lock): the second
      // is told, as when it reads a changed version, instead of failing on the unique key.
      const [inserted] = await tx
        .insert(t.observations)
        .values({
          seriesId: series.id,
          fiscalYear: edit.year,
          ...columns,
          updatedBy: actorId,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [t.observations.seriesId, t.observations.fiscalYear] })
        .returning({ id: t.observations.id });
      if (!inserted) {
        const [winner] = await tx
          .select()
          .from(t.observations)
          .where(and(eq(t.observations.seriesId, series.id), eq(t.observations.fiscalYear, edit.year)));
        throw changedMeanwhile(winner ? entryText(entryOf(winner), unit) : null, winner?.version ?? 1);
      }
    }
    await recordAudit(
      tx,
      figureAudit(
        { planId, subject, unit },
        current ? { entry: entryOf(current), state: current.state as FigureState } : null,
        edit,
        actorId,
      ),
    );
    return { version: currentVersion + 1, changed: true };
  });
}

export interface AssessmentEdit {
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
  readonly status: string | null;
  readonly text: string;
  readonly expectedVersion: number;
}

/** Saves a KPI's assessment for a year, with the same concurrency check and audit as figures. */
export async function saveAssessment(db: Db, edit: AssessmentEdit, actorId: number | null): Promise<Saved> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, edit.plan);
    const kpi = await kpiRow(tx, planId, edit.kpi);
    const [current] = await tx
      .select()
      .from(t.assessments)
      .where(and(eq(t.assessments.kpiId, kpi.id), eq(t.assessments.fiscalYear, edit.year)))
      .for('update');
    const currentVersion = current?.version ?? 0;
    const subject = `${edit.kpi}/${formatFiscalYear(edit.year)}`;
    const changedMeanwhile = (text: string | null, version: number) =>
      new ShinchokuError(
        'conflict',
        `Someone else changed the assessment of ${subject} while you were editing it.`,
        'Compare the two texts below, then save again.',
        [],
        { current: text, attempted: edit.text, currentVersion: version },
      );
    if (currentVersion !== edit.expectedVersion)
      throw changedMeanwhile(current?.text ?? null, currentVersion);
    if (current && current.text === edit.text && current.status === edit.status)
      return { version: currentVersion, changed: false };
    const now = new Date();
    if (current) {
      await tx
        .update(t.assessments)
        .set({
          status: edit.status,
          text: edit.text,
          version: currentVersion + 1,
          updatedBy: actorId,
          updatedAt: now,
        })
        .where(eq(t.assessments.id, current.id));
    } else {
      const [inserted] = await tx
        .insert(t.assessments)
        .values({
          kpiId: kpi.id,
          fiscalYear: edit.year,
          status: edit.status,
          text: edit.text,
          updatedBy: actorId,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [t.assessments.kpiId, t.assessments.fiscalYear] })
        .returning({ id: t.assessments.id });
      if (!inserted) {
        const [winner] = await tx
          .select()
          .from(t.assessments)
          .where(and(eq(t.assessments.kpiId, kpi.id), eq(t.assessments.fiscalYear, edit.year)));
        throw changedMeanwhile(winner?.text ?? null, winner?.version ?? 1);
      }
    }
    await recordAudit(
      tx,
      assessmentAudit({ planId, kpi: edit.kpi, year: edit.year }, current?.text ?? null, edit.text, actorId),
    );
    return { version: currentVersion + 1, changed: true };
  });
}
