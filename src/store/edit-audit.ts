import type { FigureEntry } from '../core/figure-text.ts';
import { formatEntry } from '../core/format.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import type { AuditEntry } from './audit.ts';
import type { FigureState } from '../core/evaluation.ts';

/** A stored or entered figure with its state, as the audit log and conflict messages word it. */
export interface FigureWithState {
  readonly entry: FigureEntry;
  readonly state: FigureState;
}

/** "births/R4" or "births:男性/R4": how the log and the messages name one series's year. */
export function figureSubject(kpi: string, label: string | null, year: FiscalYear): string {
  return `${kpi}${label ? `:${label}` : ''}/${formatFiscalYear(year)}`;
}

const stated = (figure: FigureWithState, unit: string | null) =>
  `${formatEntry(figure.entry, unit)}${figure.state === 'provisional' ? ' (見込)' : ''}`;

/**
 * The log entry of one saved figure, the same whether it was typed in a form or applied from a workbook:
 * a change of state alone (見込 → 確定) is logged as such, anything else as a new value.
 */
export function figureAudit(
  where: { readonly planId: number; readonly subject: string; readonly unit: string | null },
  before: FigureWithState | null,
  after: FigureWithState,
  actorId: number | null,
): AuditEntry {
  const sameText =
    before !== null && formatEntry(before.entry, where.unit) === formatEntry(after.entry, where.unit);
  return {
    userId: actorId,
    planId: where.planId,
    action: 'observation.save',
    subject: where.subject,
    field: before?.state !== after.state && sameText ? 'state' : 'value',
    oldValue: before ? stated(before, where.unit) : null,
    newValue: stated(after, where.unit),
  };
}

/** The log entry of one saved assessment. */
export function assessmentAudit(
  where: { readonly planId: number; readonly kpi: string; readonly year: FiscalYear },
  before: string | null,
  after: string,
  actorId: number | null,
): AuditEntry {
  return {
    userId: actorId,
    planId: where.planId,
    action: 'assessment.save',
    subject: `${where.kpi}/${formatFiscalYear(where.year)}`,
    field: 'text',
    oldValue: before,
    newValue: after,
  };
}
