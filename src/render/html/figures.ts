import type { Cell } from '../report-model.ts';
import { escapeHtml } from './escape.ts';
import type { IdSource } from './ids.ts';

/**
 * A figure, and where it is computed, the formula behind it: shown on hover and on keyboard focus (the
 * figure takes focus), and announced as the figure's description by screen readers.
 */
export function figureHtml(text: string, formula: string | null, ids: IdSource): string {
  if (formula === null) return escapeHtml(text);
  const id = ids.next('formula-');
  return (
    `<span class="calc"><span class="calc-value" tabindex="0" aria-describedby="${id}">${escapeHtml(text)}</span>` +
    `<span class="formula" role="tooltip" id="${id}">${escapeHtml(formula)}</span></span>`
  );
}

/** A table cell's lines (one per series), each with its own formula. */
export function cellHtml(cell: Cell, ids: IdSource): string {
  return cell.lines
    .map((line, i) => `<span class="line">${figureHtml(line, cell.formula?.[i] ?? null, ids)}</span>`)
    .join('');
}
