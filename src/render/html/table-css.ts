/**
 * The report tables' one stylesheet, for the report's slides and the web pages alike (the pages set it
 * in their own text size after it; see web/assets/styles.ts): ruled cells, centred figures that never
 * break inside, the KPI's name on the left, and the formula tooltip on hover and keyboard focus.
 */
export const TABLE_CSS = `table { width: 100%; border-collapse: collapse; font-size: 18px; line-height: 1.4; }
th, td { padding: 6px 10px; border: 1px solid var(--rule); vertical-align: middle; }
thead th { background: var(--header-bg); font-weight: 700; text-align: center; }
tbody th { font-weight: 400; text-align: left; }
td { text-align: center; }
.line { display: block; }
.figure .line { white-space: nowrap; }
.goal-table .category { width: 7em; word-break: keep-all; }
.goal-table tbody th { width: 30%; }
.calc { position: relative; display: inline-block; }
.calc-value { border-bottom: 1px dotted currentColor; cursor: help; }
.calc-value:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.formula {
  display: none;
  position: absolute;
  z-index: 10;
  bottom: 100%;
  right: 0;
  margin-bottom: 4px;
  padding: 4px 10px;
  border-radius: 4px;
  background: var(--ink);
  color: #fff;
  font-size: 14px;
  font-weight: 400;
  white-space: nowrap;
}
.calc:hover .formula, .calc:focus-within .formula { display: block; }
.calc.dismissed .formula { display: none; }
`;

/** The word always carries the status; achieved also gets weight and a mark, never colour alone. */
export const STATUS_CSS = `.status-achieved { font-weight: 700; color: var(--achieved); }
.status-achieved::before {
  content: '';
  display: inline-block;
  width: 0.6em;
  height: 0.6em;
  margin-right: 0.3em;
  border-radius: 50%;
  background: currentColor;
}
`;

/**
 * Phones: a table wider than the screen scrolls sideways inside its own box, never the page. The KPI's
 * name (the row's header) stays put at the left while the figures scroll past it, and a shadow at an
 * edge says more lies that way: the gradients scroll with the content ('local') and cover the shadows
 * ('scroll') once that edge is reached, so no shadow shows on a table that fits. The report's slides
 * have no box around their tables, so there the table itself scrolls (it keeps its rows and columns,
 * laid out in the box the browser makes inside it). Screens only: print keeps the slide's layout.
 */
export const NARROW_TABLE_CSS = `@media screen and (max-width: 800px) {
  .slide table { display: block; max-width: 100%; overflow-x: auto; font-size: 15px; }
  .slide table, .table-scroll {
    background:
      linear-gradient(to right, #fff 30%, rgb(255 255 255 / 0%)) left center / 24px 100% no-repeat local,
      linear-gradient(to left, #fff 30%, rgb(255 255 255 / 0%)) right center / 24px 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 50%), transparent) left center / 16px 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 50%), transparent) right center / 16px 100% no-repeat scroll;
  }
  .slide table th, .slide table td { padding: 4px 6px; }
  tbody th, thead th:first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    min-width: 7em;
    max-width: 40vw;
    background: #fff;
    box-shadow: inset -2px 0 0 var(--rule);
  }
  thead th:first-child { background: var(--header-bg); }
  .goal-table tbody th { width: auto; min-width: 7em; }
}
`;
