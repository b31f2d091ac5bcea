import { CHART_SIZE, kpiChartDescription, kpiChartSvg } from '../chart.ts';
import { svgToPng } from '../raster.ts';
import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, addSection, framedSlide } from './frame.ts';
import { BODY_BOTTOM, CONTENT_WIDTH, MARGIN_X } from './style.ts';

/** Pixels per chart unit: sharp on a projector and in print without bloating the file. */
const PIXEL_SCALE = 2;

/**
 * One KPI's chart. PowerPoint takes no SVG that LibreOffice also reads reliably, so the chart is a
 * picture, with its text alternative; the KPI's name stays text above it, to be found and edited.
 */
export function drawChartSlide(ctx: PptxContext, s: Extract<Slide, { kind: 'chart' }>): void {
  const slide = framedSlide(ctx);
  const top = addSection(slide, ctx, s.kpi.name, addHeading(slide, ctx, s.heading));
  const aspect = CHART_SIZE.height / CHART_SIZE.width;
  const w = Math.min(CONTENT_WIDTH, (BODY_BOTTOM - top) / aspect);
  const h = w * aspect;
  // The slide names the KPI in an editable text box above the picture, so the chart omits its own title.
  const png = svgToPng(
    kpiChartSvg(s.kpi, ctx.evaluation, ctx.messages, CHART_SIZE, { title: false }),
    CHART_SIZE.width * PIXEL_SCALE,
  );
  slide.addImage({
    data: `image/png;base64,${png.toString('base64')}`,
    x: MARGIN_X + (CONTENT_WIDTH - w) / 2,
    y: top,
    w,
    h,
    altText: kpiChartDescription(s.kpi, ctx.messages),
    objectName: s.kpi.name,
  });
}
