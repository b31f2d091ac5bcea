import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, framedSlide, textOptions } from './frame.ts';
import { BODY_BOTTOM, COLOR, CONTENT_WIDTH, FONT_SIZE, MARGIN_X } from './style.ts';

type OverviewSlide = Extract<Slide, { kind: 'overview' }>;
type Goal = OverviewSlide['goals'][number];

/** Goals of one kind share a row, as the seed sets 基本目標 1–4 above 横断的な目標 1–2; long rows wrap. */
const PER_ROW = 4;
const GAP = 0.25;
const LABEL_HEIGHT = 0.5;

/** 基本目標 1 → 基本目標: the deck labels goals by kind and number. */
const kindOf = (goal: Goal): string => goal.label.replace(/\s*\d+$/, '');

function rowsOf(goals: readonly Goal[]): Goal[][] {
  const rows: Goal[][] = [];
  for (const goal of goals) {
    const last = rows[rows.length - 1];
    if (last?.[0] && kindOf(last[0]) === kindOf(goal) && last.length < PER_ROW) last.push(goal);
    else rows.push([goal]);
  }
  return rows;
}

/** 目 標: each goal as a labelled panel with its title. */
export function drawOverviewSlide(ctx: PptxContext, s: OverviewSlide): void {
  const slide = framedSlide(ctx);
  const top = addHeading(slide, ctx, s.heading) + 0.1;
  const rows = rowsOf(s.goals);
  const rowHeight = Math.min(2.3, (BODY_BOTTOM - top - GAP * (rows.length - 1)) / rows.length);
  rows.forEach((row, r) => {
    const y = top + r * (rowHeight + GAP);
    const w = (CONTENT_WIDTH - GAP * (row.length - 1)) / row.length;
    row.forEach((goal, i) => {
      const x = MARGIN_X + i * (w + GAP);
      slide.addText(goal.label, {
        ...textOptions(ctx, FONT_SIZE.overviewLabel),
        x,
        y,
        w,
        h: LABEL_HEIGHT,
        bold: true,
        color: COLOR.onAccent,
        fill: { color: COLOR.accent },
        align: 'center',
        valign: 'middle',
      });
      slide.addText(goal.title, {
        ...textOptions(ctx, FONT_SIZE.overviewTitle),
        x,
        y: y + LABEL_HEIGHT,
        w,
        h: rowHeight - LABEL_HEIGHT,
        margin: 8,
        fill: { color: COLOR.panelFill },
        line: { color: COLOR.border, width: 0.75 },
        align: 'center',
        valign: 'middle',
      });
    });
  });
}
