/**
 * The KPI board's styles: states carried by a word and a colour together (the word alone suffices, for
 * print in black and white and for readers who do not see the colour), text at 7:1 against its tint;
 * and a print layout with the table alone, on landscape pages, its header repeated on each.
 */
export const BOARD_CSS = `
.board-filters { margin: 0 0 1rem; padding: 0.75rem 1rem; border: 1px solid var(--rule); border-radius: 4px; }
.board-filters h2 { margin-top: 0; font-size: 1.125rem; }
.board-filter-row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.board-filter-row .field { flex: 1 1 12rem; min-width: 0; }
.board-filter-row select { width: 100%; }
.board-count { margin: 0.5rem 0; }
.board-csv { white-space: nowrap; }
.board-scroll { position: relative; }
.kpi-board { border-collapse: collapse; width: 100%; }
.kpi-board th, .kpi-board td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
.kpi-board thead th { background: var(--header-bg); white-space: nowrap; }
.kpi-board th[scope="row"] { min-width: 12rem; font-weight: 400; }
.kpi-board td.number { text-align: right; white-space: nowrap; }
.kpi-board .line { display: block; }
.kpi-board .board-goal { white-space: nowrap; }
.kpi-board .board-diagnostics { min-width: 14rem; font-size: 0.875rem; }
.kpi-board .board-diagnostics ul { margin: 0; padding-left: 1.1rem; }
.sort-link { color: inherit; }
.state { display: inline-block; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 3px; white-space: nowrap; font-weight: 700; }
.state-achieved { color: #1b5a2c; background: #e3f2e6; }
.state-achieved::before { content: '✓ '; }
.state-not-achieved { color: #8a1116; background: #fbe9ea; }
.state-not-evaluated { color: #3d3d3d; background: #efefef; font-weight: 400; }
.state-entry-not-entered { color: #8a1116; background: #fff; font-weight: 400; }
.state-entry-partial { color: #6b4000; background: #fff6dc; }
.state-entry-entered { color: #1f3f73; background: #e6ecf5; font-weight: 400; }
.state-entry-submitted { color: #1f3f73; background: #e6ecf5; }
.state-entry-returned { color: #8a1116; background: #fbe9ea; }
.state-entry-approved { color: #1b5a2c; background: #e3f2e6; }
.kpi-board .board-department { min-width: 6em; }
/* On a phone each KPI is a card: its name, then each column's heading beside its value. */
@media screen and (max-width: 40rem) {
  .board-scroll { overflow: visible; }
  .kpi-board, .kpi-board tbody, .kpi-board tr { display: block; width: 100%; }
  .kpi-board thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .kpi-board caption { display: block; text-align: left; }
  .kpi-board tr { margin: 0 0 0.75rem; border: 1px solid var(--rule); border-radius: 4px; }
  .kpi-board th[scope="row"] { display: block; min-width: 0; border: 0; background: var(--header-bg); font-weight: 700; }
  .kpi-board td { display: grid; grid-template-columns: 7.5em minmax(0, 1fr); gap: 0 0.5rem; border: 0; border-top: 1px solid #c9ced6; }
  .kpi-board td::before { content: attr(data-label); grid-row: 1 / span 20; font-weight: 700; color: var(--muted); }
  .kpi-board td.number { text-align: left; white-space: normal; }
  .kpi-board .board-goal, .kpi-board .board-department, .kpi-board .board-diagnostics { min-width: 0; white-space: normal; }
  .kpi-board .state { justify-self: start; }
}
.summary-kpi { display: block; font-size: 0.8125rem; line-height: 1.4; min-width: 8rem; max-width: 13rem; margin: 0 auto; white-space: normal; }
.opinions { margin: 1.5rem 0; }
.opinions blockquote { margin: 0.5rem 0 1rem; padding: 0.5rem 1rem; border-left: 4px solid var(--navy); background: #f5f7fb; }
.opinions blockquote p { margin: 0; white-space: pre-wrap; }
.opinion-kpi { font-weight: 700; }
.comment-marked { font-weight: 700; color: #1b5a2c; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .board-filters, .board-years, .board-csv, .signed-in { display: none !important; }
  .kpi-board { font-size: 9pt; }
  .kpi-board thead { display: table-header-group; }
  .kpi-board tr { break-inside: avoid; }
  .kpi-board a { color: inherit; text-decoration: none; }
  .sort-link [aria-hidden] { display: none; }
  .state { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
