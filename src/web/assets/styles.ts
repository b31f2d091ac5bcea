import { NARROW_TABLE_CSS, STATUS_CSS, TABLE_CSS } from '../../render/html/table-css.ts';
import { BOARD_CSS } from './board-styles.ts';

/**
 * The app's one stylesheet, for the public and the staff pages alike. Text colours reach 7:1 against
 * their background and borders 3:1 (WCAG 1.4.3, 1.4.11); every focusable element shows a 3px outline;
 * states are carried by words and marks, never by colour alone (1.4.1).
 */
export const APP_CSS = `
:root {
  --ink: #1a1a1a;
  --muted: #4a4a4a;
  --navy: #1f3f73;
  --link: #1a4f9c;
  --link-visited: #5b2a86;
  --rule: #6f7a8c;
  --header-bg: #e6ecf5;
  --focus: #b34700;
  --achieved: #1b5a2c;
  --error: #a4161a;
  --note-bg: #fff6dc;
  --note-rule: #7a5200;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: 'Noto Sans JP', 'Noto Sans CJK JP', sans-serif;
  color: var(--ink);
  background: #fff;
  line-height: 1.7;
  font-kerning: normal;
}
a { color: var(--link); text-underline-offset: 0.2em; }
a:visited { color: var(--link-visited); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link {
  position: absolute; left: 1rem; top: -10rem; z-index: 100;
  padding: 0.5rem 1rem; background: #fff; color: var(--link); font-weight: 700;
}
.skip-link:focus { top: 1rem; }

.site-header { background: var(--navy); color: #fff; }
.site-header :focus-visible { outline-color: #fff; }
.site-header a, .site-header a:visited { color: #fff; }
.header-inner, .site-nav ul, .site-footer .footer-inner, main {
  max-width: 72rem; margin: 0 auto; padding-left: 1.25rem; padding-right: 1.25rem;
}
.header-inner {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 2rem;
  padding-top: 0.75rem; padding-bottom: 0.75rem;
}
.site-title { margin: 0; font-size: 1.25rem; font-weight: 700; line-height: 1.4; }
.site-title a { text-decoration: none; }
.site-title a:hover { text-decoration: underline; }
.site-tagline { display: block; font-size: 0.875rem; font-weight: 400; }
.header-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
.lang-switch ul { display: flex; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.lang-switch a { display: inline-block; padding: 0.25rem 0.75rem; border: 1px solid #fff; border-radius: 4px; }
.lang-switch a[aria-current] { background: #fff; color: var(--navy); font-weight: 700; }
.site-nav { background: var(--header-bg); border-bottom: 1px solid var(--rule); }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0 1.5rem; list-style: none; padding-top: 0.5rem; padding-bottom: 0.5rem; }
.site-nav a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }

main { display: block; padding-top: 1.5rem; padding-bottom: 3rem; }
main:focus { outline: none; }
h1 { margin: 0.5rem 0 1rem; font-size: 1.75rem; line-height: 1.4; color: var(--navy); }
.h1-sub { display: block; margin-top: 0.25rem; font-size: 1.125rem; font-weight: 400; color: var(--muted); }
h2 { margin: 2.5rem 0 1rem; padding-bottom: 0.25rem; border-bottom: 3px solid var(--navy); font-size: 1.375rem; line-height: 1.4; }
h3 { margin: 1.5rem 0 0.5rem; font-size: 1.125rem; }
.lead { margin: 0 0 1rem; color: var(--muted); }
.breadcrumbs ol { display: flex; flex-wrap: wrap; margin: 0 0 0.5rem; padding: 0; list-style: none; font-size: 0.9375rem; }
/* Decorative: the alternative text after the slash is empty, so screen readers skip the mark. */
.breadcrumbs li + li::before { content: '›'; content: '›' / ''; margin: 0 0.5rem; color: var(--muted); }

.notice { margin: 1rem 0; padding: 0.75rem 1rem; border: 1px solid var(--note-rule); border-left-width: 6px; background: var(--note-bg); }
.notice p { margin: 0; }
.notice p + p { margin-top: 0.5rem; }
.notice-label { font-weight: 700; }

.rate-figure { margin: 0; font-size: 3rem; font-weight: 700; line-height: 1.2; color: var(--navy); }
.meta { margin: 0 0 1rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; margin: 0 0 1rem; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }

.table-scroll { max-width: 100%; overflow-x: auto; margin: 0 0 1rem; }
${TABLE_CSS}${STATUS_CSS}/* A page's tables are as wide as their content, in the page's text size; a slide's fill the slide. */
table { width: auto; font-size: 0.9375rem; line-height: 1.5; }
th, td { padding: 0.4rem 0.75rem; }
thead th { white-space: nowrap; }
.calc-value { border-bottom-width: 2px; }
caption { padding: 0 0 0.5rem; text-align: left; font-weight: 700; }
td.number { text-align: right; white-space: nowrap; }
.goal-table tbody th { width: auto; min-width: 14em; }
.goal-table tbody th .kpi-note { display: block; }
.rates-table tbody th { min-width: 12em; }
/* A revised target's note (※目標値を上方修正…) wraps inside the figure's cell instead of widening it. */
td.number .revision { white-space: normal; text-align: left; min-width: 10em; font-size: 0.875rem; }
.revision-history .revision-note { min-width: 14em; }
.revision-history tbody th, .revision-history td { white-space: nowrap; }
.revision-history td.revision-note { white-space: pre-line; }
.summary-table td, .summary-table th { white-space: nowrap; }
/* Across years: the trend's table, a KPI's years and the comparison; a change in words, mark and colour. */
.trend-table tbody th, .compare-table tbody th { min-width: 12em; }
.edition-note { font-weight: 400; font-size: 0.875rem; color: var(--muted); }
.change, .compare-table td, .kpi-years-table th, .kpi-years-table td { white-space: nowrap; }
.change-improved, .change-new { font-weight: 700; color: var(--achieved); }
.change-worsened, .change-dropped { font-weight: 700; color: var(--error); }
.compare-form { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-end; }
.compare-form select { max-width: 100%; }
.indicator-table tr.highlighted th, .indicator-table tr.highlighted td { background: #fdf0ec; }
.indicator-table td.number { white-space: nowrap; }
.chart svg.chart-narrow { display: none; max-width: 24rem; }
@media (max-width: 40rem) {
  .chart svg.chart-wide { display: none; }
  .chart svg.chart-narrow { display: block; }
  .trend-table tbody th, .compare-table tbody th { min-width: 8em; }
}

.help { font-size: 0.875rem; color: var(--muted); }

.assessments { margin: 0; padding-left: 1.5rem; }
.assessments li { margin: 0 0 0.75rem; }
.assessments p { margin: 0; }
.assessment-lead { font-weight: 700; }
.assessment-text { white-space: pre-line; }

.chart { margin: 0 0 1rem; }
.chart svg { display: block; width: 100%; max-width: 48rem; height: auto; }
.chart-scroll { max-width: 48rem; overflow-x: auto; }
.chart-scroll svg { min-width: 34rem; }
.chart svg text { font-family: 'Noto Sans JP', 'Noto Sans CJK JP', sans-serif !important; }
.chart figcaption { margin-top: 0.5rem; font-size: 0.875rem; color: var(--muted); }
.chart-pace { max-width: 48rem; margin: 0.5rem 0 0; padding-left: 1.25rem; }
.chart-pace li { margin: 0.25rem 0; }

.year-list, .download-list, .plain-list { margin: 0; padding-left: 1.5rem; }
.bulk-progress progress { display: block; width: 100%; max-width: 40rem; height: 1.25rem; }
.bulk-refused > li { margin-bottom: 0.75rem; overflow-wrap: anywhere; }
.bulk-file { margin: 0; font-weight: 700; }
.year-list li, .download-list li { margin: 0.25rem 0; }
.year-list ul { padding-left: 1.5rem; }
.year-list [aria-current] { font-weight: 700; }
.file-type { color: var(--muted); font-size: 0.875rem; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 2.5rem; }

label { display: block; margin: 0 0 0.25rem; font-weight: 700; }
input, select, textarea, button { font: inherit; }
input, select, textarea { padding: 0.4rem 0.6rem; border: 1px solid #595959; border-radius: 4px; color: var(--ink); background: #fff; }
/* A long option (a plan's full title) must not push a narrow page sideways. */
select { max-width: 100%; }
textarea { width: 100%; min-height: 6rem; }
button, .button {
  display: inline-block; padding: 0.5rem 1.25rem; border: 2px solid var(--navy); border-radius: 4px;
  background: var(--navy); color: #fff; font-weight: 700; cursor: pointer; text-decoration: none;
}
button.secondary, .button.secondary { background: #fff; color: var(--navy); }
.field { margin: 0 0 1rem; }
.field-error { color: var(--error); font-weight: 700; }
.grid-scroll { position: relative; }
.grid-entry td, .grid-entry th { vertical-align: top; text-align: left; }
.grid-entry td.number { text-align: right; }
.grid-entry tbody.grid-kpi { border-top: 2px solid #595959; }
.grid-entry th[scope="rowgroup"] { min-width: 10rem; max-width: 18rem; }
.grid-entry input[type="text"] { width: 8rem; }
.grid-entry .field-error, .grid-entry .help { max-width: 22rem; font-size: 0.875rem; }
.grid-entry .cell-label {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.grid-assessment-fields { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.grid-assessment-fields label { display: block; }
.grid-assessment-fields .grid-text { flex: 1 1 20rem; }
.grid-assessment-fields input[type="text"] { width: 14rem; }
/* Deadlines and notices: the words say it (期限超過, 未読); the colour and the border only repeat it. */
.overdue { color: var(--error); font-weight: 700; }
.overdue-summary { border-color: var(--error); background: #fdecec; }
.overdue-summary ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }
.badge-overdue {
  display: inline-block; margin-left: 0.5rem; padding: 0 0.5rem; border: 1px solid var(--error);
  border-radius: 3px; color: var(--error); background: #fff; font-size: 0.875rem; font-weight: 700;
}
.notices-link.unread { font-weight: 700; text-decoration-thickness: 2px; }
.notice-list { list-style: none; margin: 0; padding: 0; }
.notice-list > li { margin: 0 0 0.75rem; padding: 0.75rem 1rem; border: 1px solid var(--rule); border-left-width: 6px; }
.notice-list > li.unread { border-left-color: var(--navy); background: #f3f6fb; }
.notice-list p { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
.notice-list .notice-note { white-space: pre-wrap; overflow-wrap: anywhere; }
.notice-list form { margin-top: 0.25rem; }
.mail-failed { color: var(--error); }
/* On a phone each KPI is a card: its cells stacked, every input with its label in view. */
@media (max-width: 40rem) {
  .grid-entry, .grid-entry tbody, .grid-entry tr, .grid-entry td, .grid-entry th { display: block; width: auto; max-width: none; }
  .grid-entry thead { display: none; }
  .grid-entry caption { display: block; }
  .grid-entry th[scope="rowgroup"] { max-width: none; min-width: 0; font-weight: 700; }
  .grid-entry tbody.grid-kpi { margin: 0 0 1rem; }
  .grid-entry td.number { text-align: left; }
  .grid-entry td[data-label]::before { content: attr(data-label) "："; font-weight: 700; }
  .grid-entry .cell-label { position: static; width: auto; height: auto; margin: 0; overflow: visible; clip: auto; white-space: normal; display: block; font-weight: 700; }
  .grid-entry input[type="text"], .grid-entry select, .grid-assessment-fields input[type="text"] { width: 100%; }
}
.spaced { margin-top: 2rem; }

.plan-search { margin: 0 0 1rem; }
.plan-search .search-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.plan-search input[type="search"] { flex: 1 1 16rem; min-width: 0; }
.plan-list th[scope="row"] { min-width: 14rem; }
.plan-list td { white-space: nowrap; }
.pagination ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; list-style: none; padding: 0; margin: 1rem 0; }
.pagination a, .pagination [aria-current] { display: inline-block; min-width: 2.75rem; padding: 0.5rem; text-align: center; }
.pagination [aria-current] { font-weight: 700; border: 2px solid var(--navy); border-radius: 4px; }
.prefecture-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.25rem 1.5rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.prefecture-list li { display: flex; justify-content: space-between; gap: 0.5rem; padding: 0.375rem 0; border-bottom: 1px solid var(--rule); }
.prefecture-list .count { color: var(--muted); white-space: nowrap; }
.empty-prefectures { margin: 0 0 1rem; }
.empty-prefectures summary { cursor: pointer; padding: 0.375rem 0; }
.directory-links { margin: 0 0 1rem; }
.choice-nav { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; margin: 0 0 0.75rem; }
.choice-label { font-weight: 700; }
.inline-list { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; padding: 0; margin: 0; }
.inline-list a, .inline-list [aria-current] { display: inline-block; padding: 0.25rem 0; }
.inline-list [aria-current] { font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; }
.rate-table tr.highlighted > * { background: #e8eef8; font-weight: 700; }
.rate-table .code-note { display: block; color: var(--muted); font-size: 0.8125rem; font-weight: 400; }
.rate-table .tie, .sort-mark { color: var(--muted); font-size: 0.8125rem; }
.highlight-standing p { font-weight: 700; }

.error-page .error-message { font-size: 1.125rem; }
.site-footer { border-top: 1px solid var(--rule); background: var(--header-bg); font-size: 0.875rem; }
.site-footer .footer-inner { padding-top: 1rem; padding-bottom: 1.5rem; }
.site-footer p { margin: 0.25rem 0; }

${NARROW_TABLE_CSS}@media (max-width: 40rem) {
  h1 { font-size: 1.5rem; }
  .rate-figure { font-size: 2.25rem; }
  .facts { grid-template-columns: 1fr; }
}
@media print {
  .site-nav, .lang-switch, .skip-link, .formula, .help { display: none !important; }
  .site-header { background: none; color: var(--ink); }
  .site-header a { color: var(--ink); }
  .table-scroll { overflow: visible; }
}
${BOARD_CSS}`;
