import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, framedSlide } from './frame.ts';
import { addTable, layoutTableToFit, type TableSpec } from './table.ts';
import { BODY_BOTTOM, CONTENT_WIDTH, FONT_SIZE, MARGIN_X } from './style.ts';

type OpinionsSlide = Extract<Slide, { kind: 'opinions' }>;

/** Characters of a KPI's name on one line of its column. */
const NAME_CHARS = 12;

const nameLines = (name: string): string[] =>
  Array.from({ length: Math.max(1, Math.ceil(name.length / NAME_CHARS)) }, (_, i) =>
    name.slice(i * NAME_CHARS, (i + 1) * NAME_CHARS),
  );

function opinionsTableSpec(ctx: PptxContext, s: OpinionsSlide): TableSpec {
  const c = ctx.messages.opinionColumns;
  return {
    header: [c.kpi, c.text],
    // The KPI's column keeps a name's width in short lines, so a long opinion beside it cannot squeeze it.
    rows: s.items.map((item) => [
      { lines: [...nameLines(item.kpi), item.date] },
      { lines: item.text.split('\n') },
    ]),
    align: ['left', 'left'],
    wraps: [false, true],
  };
}

/** 委員会意見: the committee's opinions published with the edition, the KPI beside each, as editable table rows. */
export function drawOpinionsSlide(ctx: PptxContext, s: OpinionsSlide): void {
  const slide = framedSlide(ctx);
  const heading = s.continued ? `${s.heading}${ctx.messages.continued}` : s.heading;
  const top = addHeading(slide, ctx, heading) + 0.1;
  addTable(
    slide,
    layoutTableToFit(opinionsTableSpec(ctx, s), CONTENT_WIDTH, BODY_BOTTOM - top, FONT_SIZE.table, ctx.lang),
    MARGIN_X,
    top,
  );
}
