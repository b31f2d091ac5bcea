import type { DecimalString } from '../core/decimal.ts';
import { figureFromNumber, type FigureProblem } from '../core/figure-text.ts';

/** Excel keeps a number to 15 significant digits; a longer one was not typed as it reads. */
export const EXCEL_DIGITS = 15;

/** A number cell's figure; or why it cannot be one, for each interface to word. */
export type CellFigure =
  | { readonly ok: true; readonly value: DecimalString }
  | { readonly ok: false; readonly problem: FigureProblem }
  | { readonly ok: false; readonly problem: null; readonly tooManyDigits: string };

const stripZeros = (value: string): string => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

/** The number format that shows a series's figures with its decimals: 19 typed shows as 19.00. */
export function numberFormat(decimals: number): string {
  return decimals === 0 ? 'General' : `#,##0.${'0'.repeat(decimals)}`;
}

/** The decimals a number format shows, where it is one of ours; null for General and anything else. */
export function formatDecimals(format: string | undefined): number | null {
  const match = /^#,##0\.(0+)$/.exec(format ?? '');
  return match ? (match[1] as string).length : null;
}

/**
 * A stored figure as an Excel cell: a number where the float holds exactly the same digits (the one
 * place a figure passes through Number), otherwise its text, which the reader parses like any typing.
 */
export function figureCellValue(value: DecimalString): number | string {
  const number = Number(value);
  const back = figureFromNumber(number);
  return back.ok && stripZeros(back.value) === stripZeros(value) ? number : value;
}

/**
 * Reads a number cell as the decimal a person sees: the float's shortest digits, padded to the decimals
 * the cell's format shows (never cut). More than 15 significant digits cannot have been typed exactly.
 */
export function figureFromCell(number: number, format: string | undefined): CellFigure {
  const figure = figureFromNumber(number);
  if (!figure.ok) return { ok: false, problem: figure.problem };
  const digits = figure.value.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > EXCEL_DIGITS) return { ok: false, problem: null, tooManyDigits: figure.value };
  const decimals = formatDecimals(format);
  if (decimals === null) return { ok: true, value: figure.value };
  const [integer = '', fraction = ''] = figure.value.split('.');
  if (fraction.length >= decimals) return { ok: true, value: figure.value };
  return { ok: true, value: `${integer}.${fraction.padEnd(decimals, '0')}` as DecimalString };
}
