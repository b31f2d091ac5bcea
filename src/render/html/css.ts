import { FONT_FAMILY } from './fonts.ts';
import { NARROW_TABLE_CSS, STATUS_CSS, TABLE_CSS } from './table-css.ts';

/**
 * The slide's size: 16:9 at 13.333 × 7.5 in, PowerPoint's widescreen, so that the PDF and the PPTX
 * pages match. 338.7 mm is 1280 CSS px, which is also the width the slides are drawn at on screen.
 */
export const SLIDE_WIDTH = '338.7mm';
export const SLIDE_HEIGHT = '190.5mm';

/**
 * Colours are chosen for contrast of 7:1 or more against their background (WCAG AAA for text), since the
 * report is often read printed in greyscale or projected in a bright room.
 */
export const REPORT_CSS = `
:root {
  --ink: #1a1a1a;
  --muted: #474747;
  --navy: #1f3f73;
  --rule: #7b8596;
  --header-bg: #e6ecf5;
  --achieved: #1b5a2c;
  --focus: #b34700;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: '${FONT_FAMILY}', 'Noto Sans CJK JP', sans-serif;
  color: var(--ink);
  background: #dfe3e8;
  line-height: 1.5;
  font-kerning: normal;
}
main { display: block; }
.slide {
  position: relative;
  display: flex;
  flex-direction: column;
  width: 1280px;
  max-width: 100%;
  min-height: 720px;
  margin: 24px auto;
  padding: 24px 56px 48px;
  background: #fff;
  box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
}
.running-head {
  margin: 0 0 18px;
  padding-bottom: 6px;
  border-bottom: 2px solid var(--navy);
  font-size: 15px;
  color: var(--muted);
}
.slide-body { display: flex; flex: 1; flex-direction: column; }
.draft-mark {
  position: absolute;
  top: 10px;
  right: 56px;
  z-index: 1;
  margin: 0;
  padding: 0 16px;
  border: 3px solid #b00020;
  background: #fff;
  color: #b00020;
  font-size: 24px;
  font-weight: 700;
  line-height: 1.4;
}
.slide-number { position: absolute; right: 32px; bottom: 14px; margin: 0; font-size: 13px; color: var(--muted); }
h1, h2, h3 { margin: 0; line-height: 1.35; }
h2 { margin-bottom: 14px; padding-left: 14px; border-left: 10px solid var(--navy); font-size: 30px; color: var(--navy); }
h2 .continued { font-size: 20px; font-weight: 400; color: var(--muted); }
h3 { margin: 12px 0 8px; font-size: 22px; }
h3::before {
  content: '';
  display: inline-block;
  width: 0.6em;
  height: 0.6em;
  margin-right: 0.4em;
  background: var(--navy);
  vertical-align: 0.05em;
}
${TABLE_CSS}.assessments { margin: 0; padding: 0; list-style: none; font-size: 18px; }
.assessments li { position: relative; margin: 0 0 8px; padding-left: 1.2em; }
.assessments li::before { content: ''; position: absolute; left: 0.2em; top: 0.6em; width: 0.45em; height: 0.45em; background: var(--ink); }
.assessments p { margin: 0; }
.assessments .lead { font-weight: 700; }
${STATUS_CSS}.slide-title .slide-body, .slide-closing .slide-body { justify-content: center; align-items: center; text-align: center; }
.slide-title h1 { padding: 28px 0; text-wrap: balance; border-top: 4px solid var(--navy); border-bottom: 4px solid var(--navy); font-size: 38px; color: var(--navy); }
.slide-title .subtitle { margin: 32px 0 0; font-size: 26px; }
.goals { display: grid; grid-template-columns: repeat(3, 1fr); gap: 28px; margin: 16px 0 0; padding: 0; list-style: none; }
.goals li { border: 2px solid var(--navy); }
.goals .goal-label { margin: 0; padding: 8px 16px; background: var(--navy); color: #fff; font-size: 20px; font-weight: 700; }
.goals .goal-title { min-height: 5.6em; margin: 0; padding: 16px; font-size: 24px; }
.summary-table { font-size: 22px; }
.summary-table td, .summary-table th { padding: 10px 12px; }
.slide-closing h2 { border: 0; padding: 0; font-size: 34px; color: var(--ink); }
.slide-closing .note { margin: 0; font-size: 22px; }
.slide-closing .rate { margin: 28px 0 0; font-size: 96px; font-weight: 700; color: var(--navy); line-height: 1.1; }
.chart { margin: 0; text-align: center; }
.chart svg { display: block; width: 780px; max-width: 100%; height: auto; margin: 0 auto; }
.chart-pace { width: 980px; max-width: 100%; margin: 6px auto 0; padding-left: 1.25em; text-align: left; font-size: 14px; line-height: 1.4; }
.chart-pace li { margin: 2px 0; }
.chart svg text { font-family: '${FONT_FAMILY}', 'Noto Sans CJK JP', sans-serif !important; }
.chart figcaption { margin-top: 6px; font-size: 13px; color: var(--muted); }
.diagnostics { margin: 0; padding: 0; list-style: none; font-size: 17px; }
.diagnostics li { margin: 0 0 8px; padding-left: 5.6em; text-indent: -5.6em; }
.severity { display: inline-block; width: 5em; margin-right: 0.6em; padding: 0 6px; border: 1px solid var(--ink); text-align: center; text-indent: 0; font-size: 14px; }
.severity-warning { border-width: 2px; font-weight: 700; }
@page { size: ${SLIDE_WIDTH} ${SLIDE_HEIGHT}; margin: 0; }
@media print {
  body { background: #fff; }
  .slide { width: ${SLIDE_WIDTH}; height: ${SLIDE_HEIGHT}; min-height: 0; margin: 0; overflow: hidden; box-shadow: none; break-after: page; }
  .slide:last-child { break-after: auto; }
  .formula { display: none !important; }
  .calc { position: static; }
  .calc-value { border-bottom: 0; }
}
@media screen and (max-width: 800px) {
  .slide { min-height: 0; padding: 16px; }
  .goals { grid-template-columns: 1fr; }
  .goals .goal-title { min-height: 0; }
  .figure .line { white-space: normal; }
  h2 { font-size: 22px; }
  .slide-title h1 { font-size: 26px; }
  .slide-closing .rate { font-size: 64px; }
}
${NARROW_TABLE_CSS}`;

/** The committee opinions' slides: added only to a report that has them, so other reports stay as they were. */
export const OPINIONS_CSS = `
.opinions { margin: 0; padding: 0; list-style: none; font-size: 17px; }
.opinions li { margin: 0 0 12px; padding-left: 12px; border-left: 4px solid var(--navy); }
.opinions p { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.opinion-kpi { font-weight: 700; }
.opinion-date { font-weight: 400; color: var(--muted); }
`;
