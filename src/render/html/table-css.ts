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
