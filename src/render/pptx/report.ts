import PptxGenJS from 'pptxgenjs';
import type { Evaluation } from '../../core/evaluation.ts';
import type { Messages } from '../messages.ts';
import { buildDeck, type Deck, type DeckOptions, type Slide } from '../slides.ts';
import { drawChartSlide } from './chart-slide.ts';
import { drawClosingSlide } from './closing-slide.ts';
import type { PptxContext } from './context.ts';
import { drawDiagnosticsSlide } from './diagnostics-slide.ts';
import { drawGoalSlide } from './goal-slide.ts';
import { drawOpinionsSlide } from './opinions-slide.ts';
import { drawOverviewSlide } from './overview-slide.ts';
import { LANG_TAG, LAYOUT } from './style.ts';
import { OFFICE_FONTS } from '../office-fonts.ts';
import { drawSummarySlide } from './summary-slide.ts';
import { drawTitleSlide } from './title-slide.ts';
import { xmlSafe } from '../xml-text.ts';
import { localizeEvaluation } from '../plan-text.ts';

function drawSlide(ctx: PptxContext, slide: Slide): void {
  switch (slide.kind) {
    case 'title':
      return drawTitleSlide(ctx, slide);
    case 'overview':
      return drawOverviewSlide(ctx, slide);
    case 'goal':
      return drawGoalSlide(ctx, slide);
    case 'summary':
      return drawSummarySlide(ctx, slide);
    case 'closing':
      return drawClosingSlide(ctx, slide);
    case 'chart':
      return drawChartSlide(ctx, slide);
    case 'opinions':
      return drawOpinionsSlide(ctx, slide);
    case 'diagnostics':
      return drawDiagnosticsSlide(ctx, slide);
  }
}

/**
 * A deck as an editable PowerPoint file: one PowerPoint slide per deck slide, in order, with native
 * tables, text boxes and charts (the KPI charts are PowerPoint's own line charts). For callers that already hold the deck
 * (the report command builds it once for every format).
 */
export async function renderDeckPptx(
  deck: Deck,
  evaluation: Evaluation,
  messages: Messages,
  draft = false,
): Promise<Buffer> {
  // Characters XML cannot hold are left out (deck and evaluation at once, so shared objects stay shared).
  ({ deck, evaluation } = xmlSafe({ deck, evaluation }));
  const pptx = new PptxGenJS();
  pptx.layout = LAYOUT;
  const fonts = OFFICE_FONTS[messages.lang];
  pptx.theme = { headFontFace: fonts.latin, bodyFontFace: fonts.latin };
  pptx.title = deck.runningHead;
  pptx.subject = messages.headings.report;
  pptx.company = evaluation.plan.municipality;
  pptx.author = evaluation.plan.municipality;
  const ctx: PptxContext = { pptx, deck, evaluation, messages, lang: LANG_TAG[messages.lang], draft };
  for (const slide of deck.slides) drawSlide(ctx, slide);
  const file = await pptx.write({ outputType: 'nodebuffer' });
  if (!Buffer.isBuffer(file)) throw new Error('pptxgenjs returned no Node buffer');
  return finishFile(file, fonts.eastAsian, ctx.lang);
}

/**
 * Two things pptxgenjs cannot be told. It sets only the theme's Latin face and leaves its East Asian
 * one empty, so PowerPoint would draw Japanese in whatever face its language settings pick; the theme
 * names ours instead (runs name no face of their own, so editors still change the deck's font in one
 * place). And it tags the page number's run en-US whatever the deck's language.
 */
async function finishFile(file: Buffer, face: string, lang: string): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(file);
  const edit = async (path: string, change: (xml: string) => string) => {
    const xml = await zip.file(path)?.async('string');
    if (xml === undefined) throw new Error(`pptxgenjs wrote no ${path}`);
    zip.file(path, change(xml));
  };
  await edit('ppt/theme/theme1.xml', (xml) =>
    xml.replaceAll('<a:ea typeface=""/>', `<a:ea typeface="${escapeXmlAttribute(face)}"/>`),
  );
  for (const path of Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))) {
    await edit(path, (xml) => xml.replaceAll('lang="en-US"', `lang="${lang}"`));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const escapeXmlAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The implementation report as PowerPoint (.pptx), slide for slide as `buildDeck` lays it out, so it
 * paginates as the HTML and PDF do. The file's slide XML is deterministic; docProps/core.xml carries
 * the time it was written.
 */
export function renderReportPptx(
  original: Evaluation,
  messages: Messages,
  options: DeckOptions & { readonly draft?: boolean } = {},
): Promise<Buffer> {
  const evaluation = localizeEvaluation(original, messages.lang);
  return renderDeckPptx(
    buildDeck(evaluation, messages, options),
    evaluation,
    messages,
    options.draft ?? false,
  );
}
