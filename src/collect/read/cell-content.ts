import type { Cell, CellValue } from 'exceljs';

/** What a cell holds, in the terms the reader decides on. */
export type CellContent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: string | undefined }
  /** A formula, a date, TRUE/FALSE or an error value: never a figure or a text to take. */
  | { readonly kind: 'other'; readonly what: OtherValue };

/** What a cell holds that is neither a number nor text, for each interface to word. */
export type OtherValue =
  | { readonly kind: 'formula' | 'date' | 'unknown' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string };

/** The English words for {@link OtherValue}: the CLI's, and the text read-only cells are compared by. */
export function otherValueText(what: OtherValue): string {
  switch (what.kind) {
    case 'formula':
      return 'a formula';
    case 'date':
      return 'a date';
    case 'boolean':
      return what.value ? 'TRUE' : 'FALSE';
    case 'error':
      return `the error value ${what.value}`;
    case 'unknown':
      return 'something that is not a value';
  }
}

export function cellContent(cell: Cell): CellContent {
  return valueContent(cell.value, cell.numFmt);
}

/** What a cell's value holds, given the number format it is shown with (for a cached formula result too). */
export function valueContent(value: CellValue, format: string | undefined): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value, format };
  if (typeof value === 'string')
    return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'other', what: { kind: 'boolean', value } };
  if (value instanceof Date) return { kind: 'other', what: { kind: 'date' } };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'other', what: { kind: 'formula' } };
  if ('error' in value) return { kind: 'other', what: { kind: 'error', value: String(value.error) } };
  if ('richText' in value) return textContent(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return textContent(richOrText(value.text));
  return { kind: 'other', what: { kind: 'unknown' } };
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
      return `(${otherValueText(content.what)})`;
  }
}
