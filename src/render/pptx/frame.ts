import type PptxGenJS from 'pptxgenjs';
import type { PptxContext } from './context.ts';
import { paragraphLines } from './measure.ts';
import {
  BODY_TOP,
  COLOR,
  CONTENT_WIDTH,
  FONT_SIZE,
  lineHeight,
  LINE_PITCH,
  MARGIN_X,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
} from './style.ts';

/** The options every text box starts from; pptxgenjs writes them onto each of its runs. */
export function textOptions(ctx: PptxContext, fontSize: number): PptxGenJS.TextPropsOptions {
  return {
    fontSize,
    lang: ctx.lang,
    color: COLOR.ink,
    margin: 0,
    valign: 'top',
    lineSpacing: Math.round(fontSize * LINE_PITCH),
  };
}

/** A new slide; in a staff draft it carries the draft mark in its top right corner, boxed in red. */
export function newSlide(ctx: PptxContext): PptxGenJS.Slide {
  const slide = ctx.pptx.addSlide();
  if (ctx.draft) {
    slide.addText(ctx.messages.draftMark, {
      ...textOptions(ctx, DRAFT_MARK_SIZE),
      x: SLIDE_WIDTH - MARGIN_X - 1.4,
      y: 0.05,
      w: 1.4,
      h: 0.5,
      bold: true,
      color: DRAFT_MARK_COLOR,
      align: 'center',
      valign: 'middle',
      fill: { color: 'FFFFFF' },
      line: { color: DRAFT_MARK_COLOR, width: 2.5 },
      objectName: 'Draft mark',
    });
  }
  return slide;
}

const DRAFT_MARK_SIZE = 20;
/** A red of 7:1 against white, as the report's other colours. */
const DRAFT_MARK_COLOR = 'B00020';

/** A slide with the running head, the rule under it and the page number: every slide but the title. */
export function framedSlide(ctx: PptxContext): PptxGenJS.Slide {
  const slide = newSlide(ctx);
  slide.addText(ctx.deck.runningHead, {
    ...textOptions(ctx, FONT_SIZE.runningHead),
    x: MARGIN_X,
    y: 0.25,
    w: CONTENT_WIDTH,
    h: 0.3,
    color: COLOR.muted,
    objectName: 'Running head',
  });
  slide.addShape(ctx.pptx.ShapeType.line, {
    x: MARGIN_X,
    y: 0.62,
    w: CONTENT_WIDTH,
    h: 0,
    line: { color: COLOR.rule, width: 1.5 },
  });
  slide.slideNumber = {
    x: SLIDE_WIDTH - MARGIN_X - 1,
    y: SLIDE_HEIGHT - 0.4,
    w: 1,
    h: 0.3,
    fontSize: FONT_SIZE.pageNumber,
    color: COLOR.muted,
    align: 'right',
  };
  return slide;
}

/** Text set in one box, as tall as its lines; returns the y below it. */
function addBlock(
  slide: PptxGenJS.Slide,
  ctx: PptxContext,
  text: string,
  y: number,
  fontSize: number,
  extra: PptxGenJS.TextPropsOptions = {},
): number {
  const h = paragraphLines(text, CONTENT_WIDTH, fontSize) * lineHeight(fontSize);
  slide.addText(text, { ...textOptions(ctx, fontSize), x: MARGIN_X, y, w: CONTENT_WIDTH, h, ...extra });
  return y + h;
}

/** The slide's heading (基本目標1：稼ぐ産業と安定した雇用を創出する); returns the y below it. */
export function addHeading(slide: PptxGenJS.Slide, ctx: PptxContext, text: string): number {
  return (
    addBlock(slide, ctx, text, BODY_TOP, FONT_SIZE.heading, {
      bold: true,
      color: COLOR.accent,
      objectName: 'Heading',
    }) + 0.15
  );
}

/** The height a section label takes, with the gap below it. */
export const SECTION_HEIGHT = lineHeight(FONT_SIZE.section) + 0.1;

/** A section label (数値目標の状況について) behind an accent bar; returns the y below it. */
export function addSection(slide: PptxGenJS.Slide, ctx: PptxContext, text: string, y: number): number {
  const h = lineHeight(FONT_SIZE.section);
  slide.addShape(ctx.pptx.ShapeType.rect, {
    x: MARGIN_X,
    y: y + 0.04,
    w: 0.08,
    h: h - 0.08,
    fill: { color: COLOR.accent },
    line: { color: COLOR.accent, width: 0 },
  });
  slide.addText(text, {
    ...textOptions(ctx, FONT_SIZE.section),
    x: MARGIN_X + 0.18,
    y,
    w: CONTENT_WIDTH - 0.18,
    h,
    bold: true,
    objectName: 'Section',
  });
  return y + SECTION_HEIGHT;
}
