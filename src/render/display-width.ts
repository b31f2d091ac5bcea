import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';

/**
 * string-width's width of a text (a kanji or an emoji 2 columns, a Latin letter 1), the same figure,
 * found with each distinct grapheme measured once. string-width tests every grapheme against several
 * Unicode property patterns, which for a 10,000-character text with emoji takes the best part of a
 * second, and the layouts measure the same texts many times.
 */
const segmenter = new Intl.Segmenter();
const widths = new Map<string, number>();
const MAX_REMEMBERED = 20_000;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Code points that may join their neighbours into one grapheme: marks, controls and format characters
 * (CR LF, joiners), emoji and their modifiers, regional indicators, Hangul jamo and syllables, variation
 * selectors, tags and lone surrogates. A text with none is one grapheme per code point, and Intl.Segmenter,
 * itself slow on long texts, is not needed.
 */
const JOINING =
  /[\p{M}\p{Cc}\p{Cf}\p{Cs}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\p{Variation_Selector}\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff\u{e0000}-\u{e0fff}]/u;

function graphemeWidth(segment: string): number {
  let w = widths.get(segment);
  if (w === undefined) {
    w = stringWidth(segment);
    if (widths.size >= MAX_REMEMBERED) widths.clear();
    widths.set(segment, w);
  }
  return w;
}

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Terminal escape sequences span graphemes, so they go first, as string-width strips them.
  const visible = stripVTControlCharacters(text);
  let width = 0;
  if (!JOINING.test(visible)) {
    for (const ch of visible) width += graphemeWidth(ch);
    return width;
  }
  for (const { segment } of segmenter.segment(visible)) width += graphemeWidth(segment);
  return width;
}
