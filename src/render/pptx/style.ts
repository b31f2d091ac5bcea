import type { Lang } from '../../core/language.ts';

/**
 * The deck's look in one place. Lengths are inches on PowerPoint's own 16:9 slide (13.333 × 7.5), and
 * font sizes are points, so the numbers read the same as in PowerPoint's dialogs.
 */
export const LAYOUT = 'LAYOUT_WIDE';
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;
export const MARGIN_X = 0.5;
export const CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN_X;
/** Where a slide's body starts below the running head and the rule under it. */
export const BODY_TOP = 0.8;
/** The lowest a slide's body reaches: below it sits the page number. */
export const BODY_BOTTOM = SLIDE_HEIGHT - 0.5;

export const COLOR = {
  ink: '1A1A1A',
  muted: '4D4D4D',
  accent: '1F3864',
  onAccent: 'FFFFFF',
  rule: '1F3864',
  border: '8497B0',
  headerFill: 'DCE3EF',
  achievedFill: 'E2EFDA',
  warningFill: 'FCE4D6',
  panelFill: 'F2F5FA',
} as const;

export const FONT_SIZE = {
  runningHead: 12,
  pageNumber: 10,
  title: 32,
  subtitle: 20,
  heading: 22,
  section: 16,
  table: 14,
  bullet: 16,
  closingLabel: 28,
  closingNote: 18,
  closingRate: 72,
  overviewLabel: 16,
  overviewTitle: 18,
} as const;

/** Line pitch as a multiple of the font size; set exactly, so PowerPoint and LibreOffice break alike. */
export const LINE_PITCH = 1.35;

/** A font size scaled down to fit, on PowerPoint's half-point steps. */
export const scaledFont = (fontSize: number, scale: number): number => Math.round(fontSize * scale * 2) / 2;

export const lineHeight = (fontSize: number): number => (fontSize * LINE_PITCH) / 72;

/** The language tag on every run: it drives PowerPoint's Japanese line breaking (禁則) and proofing. */
export const LANG_TAG: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };
