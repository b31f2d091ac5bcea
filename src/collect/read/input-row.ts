import type { Worksheet } from 'exceljs';
import { describeFigureNote, describeFigureProblem } from '../../core/figure-text-en.ts';
import { parseFigureEntry, type FigureEntry, type FigureProblem } from '../../core/figure-text.ts';
import { formatNumber } from '../../core/format.ts';
import { describeTextProblem } from '../../core/text-field-en.ts';
import { readTextField, type TextFieldKind } from '../../core/text-field.ts';
import type { Assessment } from '../../core/plan.ts';
import type { ObservationState } from '../../store/figures.ts';
import { figureFromCell } from '../figure-cell.ts';
import { COL, NONE_CHOICE, STATE_LABELS, address, columnLetter } from '../layout.ts';
import { cellContent, type CellContent } from './cell-content.ts';
import type { ProblemList } from './problem.ts';

/** What one row of the form asks to record; null where its cells were left empty. */
export interface RowInput {
  readonly figure: {
    readonly entry: FigureEntry;
    readonly state: ObservationState;
    /** The cell it was typed in: the figure's (F), or the reason's (G). */
    readonly cell: string;
  } | null;
  readonly assessment: Assessment | null;
}

const DASHES = /^[—―‐\-－−ー─]+$/;
const F = columnLetter(COL.value);
const G = columnLetter(COL.reason);
const J = columnLetter(COL.text);

/** Reads and checks a row's input cells; every problem is reported against its cell. */
export function readInputRow(
  sheet: Worksheet,
  row: number,
  first: boolean,
  unit: string | null,
  problems: ProblemList,
): RowInput {
  const at = (column: number) => address(column, row);
  const content = (column: number) => cellContent(sheet.getCell(at(column)));
  const value = readValue(content(COL.value), at(COL.value), unit, problems);
  const reason = readReason(content(COL.reason), at(COL.reason), unit, problems);
  const state = readState(content(COL.state), at(COL.state), problems);
  if (value && reason) {
    problems.error(
      at(COL.value),
      `both the figure (${F}${row}) and a reason for its absence (${G}${row}) are filled in; keep one of them.`,
    );
  }
  const entry = value ?? reason;
  if (!entry && state) {
    problems.warning(at(COL.state), `${STATE_LABELS[state]} is given but there is no figure; it is ignored.`);
  }
  return {
    figure: entry ? { entry, state: state ?? 'final', cell: at(value ? COL.value : COL.reason) } : null,
    assessment: first ? readAssessment(content(COL.status), content(COL.text), at, problems) : null,
  };
}

function readValue(content: CellContent, cell: string, unit: string | null, problems: ProblemList) {
  if (content.kind === 'empty') return null;
  if (content.kind === 'other') {
    problems.error(cell, `the cell holds ${content.what}; enter the figure itself as a number.`);
    return null;
  }
  if (content.kind === 'number') {
    const figure = figureFromCell(content.value, content.format);
    if (figure.ok) return { kind: 'value', value: figure.value } as const;
    problems.error(cell, figure.message);
    return null;
  }
  const text = cellText(content.text, 'figure', cell, problems);
  if (text === null) return null;
  const entry = parseFigureEntry(text, unit);
  if (!entry.ok) {
    problems.error(cell, figureProblemText(entry.problem, 'value'), undefined, entry.problem);
    return null;
  }
  if (entry.value.kind === 'missing') {
    problems.error(
      cell,
      `「${content.text.trim()}」 is not a number. Enter the figure alone, or leave ${F} empty and pick a reason in ${G} (未入力の理由).`,
    );
    return null;
  }
  if (entry.value.kind === 'value' && entry.notes.length > 0) {
    problems.warning(
      cell,
      `「${content.text}」 was read as ${formatNumber(entry.value.value)}: ${entry.notes.map(describeFigureNote).join('; ')}.`,
    );
  }
  return entry.value;
}

function readReason(
  content: CellContent,
  cell: string,
  unit: string | null,
  problems: ProblemList,
): FigureEntry | null {
  if (content.kind === 'empty') return null;
  if (content.kind !== 'text') {
    const what = content.kind === 'number' ? `the number ${content.value}` : content.what;
    problems.error(
      cell,
      `the cell holds ${what}; a figure goes in ${F}, and ${G} takes only a reason such as 未取得.`,
    );
    return null;
  }
  // A reason typed over two lines of a cell (Alt+Enter) is one label.
  const reason = cellText(content.text.replace(/\s+/g, ' '), 'figure', cell, problems);
  if (reason === null) return null;
  const folded = reason.normalize('NFKC');
  if (folded === NONE_CHOICE.normalize('NFKC') || DASHES.test(folded)) return { kind: 'none' };
  const entry = parseFigureEntry(reason, unit);
  if (!entry.ok) {
    problems.error(cell, figureProblemText(entry.problem, 'reason'), undefined, entry.problem);
    return null;
  }
  if (entry.value.kind === 'value') {
    problems.error(cell, `「${reason}」 is a figure; enter it in ${F} (実績値) and leave ${G} empty.`);
    return null;
  }
  if (entry.value.kind === 'missing') return entry.value;
  return { kind: 'missing', reason };
}

/** A refused figure or reason in the words of this reader's other problems, naming the column to use. */
function figureProblemText(problem: FigureProblem, column: 'value' | 'reason'): string {
  if (problem.code === 'unknown-reason') {
    return column === 'value'
      ? `「${problem.text}」 is not a number. Enter the figure alone, or leave ${F} empty and pick a reason in ${G} (未入力の理由).`
      : `「${problem.text}」 is not one of the reasons ${G} takes (${problem.reasons.join('、')}); pick one from the list.`;
  }
  const { message, hint } = describeFigureProblem(problem);
  return problem.code === 'qualified' ? `${message} ${hint}` : message;
}

function readState(content: CellContent, cell: string, problems: ProblemList): ObservationState | null {
  if (content.kind === 'empty') return null;
  const text = content.kind === 'text' ? content.text.normalize('NFKC').trim() : '';
  if (text === STATE_LABELS.final) return 'final';
  if (text === STATE_LABELS.provisional || text === '見込み') return 'provisional';
  const shown =
    content.kind === 'text'
      ? `「${text}」`
      : content.kind === 'number'
        ? String(content.value)
        : content.what;
  problems.error(cell, `${shown} is neither 確定 nor 見込; pick one from the list (empty means 確定).`);
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
    problems.error(at(COL.status), `a status phrase needs the assessment itself in ${J}.`);
    return null;
  }
  return text ? { status: status || null, text } : null;
}

/** The cell's text; '' when empty, undefined when it cannot be taken. */
function assessmentText(content: CellContent, cell: string, kind: TextFieldKind, problems: ProblemList) {
  if (content.kind === 'empty') return '';
  if (content.kind !== 'text') {
    const what = content.kind === 'number' ? `the number ${content.value}` : content.what;
    problems.error(cell, `the cell holds ${what}; write the text itself.`);
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
  const { message } = describeTextProblem(read.problem);
  problems.error(cell, `${message[0]?.toLowerCase() ?? ''}${message.slice(1)}`, read.problem);
  return null;
}
