import type { KpiResult, KpiStatus } from '../../core/evaluation.ts';
import type { GoalTable, SummaryTable } from '../report-model.ts';
import { escapeHtml } from './escape.ts';
import { cellHtml, figureHtml } from './figures.ts';
import type { IdSource } from './ids.ts';

/**
 * Where a table is drawn. A report slide (the HTML and PDF report) has no other pages to link to and fixes
 * the category column at the slide's width; a web page links each KPI's name to its page and, as in its
 * other tables, sets the rate on the right. Both draw the same cells from report-model.
 */
export type TablePlace =
  | { readonly on: 'slide' }
  | {
      readonly on: 'page';
      /** The address of a KPI's own page, which its name links to. */
      readonly kpiHref: (kpi: KpiResult) => string;
    };

const SLIDE: TablePlace = { on: 'slide' };

const headerRow = (header: readonly string[]): string =>
  `<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;

const tableHtml = (kind: string, labelledBy: string, header: readonly string[], rows: readonly string[]) =>
  `<table class="${kind}" aria-labelledby="${labelledBy}">\n${headerRow(header)}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;

/**
 * 数値目標の状況について: the KPI name heads its row, so a screen reader names the row it reads from.
 * Figures never break inside; the name and the category (成果 比較 基準値) are words and may.
 */
export function goalTableHtml(
  table: GoalTable,
  labelledBy: string,
  ids: IdSource,
  place: TablePlace = SLIDE,
): string {
  const rows = table.rows.map((row) => {
    const [name, category, ...figures] = row.cells;
    const cells =
      place.on === 'page'
        ? [
            // What follows the name in the report (「（暦年）」, 「（累計）」) follows the link here.
            `<th scope="row"><a href="${escapeHtml(place.kpiHref(row.kpi))}">${escapeHtml(row.kpi.name)}</a>${(
              name?.lines.slice(1) ?? []
            )
              .map((note) => `<span class="kpi-note">${escapeHtml(note)}</span>`)
              .join('')}</th>`,
            `<td>${category ? cellHtml(category, ids) : ''}</td>`,
          ]
        : [
            name ? `<th scope="row">${cellHtml(name, ids)}</th>` : '',
            category ? `<td class="category">${cellHtml(category, ids)}</td>` : '',
          ];
    cells.push(...figures.map((cell) => `<td class="figure">${cellHtml(cell, ids)}</td>`));
    return `<tr>${cells.join('')}</tr>`;
  });
  return tableHtml('goal-table', labelledBy, table.header, rows);
}

/** The word always carries the status; achieved also gets weight and a mark, never colour alone. */
export const statusClassName = (status: KpiStatus | undefined): string | undefined =>
  status === 'achieved' ? 'status-achieved' : undefined;

const classAttribute = (name: string | undefined): string => (name ? ` class="${name}"` : '');

/** 全体の達成状況: per goal, each counted KPI's status, then the goal's rate with its formula. */
export function summaryTableHtml(
  table: SummaryTable,
  labelledBy: string,
  ids: IdSource,
  place: Pick<TablePlace, 'on'> | TablePlace = SLIDE,
): string {
  const rateClass = classAttribute(place.on === 'page' ? 'number' : undefined);
  // On a page, each numbered cell names its KPI and links to it, so a reader sees which KPI is which.
  const kpiHref = 'kpiHref' in place ? place.kpiHref : null;
  const named = (kpi: KpiResult | undefined): string =>
    kpi && kpiHref
      ? `<a class="summary-kpi" href="${escapeHtml(kpiHref(kpi))}">${escapeHtml(kpi.name)}</a>`
      : '';
  const rows = table.rows.map((row) => {
    const statuses = row.statuses.map(
      (text, i) =>
        `<td${classAttribute(statusClassName(row.goal.summary[i]?.status))}>${escapeHtml(text)}${named(row.goal.summary[i])}</td>`,
    );
    return (
      `<tr><th scope="row">${escapeHtml(row.label)}</th>${statuses.join('')}` +
      `<td${rateClass}>${figureHtml(row.rate, row.formula, ids)}</td></tr>`
    );
  });
  return tableHtml('summary-table', labelledBy, table.header, rows);
}
