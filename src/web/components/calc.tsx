import { raw } from 'hono/html';
import { figureHtml } from '../../render/html/figures.ts';
import type { IdSource } from '../../render/html/ids.ts';

/**
 * A figure, and where it is computed, the formula behind it: the report's own markup (shown on hover and
 * on keyboard focus, announced as the figure's description), so the pages and the report cannot drift.
 */
export function Calc(props: { text: string; formula: string | null; ids: IdSource }) {
  return raw(figureHtml(props.text, props.formula, props.ids));
}
