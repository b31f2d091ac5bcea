import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, framedSlide } from './frame.ts';
import { addTable, layoutTableToFit, type TableSpec } from './table.ts';
import { BODY_BOTTOM, COLOR, CONTENT_WIDTH, FONT_SIZE, MARGIN_X } from './style.ts';

type DiagnosticsSlide = Extract<Slide, { kind: 'diagnostics' }>;

function diagnosticsTableSpec(s: DiagnosticsSlide): TableSpec {
  return {
    header: null,
    // Warnings are bold as well as shaded, so the table reads the same without colour.
    rows: s.items.map((item) => [
      item.severity === 'warning'
        ? { lines: [item.label], bold: true, fill: COLOR.warningFill }
        : { lines: [item.label] },
      { lines: [item.text] },
    ]),
    align: ['center', 'left'],
    wraps: [false, true],
  };
}

/** 点検事項: the engine's diagnostics, for the reviewers, one row each. */
export function drawDiagnosticsSlide(ctx: PptxContext, s: DiagnosticsSlide): void {
  const slide = framedSlide(ctx);
  const top = addHeading(slide, ctx, s.heading) + 0.1;
  addTable(
    slide,
    layoutTableToFit(diagnosticsTableSpec(s), CONTENT_WIDTH, BODY_BOTTOM - top, FONT_SIZE.table, ctx.lang),
    MARGIN_X,
    top,
  );
}
