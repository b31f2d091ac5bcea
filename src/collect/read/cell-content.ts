import type { Cell, CellValue } from 'exceljs';

/** What a cell holds, in the terms the reader decides on. */
export type CellContent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: string | undefined }
  /** A formula, a date, TRUE/FALSE or an error value: never a figure or a text to take. */
  | { readonly kind: 'other'; readonly what: string };

export function cellContent(cell: Cell): CellContent {
  const value: CellValue = cell.value;
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value, format: cell.numFmt };
  if (typeof value === 'string')
    return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'other', what: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', what: 'a date' };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'other', what: 'a formula' };
  if ('error' in value) return { kind: 'other', what: `the error value ${String(value.error)}` };
  if ('richText' in value) return textContent(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return textContent(richOrText(value.text));
  return { kind: 'other', what: 'something that is not a value' };
}

function richOrText(text: unknown): string {
  if (typeof text === 'string') return text;
  const runs = (text as { richText?: { text: string }[] } | null)?.richText;
  return Array.isArray(runs) ? runs.map((r) => r.text).join('') : '';
}

const textContent = (text: string): CellContent =>
  text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };

/** A cell as a person reads it, for comparing read-only cells with what the form had there. */
export function cellText(cell: Cell): string {
  const content = cellContent(cell);
  switch (content.kind) {
    case 'empty':
      return '';
    case 'text':
      return content.text;
    case 'number':
      return String(content.value);
    case 'other':
      return `(${content.what})`;
  }
}
