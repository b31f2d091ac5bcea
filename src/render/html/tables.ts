import type { KpiStatus } from '../../core/evaluation.ts';
import type { GoalTable, SummaryTable } from '../report-model.ts';
import { escapeHtml } from './escape.ts';
import { cellHtml, figureHtml } from './figures.ts';
import type { IdSource } from './ids.ts';

const headerRow = (header: readonly string[]): string =>
  `<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;

/**
 * 数値目標の状況について: the KPI name heads its row, so a screen reader names the row it reads from.
 * Figures never break inside; the name and the category (成果 比較 基準値) are words and may.
 */
export function goalTableHtml(table: GoalTable, labelledBy: string, ids: IdSource): string {
  const rows = table.rows.map((row) => {
    const [name, category, ...figures] = row.cells;
    const cells = [
      name ? `<th scope="row">${cellHtml(name, ids)}</th>` : '',
      category ? `<td class="category">${cellHtml(category, ids)}</td>` : '',
      ...figures.map((cell) => `<td class="figure">${cellHtml(cell, ids)}</td>`),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="goal-table" aria-labelledby="${labelledBy}">\n${headerRow(table.header)}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** The word always carries the status; achieved also gets weight and a mark, never colour alone. */
const statusClass = (status: KpiStatus | undefined): string =>
  status === 'achieved' ? ' class="status-achieved"' : '';

/** 全体の達成状況: per goal, each counted KPI's status, then the goal's rate with its formula. */
export function summaryTableHtml(table: SummaryTable, labelledBy: string, ids: IdSource): string {
  const rows = table.rows.map((row) => {
    const statuses = row.statuses.map(
      (text, i) => `<td${statusClass(row.goal.summary[i]?.status)}>${escapeHtml(text)}</td>`,
    );
    return (
      `<tr><th scope="row">${escapeHtml(row.label)}</th>${statuses.join('')}` +
      `<td>${figureHtml(row.rate, row.formula, ids)}</td></tr>`
    );
  });
  return `<table class="summary-table" aria-labelledby="${labelledBy}">\n${headerRow(table.header)}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
