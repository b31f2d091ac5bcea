import type { Cell, CellValue } from 'exceljs';
import type { DecimalString } from '../../core/decimal.ts';
import type { FigureProblem } from '../../core/figure-text.ts';
import { cellContent, valueContent, type CellContent } from '../read/cell-content.ts';
import { EXCEL_DIGITS, figureFromCell, numberFormat } from '../figure-cell.ts';

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
      // A computed result such as =0.1+0.2 (0.30000000000000004): Excel shows, and means, its first 15
      // significant digits, so that is the figure. A typed number has no more than 15 to begin with.
      const shown = Number.isFinite(content.value)
        ? Number(content.value.toPrecision(EXCEL_DIGITS))
        : content.value;
      const percent = /%\s*$/.test(content.format ?? '');
      const figure = figureFromCell(shown, percent ? undefined : plainFormat(content.format));
      if (!figure.ok) {
        const problem = figure.problem ?? { code: 'not-number' as const, text: String(content.value) };
        return { kind: 'bad-number', problem };
      }
      const decimal = percent ? percentOf(figure.value, formatDecimals(content.format)) : figure.value;
      return { kind: 'number', decimal, value: content.value };
    }
  }
}

/** The places a plain number format shows (0.00, #,##0.0), in the form figure-cell.ts reads. */
function plainFormat(format: string | undefined): string | undefined {
  const places = formatDecimals(format);
  return places === null ? format : places === 0 ? 'General' : numberFormat(places);
}

/** How many places a format such as 0.0, #,##0.00 or 0.0% shows; null for General and the rest. */
function formatDecimals(format: string | undefined): number | null {
  const match = /^(?:#,##)?0(?:\.(0+))?%?$/.exec((format ?? '').trim());
  return match ? (match[1]?.length ?? 0) : null;
}

/**
 * A cell shown as a percentage (0.743 with 0.0%) holds a hundredth of what it shows: the figure is what
 * is shown, 74.3, moved two places by its digits, never multiplied as a float.
 */
function percentOf(value: DecimalString, places: number | null): DecimalString {
  const negative = value.startsWith('-');
  const [integer = '0', fraction = ''] = value.replace('-', '').split('.');
  const digits = `${integer}${fraction.padEnd(2, '0')}`;
  const point = integer.length + 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  let rest = digits.slice(point);
  if (places !== null && rest.length < places) rest = rest.padEnd(places, '0');
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}` as DecimalString;
}
