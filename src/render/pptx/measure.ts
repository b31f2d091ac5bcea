import stringWidth from 'string-width';

/*
 * Estimates how text wraps, so that slides can place what follows a table and size columns before any
 * renderer has laid the text out. Deliberately generous, so that an estimate errs toward more lines.
 */

/** A wide character is a full em; any other is taken wider than Noto's or 游ゴシック's Latin glyphs. */
const NARROW_EM = 0.6;
/**
 * Room left free on every line, in em: LibreOffice widens the gap between Japanese and Latin letters
 * (431.5 万円), and a line that fills its box exactly may still break.
 */
export const LINE_SLACK_EM = 0.5;
/** Widths computed to fit a line exactly must not break it for a rounding error. */
const EPSILON = 1e-6;

const charEm = (ch: string): number => (stringWidth(ch, { ambiguousIsNarrow: false }) >= 2 ? 1 : NARROW_EM);

export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

/** Japanese breaks between any two characters, Latin only between words. */
const BREAKABLE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Zs}';
const BREAK_UNIT = new RegExp(`[${BREAKABLE}]|[^${BREAKABLE}]+`, 'gu');

const breakUnits = (text: string): string[] => text.match(BREAK_UNIT) ?? [];

/** The lines one paragraph takes in a box `width` inches wide, greedily filled as renderers do. */
export function paragraphLines(text: string, width: number, fontSize: number): number {
  const capacity = (width * 72) / fontSize - LINE_SLACK_EM + EPSILON;
  let lines = 1;
  let used = 0;
  for (const unit of breakUnits(text)) {
    const em = textEm(unit);
    if (used > 0 && used + em > capacity) {
      lines += 1;
      used = /^\p{Zs}$/u.test(unit) ? 0 : em;
    } else {
      used += em;
    }
    while (used > capacity) {
      lines += 1;
      used -= capacity;
    }
  }
  return lines;
}

export function linesOf(paragraphs: readonly string[], width: number, fontSize: number): number {
  return paragraphs.reduce((n, p) => n + paragraphLines(p, width, fontSize), 0);
}
