import { explainRate } from '../../core/explain.ts';
import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { framedSlide, textOptions } from './frame.ts';
import { COLOR, CONTENT_WIDTH, FONT_SIZE, MARGIN_X } from './style.ts';

/** The year's overall rate, large: 令和4年度における達成率 ※計画1年目 26.7%. */
export function drawClosingSlide(ctx: PptxContext, s: Extract<Slide, { kind: 'closing' }>): void {
  const slide = framedSlide(ctx);
  const centred = { x: MARGIN_X, w: CONTENT_WIDTH, align: 'center', valign: 'middle' } as const;
  slide.addText(s.label, {
    ...textOptions(ctx, FONT_SIZE.closingLabel),
    ...centred,
    y: 1.7,
    h: 0.8,
    bold: true,
    objectName: 'Rate label',
  });
  slide.addText(s.note, {
    ...textOptions(ctx, FONT_SIZE.closingNote),
    ...centred,
    y: 2.5,
    h: 0.5,
    color: COLOR.muted,
    objectName: 'Plan year',
  });
  slide.addText(s.rate, {
    ...textOptions(ctx, FONT_SIZE.closingRate),
    ...centred,
    y: 3.3,
    h: 1.6,
    bold: true,
    color: COLOR.accent,
    objectName: 'Rate',
  });
  const formula = explainRate(ctx.evaluation.overall);
  if (formula) slide.addNotes(formula);
}
