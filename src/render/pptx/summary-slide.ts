import type { SummaryTable } from '../report-model.ts';
import type { Messages } from '../messages.ts';
import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, framedSlide } from './frame.ts';
import { noteLine } from './notes.ts';
import { addTable, layoutTableToFit, type CellSpec, type TableSpec } from './table.ts';
import { BODY_BOTTOM, COLOR, CONTENT_WIDTH, FONT_SIZE, MARGIN_X } from './style.ts';

/** The summary's font: larger than a goal table's, as it has few words and is read from afar. */
const SUMMARY_FONT_SIZE = FONT_SIZE.table + 2;

function summaryTableSpec(table: SummaryTable, messages: Messages): TableSpec {
  const achieved = messages.status('achieved');
  // Achieved cells are bold as well as shaded, so the table reads the same without colour.
  const status = (text: string): CellSpec =>
    text === achieved ? { lines: [text], bold: true, fill: COLOR.achievedFill } : { lines: [text] };
  const width = table.header.length;
  return {
    header: table.header,
    rows: table.rows.map((row) => [
      { lines: [row.label] },
      ...row.statuses.map(status),
      { lines: [row.rate], bold: true },
    ]),
    align: Array.from({ length: width }, (_, i) => (i === 0 ? 'left' : 'center')),
    wraps: Array.from({ length: width }, () => false),
    minRowHeight: 0.55,
  };
}

/** 全体の達成状況: per goal, the status of each KPI it counts, then the goal's rate. */
export function drawSummarySlide(ctx: PptxContext, s: Extract<Slide, { kind: 'summary' }>): void {
  const slide = framedSlide(ctx);
  const top = addHeading(slide, ctx, s.heading) + 0.1;
  const placed = layoutTableToFit(
    summaryTableSpec(s.table, ctx.messages),
    CONTENT_WIDTH,
    BODY_BOTTOM - top,
    SUMMARY_FONT_SIZE,
    ctx.lang,
  );
  addTable(slide, placed, MARGIN_X, top);
  const notes = s.table.rows.flatMap((row) =>
    row.formula ? [noteLine(ctx.messages, row.label, null, row.formula)] : [],
  );
  if (notes.length > 0) slide.addNotes(notes.join('\n'));
}
