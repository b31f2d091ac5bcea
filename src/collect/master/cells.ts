import type { Cell, CellValue } from 'exceljs';
import type { DecimalString } from '../../core/decimal.ts';
import type { FigureProblem } from '../../core/figure-text.ts';
import { cellContent, valueContent, type CellContent } from '../read/cell-content.ts';
import { EXCEL_DIGITS, figureFromCell } from '../figure-cell.ts';

/**
 * A master cell's content. Unlike a department's form, the office's own master may compute a cell
 * (=前年度+…): a formula is read as the result Excel saved with it, as a person sees it. A formula
 * never calculated (no saved result) is refused like a date or an error value.
 */
export function masterCell(cell: Cell): CellContent {
  const value = cell.value as CellValue;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { kind: 'other', what: { kind: 'formula' } };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { kind: 'other', what: { kind: 'error', value: String((result as { error: unknown }).error) } };
    }
    return valueContent(result as CellValue, cell.numFmt);
  }
  return cellContent(cell);
}

/** What a cell gives a plan value: text trimmed, or a number as the decimal a person sees in it. */
export type CellTake =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  /** A number cell: `decimal` exactly as shown (19 with format 0.00 is 19.00), never through float arithmetic. */
  | { readonly kind: 'number'; readonly decimal: DecimalString; readonly value: number }
  | { readonly kind: 'bad'; readonly content: Extract<CellContent, { kind: 'other' }> }
  /** A number no figure can be (beyond the digits a figure may have), as the figure rule words it. */
  | { readonly kind: 'bad-number'; readonly problem: FigureProblem };

export function takeCell(content: CellContent): CellTake {
  switch (content.kind) {
    case 'empty':
      return content;
    case 'other':
      return { kind: 'bad', content };
    case 'text': {
      const text = content.text.trim();
      return text === '' ? { kind: 'empty' } : { kind: 'text', text };
    }
    case 'number': {
      const figure = figureFromCell(content.value, content.format);
      if (figure.ok) return { kind: 'number', decimal: figure.value, value: content.value };
      if (figure.problem) return { kind: 'bad-number', problem: figure.problem };
      // A computed result such as =0.1+0.2 (0.30000000000000004): Excel shows, and means, its first 15
      // significant digits, so that is the figure. Typed numbers never get here: Excel keeps 15 digits.
      const shown = figureFromCell(Number(content.value.toPrecision(EXCEL_DIGITS)), content.format);
      if (shown.ok) return { kind: 'number', decimal: shown.value, value: content.value };
      return { kind: 'bad-number', problem: { code: 'not-number', text: String(content.value) } };
    }
  }
}
