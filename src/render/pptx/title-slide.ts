import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { newSlide, textOptions } from './frame.ts';
import { textEm } from './measure.ts';
import { COLOR, CONTENT_WIDTH, FONT_SIZE, MARGIN_X, SLIDE_WIDTH } from './style.ts';

/** The narrowest box, up to `max`, that keeps the title's line count: its lines then run about even. */
function balancedWidth(text: string, max: number, fontSize: number): number {
  const width = (textEm(text) * fontSize) / 72;
  return Math.min(max, width / Math.ceil(width / max) + 0.4);
}

/** The cover: 「…の状況について【実施報告】」 and the municipality with the year; no running head. */
export function drawTitleSlide(ctx: PptxContext, s: Extract<Slide, { kind: 'title' }>): void {
  const slide = newSlide(ctx);
  slide.addShape(ctx.pptx.ShapeType.rect, {
    x: 0,
    y: 4.35,
    w: SLIDE_WIDTH,
    h: 0.06,
    fill: { color: COLOR.accent },
    line: { color: COLOR.accent, width: 0 },
  });
  const w = balancedWidth(s.title, CONTENT_WIDTH - 1, FONT_SIZE.title);
  slide.addText(s.title, {
    ...textOptions(ctx, FONT_SIZE.title),
    x: (SLIDE_WIDTH - w) / 2,
    y: 1.9,
    w,
    h: 2.2,
    bold: true,
    color: COLOR.accent,
    align: 'center',
    valign: 'bottom',
    objectName: 'Title',
  });
  slide.addText(s.subtitle, {
    ...textOptions(ctx, FONT_SIZE.subtitle),
    x: MARGIN_X,
    y: 4.7,
    w: CONTENT_WIDTH,
    h: 0.6,
    align: 'center',
    objectName: 'Subtitle',
  });
  if (s.note) {
    slide.addText(s.note, {
      ...textOptions(ctx, FONT_SIZE.bullet),
      x: MARGIN_X,
      y: 5.4,
      w: CONTENT_WIDTH,
      h: 0.9,
      align: 'center',
      objectName: 'Translation note',
    });
  }
}
