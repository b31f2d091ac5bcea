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

/**
 * Each distinct character is measured once: string-width takes microseconds a call, which a
 * 10,000-character text pays on every estimate otherwise. Printable ASCII is narrow without asking.
 */
const widths = new Map<string, number>();
const MAX_REMEMBERED = 20_000;

function charEm(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x20 && code < 0x7f) return NARROW_EM;
  let em = widths.get(ch);
  if (em === undefined) {
    em = stringWidth(ch, { ambiguousIsNarrow: false }) >= 2 ? 1 : NARROW_EM;
    if (widths.size >= MAX_REMEMBERED) widths.clear();
    widths.set(ch, em);
  }
  return em;
}

export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

/** Japanese breaks between any two characters, Latin only between words. */
const BREAKABLE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Zs}';
const BREAK_UNIT = new RegExp(`[${BREAKABLE}]|[^${BREAKABLE}]+`, 'gu');

const breakUnits = (text: string): string[] => text.match(BREAK_UNIT) ?? [];

/**
 * A line holds at least one full-width character: a squeezed box still shows a character a line (renderers
 * overflow it rather than show none), and the count stays finite for any width, even zero or negative.
 */
const MIN_CAPACITY_EM = 1;

/** A line break starts a new line (pptxgenjs makes each a paragraph); Unicode's separators are taken as breaks too. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u2028\u2029]/;

/**
 * The lines one paragraph takes in a box `width` inches wide, greedily filled as renderers do. One pass
 * over the text; a unit wider than a line is cut by division, so the work is linear in the text's length.
 */
export function paragraphLines(text: string, width: number, fontSize: number): number {
  const room = (width * 72) / fontSize - LINE_SLACK_EM + EPSILON;
  const capacity = Number.isFinite(room) ? Math.max(MIN_CAPACITY_EM, room) : MIN_CAPACITY_EM;
  let lines = 0;
  for (const paragraph of text.split(LINE_BREAK)) {
    lines += 1;
    let used = 0;
    for (const unit of breakUnits(paragraph)) {
      const em = textEm(unit);
      if (used > 0 && used + em > capacity) {
        lines += 1;
        used = /^\p{Zs}$/u.test(unit) ? 0 : em;
      } else {
        used += em;
      }
      if (used > capacity) {
        // A word longer than a line breaks inside itself: as many full lines as it fills, the rest carried on.
        const full = Math.ceil(used / capacity) - 1;
        lines += full;
        used -= full * capacity;
      }
    }
  }
  return lines;
}

export function linesOf(paragraphs: readonly string[], width: number, fontSize: number): number {
  return paragraphs.reduce((n, p) => n + paragraphLines(p, width, fontSize), 0);
}
