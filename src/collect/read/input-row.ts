import type { Worksheet } from 'exceljs';
import { parseFigureEntry, type FigureEntry } from '../../core/figure-text.ts';
import { readTextField, type TextFieldKind } from '../../core/text-field.ts';
import type { Assessment } from '../../core/plan.ts';
import type { FigureState } from '../../core/evaluation.ts';
import { EXCEL_DIGITS, figureFromCell } from '../figure-cell.ts';
import { COL, NONE_CHOICE, STATE_LABELS, address } from '../layout.ts';
import { cellContent, type CellContent } from './cell-content.ts';
import type { CellHeld, ProblemList } from './problem.ts';

/** What one row of the form asks to record; null where its cells were left empty. */
export interface RowInput {
  readonly figure: {
    readonly entry: FigureEntry;
    readonly state: FigureState;
    /** The cell it was typed in: the figure's (F), or the reason's (G). */
    readonly cell: string;
  } | null;
  readonly assessment: Assessment | null;
}

const DASHES = /^[—―‐\-－−ー─]+$/;

/** A cell's content, as a problem names what it held. */
const held = (content: Exclude<CellContent, { kind: 'empty' }>): CellHeld =>
  content.kind === 'other'
    ? content
    : content.kind === 'text'
      ? content
      : { kind: 'number', value: content.value };

/**
 * Reads and checks a row's input cells; every problem is reported against its cell. `storedReason` is
 * the reason the store holds for the row's year, which the reason column takes back as it was even when
 * an earlier release stored it as free text not on today's list.
 */
export function readInputRow(
  sheet: Worksheet,
  row: number,
  first: boolean,
  unit: string | null,
  problems: ProblemList,
  storedReason: string | null = null,
): RowInput {
  const at = (column: number) => address(column, row);
  const content = (column: number) => cellContent(sheet.getCell(at(column)));
  const value = readValue(content(COL.value), at(COL.value), unit, problems);
  const reason = readReason(content(COL.reason), at(COL.reason), unit, problems, storedReason);
  const state = readState(content(COL.state), at(COL.state), problems);
  if (value && reason) {
    problems.error(at(COL.value), {
      code: 'figure-and-reason',
      valueCell: at(COL.value),
      reasonCell: at(COL.reason),
    });
  }
  const entry = value ?? reason;
  if (!entry && state) {
    problems.warning(at(COL.state), { code: 'state-without-figure', state });
  }
  return {
    figure: entry ? { entry, state: state ?? 'final', cell: at(value ? COL.value : COL.reason) } : null,
    assessment: first ? readAssessment(content(COL.status), content(COL.text), at, problems) : null,
  };
}

function readValue(content: CellContent, cell: string, unit: string | null, problems: ProblemList) {
  if (content.kind === 'empty') return null;
  if (content.kind === 'other') {
    problems.error(cell, { code: 'value-not-number', held: held(content) });
    return null;
  }
  if (content.kind === 'number') {
    const figure = figureFromCell(content.value, content.format);
    if (figure.ok) return { kind: 'value', value: figure.value } as const;
    problems.error(
      cell,
      figure.problem
        ? { code: 'figure', problem: figure.problem, column: 'value' }
        : { code: 'too-many-digits', value: figure.tooManyDigits, max: EXCEL_DIGITS },
    );
    return null;
  }
  const text = cellText(content.text, 'figure', cell, problems);
  if (text === null) return null;
  const entry = parseFigureEntry(text, unit);
  if (!entry.ok) {
    problems.error(cell, { code: 'figure', problem: entry.problem, column: 'value' });
    return null;
  }
  if (entry.value.kind === 'missing') {
    problems.error(cell, { code: 'value-is-reason', text: content.text.trim() });
    return null;
  }
  if (entry.value.kind === 'value' && entry.notes.length > 0) {
    problems.warning(cell, {
      code: 'read-as',
      text: content.text,
      value: entry.value.value,
      notes: entry.notes,
    });
  }
  return entry.value;
}

function readReason(
  content: CellContent,
  cell: string,
  unit: string | null,
  problems: ProblemList,
  storedReason: string | null,
): FigureEntry | null {
  if (content.kind === 'empty') return null;
  if (content.kind !== 'text') {
    problems.error(cell, { code: 'reason-not-text', held: held(content) });
    return null;
  }
  // The workbook was made with the stored reason in this cell: returned as it was, it is no change, even
  // when an earlier release stored it as free text that neither the list nor the text rule takes today.
  if (storedReason !== null && oneLine(content.text) === oneLine(storedReason)) {
    return { kind: 'missing', reason: storedReason };
  }
  // A reason typed over two lines of a cell (Alt+Enter) is one label.
  const reason = cellText(content.text.replace(/\s+/g, ' '), 'figure', cell, problems);
  if (reason === null) return null;
  const folded = reason.normalize('NFKC');
  if (folded === NONE_CHOICE.normalize('NFKC') || DASHES.test(folded)) return { kind: 'none' };
  const entry = parseFigureEntry(reason, unit);
  if (!entry.ok) {
    problems.error(cell, { code: 'figure', problem: entry.problem, column: 'reason' });
    return null;
  }
  if (entry.value.kind === 'value') {
    problems.error(cell, { code: 'reason-is-figure', text: reason });
    return null;
  }
  if (entry.value.kind === 'missing') return entry.value;
  return { kind: 'missing', reason };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function readState(content: CellContent, cell: string, problems: ProblemList): FigureState | null {
  if (content.kind === 'empty') return null;
  const text = content.kind === 'text' ? content.text.normalize('NFKC').trim() : '';
  if (text === STATE_LABELS.final) return 'final';
  if (text === STATE_LABELS.provisional || text === '見込み') return 'provisional';
  problems.error(cell, {
    code: 'state-unknown',
    held: content.kind === 'text' ? { kind: 'text', text } : held(content),
  });
  return null;
}

function readAssessment(
  statusCell: CellContent,
  textCell: CellContent,
  at: (column: number) => string,
  problems: ProblemList,
): Assessment | null {
  const status = assessmentText(statusCell, at(COL.status), 'assessment-status', problems);
  const text = assessmentText(textCell, at(COL.text), 'assessment-text', problems);
  if (status === undefined || text === undefined) return null;
  if (status && !text) {
    problems.error(at(COL.status), { code: 'status-without-text' });
    return null;
  }
  return text ? { status: status || null, text } : null;
}

/** The cell's text; '' when empty, undefined when it cannot be taken. */
function assessmentText(content: CellContent, cell: string, kind: TextFieldKind, problems: ProblemList) {
  if (content.kind === 'empty') return '';
  if (content.kind !== 'text') {
    problems.error(cell, { code: 'assessment-not-text', held: held(content) });
    return undefined;
  }
  return cellText(content.text, kind, cell, problems) ?? undefined;
}

/**
 * A text cell under the text-field rule: line ends unified, surrounding space dropped, then refused
 * (with the limit, or the place of the character) if too long or holding a character no text may hold.
 */
function cellText(raw: string, kind: TextFieldKind, cell: string, problems: ProblemList): string | null {
  const read = readTextField(kind, raw);
  if (read.ok) return read.value;
  problems.error(cell, { code: 'text', problem: read.problem });
  return null;
}
