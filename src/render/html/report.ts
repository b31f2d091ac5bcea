import type { Evaluation } from '../../core/evaluation.ts';
import type { Messages } from '../messages.ts';
import { buildDeck, type DeckOptions } from '../slides.ts';
import { OPINIONS_CSS, REPORT_CSS } from './css.ts';
import { escapeHtml } from './escape.ts';
import { fontFaceCss } from './fonts.ts';
import { IdSource } from './ids.ts';
import { CONTENT_SECURITY_POLICY, REPORT_SCRIPT } from './script.ts';
import { slideHtml } from './slide-html.ts';
import { localizeEvaluation } from '../plan-text.ts';

export type HtmlReportOptions = DeckOptions & {
  /** A staff draft: every page is stamped with the draft mark (案), and so is the title. */
  readonly draft?: boolean;
};

/**
 * The implementation report as one self-contained HTML file: the deck's slides as pages, with the fonts
 * its characters need and its charts inline, so it opens and prints on a closed network. The same
 * evaluation always gives the same bytes.
 */
export function renderReportHtml(
  original: Evaluation,
  messages: Messages,
  options: HtmlReportOptions = {},
): string {
  const evaluation = localizeEvaluation(original, messages.lang);
  const deck = buildDeck(evaluation, messages, options);
  const first = deck.slides[0];
  const draftMark = options.draft ? messages.draftMark : null;
  const plainTitle = first?.kind === 'title' ? first.title : deck.runningHead;
  const title = draftMark ? `${draftMark}：${plainTitle}` : plainTitle;
  const ctx = { evaluation, messages, runningHead: deck.runningHead, ids: new IdSource(), draftMark };
  const body = `<main>\n${deck.slides.map((slide, i) => slideHtml(slide, i, ctx)).join('\n')}\n</main>`;
  return `<!DOCTYPE html>
<html lang="${messages.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(title)}</title>
<style>
${fontFaceCss(title + body)}
</style>
<style>${REPORT_CSS}${deck.slides.some((s) => s.kind === 'opinions') ? OPINIONS_CSS : ''}</style>
</head>
<body>
${body}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
