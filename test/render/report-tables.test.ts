import { describe, expect, it } from 'vitest';
import { REPORT_CSS } from '../../src/render/html/css.ts';
import { IdSource } from '../../src/render/html/ids.ts';
import { STATUS_CSS, TABLE_CSS } from '../../src/render/html/table-css.ts';
import { goalTableHtml, summaryTableHtml } from '../../src/render/html/tables.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { goalTable, summaryTable } from '../../src/render/report-model.ts';
import { APP_CSS } from '../../src/web/assets/styles.ts';
import { GoalTableView, SummaryTableView } from '../../src/web/components/report-tables.tsx';
import { kitamotoR4 } from '../support/kitamoto.ts';

const messages = messagesFor('ja');
const kpiHref = (kpi: { id: string }) => `/kpis/${kpi.id}`;

/** What a reader reads in a cell: the text, without the markup and with the formulas apart. */
function cellTexts(html: string): string[] {
  return [...html.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) =>
    (m[1] ?? '').replace(/<span class="formula"[^>]*>.*?<\/span>/g, '').replace(/<[^>]+>/g, ''),
  );
}
const formulas = (html: string): string[] =>
  [...html.matchAll(/<span class="formula" role="tooltip" id="([^"]+)">(.*?)<\/span>/g)].map(
    (m) => m[2] ?? '',
  );

describe('the report tables, one rendering for the report and the web pages', () => {
  const evaluation = kitamotoR4();

  it('draws the same cells and formulas on a slide and on a page, the page linking each KPI to its page', () => {
    for (const goal of evaluation.goals) {
      const table = goalTable(goal, evaluation, messages);
      const slide = goalTableHtml(table, 'h', new IdSource());
      const page = goalTableHtml(table, 'h', new IdSource(), { on: 'page', kpiHref });
      expect(cellTexts(page)).toEqual(cellTexts(slide));
      expect(formulas(page)).toEqual(formulas(slide));
      expect(formulas(page).length).toBeGreaterThan(0);
      for (const row of table.rows) {
        expect(page).toContain(`<a href="/kpis/${row.kpi.id}">`);
        expect(slide).not.toContain('<a ');
      }
    }
    const summary = summaryTable(evaluation, messages);
    const slide = summaryTableHtml(summary, 'h', new IdSource());
    const page = summaryTableHtml(summary, 'h', new IdSource(), { on: 'page' });
    expect(cellTexts(page)).toEqual(cellTexts(slide));
    expect(formulas(page)).toEqual(formulas(slide));
  });

  it('gives the web pages that same table inside a scroll region a keyboard can reach', async () => {
    const goal = evaluation.goals[0];
    if (!goal) throw new Error('the seed has goals');
    const table = goalTable(goal, evaluation, messages);
    const view = String(
      await GoalTableView({ table, labelledBy: 'h', kpiHref, ids: new IdSource() }).toString(),
    );
    expect(view).toBe(
      `<div class="table-scroll" role="region" aria-labelledby="h" tabindex="0">` +
        `${goalTableHtml(table, 'h', new IdSource(), { on: 'page', kpiHref })}</div>`,
    );
    const summary = summaryTable(evaluation, messages);
    const summaryView = String(
      await SummaryTableView({ table: summary, labelledBy: 's', ids: new IdSource() }).toString(),
    );
    expect(summaryView).toContain(summaryTableHtml(summary, 's', new IdSource(), { on: 'page' }));
  });

  it('keeps every id unique where formulas appear, so each tooltip describes its own figure', () => {
    const ids = new IdSource();
    const html = evaluation.goals
      .map((goal) => goalTableHtml(goalTable(goal, evaluation, messages), 'h', ids))
      .join('');
    const used = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(used).size).toBe(used.length);
  });

  it('has one stylesheet: the report and the app both carry it, and neither restates its rules', () => {
    for (const css of [REPORT_CSS, APP_CSS]) {
      expect(css).toContain(TABLE_CSS);
      expect(css).toContain(STATUS_CSS);
      // A rule at the start of a line is the stylesheet's own; a page may then set sizes, never restate one.
      for (const rule of ['.formula {', '.calc {', '.status-achieved {', '.line {', 'td {']) {
        const escaped = rule.replace(/[.{]/g, (c) => `\\${c}`);
        expect(css.match(new RegExp(`^${escaped}`, 'gm'))?.length, rule).toBe(1);
      }
    }
  });
});
