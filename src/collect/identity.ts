import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isDecimalString, type DecimalString } from '../core/decimal.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Assessment } from '../core/plan.ts';
import type { IdentityRefusal } from './read/problem.ts';
import type { FigureState } from '../core/evaluation.ts';
import type { CollectForm } from './form.ts';
import { COLLECT_FORMAT, INPUT_SHEET } from './layout.ts';

/** A row of the form as the hidden sheet records it. */
export interface IdentityRow {
  readonly row: number;
  readonly kpi: string;
  readonly series: number;
  readonly locked: Readonly<Record<string, string>>;
  readonly before: { readonly entry: FigureEntry | null; readonly state: FigureState };
  /** A digest of the assessment the form was made with; enough to notice that it has changed since. */
  readonly assessment: string | null;
}

/** What the hidden sheet says about its workbook: which plan, year and rows, and how the form looked. */
export interface WorkbookIdentity {
  readonly plan: string;
  readonly year: FiscalYear;
  readonly department: string;
  readonly made: string;
  readonly header: Readonly<Record<string, string>>;
  readonly rows: readonly IdentityRow[];
}

const ROW_HEADING = ['row', 'kpi', 'series', 'locked', 'before', 'assessment'];

export function assessmentDigest(assessment: Assessment | null): string | null {
  if (!assessment) return null;
  return createHash('sha256')
    .update(JSON.stringify([assessment.status, assessment.text]))
    .digest('hex');
}

export function identityOf(form: CollectForm, made: Date): WorkbookIdentity {
  return {
    plan: form.plan,
    year: form.year,
    department: form.department,
    made: made.toISOString(),
    header: form.header,
    rows: form.rows.map((r) => ({
      row: r.row,
      kpi: r.kpi.id,
      series: r.series,
      locked: r.locked,
      before: { entry: r.before.entry, state: r.before.state },
      assessment: assessmentDigest(r.before.assessment),
    })),
  };
}

/** The hidden sheet's cells, row by row; the hash row covers every other cell. */
export function identityCells(identity: WorkbookIdentity): string[][] {
  const body = bodyCells(identity);
  return [...body.meta, ['hash', hashOf(body)], [], ROW_HEADING, ...body.rows];
}

function bodyCells(identity: WorkbookIdentity) {
  return {
    meta: [
      ['format', COLLECT_FORMAT],
      ['plan', identity.plan],
      ['year', String(identity.year)],
      ['department', identity.department],
      ['made', identity.made],
      ['sheet', INPUT_SHEET],
      ['header', JSON.stringify(identity.header)],
    ],
    rows: identity.rows.map((r) => [
      String(r.row),
      r.kpi,
      String(r.series),
      JSON.stringify(r.locked),
      JSON.stringify(r.before),
      r.assessment ?? '',
    ]),
  };
}

function hashOf(body: { meta: string[][]; rows: string[][] }): string {
  const hash = createHash('sha256');
  for (const row of [...body.meta, ...body.rows]) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

const entrySchema = z.union([
  z.object({ kind: z.literal('value'), value: z.string().refine(isDecimalString) }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('missing'), reason: z.string() }),
]);
const beforeSchema = z.object({ entry: entrySchema.nullable(), state: z.enum(['provisional', 'final']) });
const lockedSchema = z.record(z.string(), z.string());
const META_KEYS = ['format', 'plan', 'year', 'department', 'made', 'sheet', 'header'];

/**
 * Reads the hidden sheet back. It is refused whole when its hash does not match, since then nothing in
 * it — which plan, which KPI a row is — can be trusted.
 */
export function readIdentityCells(
  cells: readonly (readonly string[])[],
): { ok: true; value: WorkbookIdentity } | { ok: false; refusal: IdentityRefusal } {
  const refused = (refusal: IdentityRefusal) => ({ ok: false, refusal }) as const;
  const meta = cells.slice(0, META_KEYS.length);
  if (meta.some((row, i) => row[0] !== META_KEYS[i])) return refused({ kind: 'missing' });
  const value = (i: number) => meta[i]?.[1] ?? '';
  if (value(0) !== COLLECT_FORMAT) return refused({ kind: 'format', format: value(0) });
  const hashRow = cells[META_KEYS.length];
  const rows: string[][] = [];
  for (const row of cells.slice(META_KEYS.length + 3)) {
    if (row.every((c) => c === '')) break;
    rows.push(ROW_HEADING.map((_, i) => row[i] ?? ''));
  }
  const body = { meta: meta.map((r) => [r[0] ?? '', r[1] ?? '']), rows };
  if (hashRow?.[0] !== 'hash' || hashRow[1] !== hashOf(body)) {
    return refused({ kind: 'hash' });
  }
  try {
    const year = Number(value(2));
    if (!Number.isInteger(year)) throw new Error('year');
    return {
      ok: true,
      value: {
        plan: value(1),
        year,
        department: value(3),
        made: value(4),
        header: lockedSchema.parse(JSON.parse(value(6))),
        rows: rows.map(([row = '', kpi = '', series = '', locked = '', before = '', digest = '']) => ({
          row: Number(row),
          kpi,
          series: Number(series),
          locked: lockedSchema.parse(JSON.parse(locked)),
          before: parseBefore(before),
          assessment: digest === '' ? null : digest,
        })),
      },
    };
  } catch {
    return refused({ kind: 'unreadable' });
  }
}

function parseBefore(text: string): IdentityRow['before'] {
  const before = beforeSchema.parse(JSON.parse(text));
  const entry = before.entry;
  return {
    state: before.state,
    entry: entry?.kind === 'value' ? { kind: 'value', value: entry.value as DecimalString } : entry,
  };
}
