/**
 * The one rule for free text that people type or files carry: how long each kind of field may be, whether
 * it may break lines, and which characters no field takes. Every reader (plan file, web forms, workbooks)
 * applies it at its boundary, so text in the store is always within these bounds.
 *
 * A refusal is data (a code, the field, the limit, the place), never a sentence: each interface words it
 * in its reader's language.
 */

export interface TextFieldRule {
  /** The most characters (Unicode code points, as a person counts them) the field holds. */
  readonly max: number;
  /** Whether the text may run over several lines. */
  readonly multiline: boolean;
}

const line = (max: number): TextFieldRule => ({ max, multiline: false });
const lines = (max: number): TextFieldRule => ({ max, multiline: true });

/**
 * The limits leave generous room over real reports: the seed's longest KPI name is 26 characters, its
 * longest assessment 64, its plan title 29. A figure cell's reason for a missing value (未取得) is a
 * short label; anything longer belongs in the assessment.
 */
export const TEXT_FIELDS = {
  /** Plan, goal and KPI ids and references: short names for URLs and files. */
  identifier: line(100),
  'plan-title': line(200),
  municipality: line(100),
  'goal-title': line(300),
  'kpi-name': line(200),
  /** Printed after every figure (万円, 件, %): a longer one would not fit a table column. */
  unit: line(40),
  category: line(40),
  'series-label': line(100),
  'grade-label': line(40),
  'department-name': line(100),
  'display-name': line(100),
  login: line(40),
  /** A figure as typed (３,９０８, 431.5万円), or the reason it is missing (未取得, 集計中). */
  figure: line(100),
  /** A fiscal year or span as written: R4, 令和4年度, H30～R2平均値. */
  'year-label': line(40),
  'assessment-status': line(100),
  'assessment-text': lines(4000),
  comment: lines(4000),
  'review-note': lines(2000),
  'errata-note': lines(2000),
  /** Why a year is published with KPIs not approved, or why an edition is withdrawn. */
  'publication-reason': lines(2000),
  /** Why a plan's target or baseline was revised, as the report prints it (目標値を上方修正). */
  'revision-note': line(400),
  /** The plan file's `$schema`: an address. */
  'schema-reference': line(2000),
} as const satisfies Record<string, TextFieldRule>;

export type TextFieldKind = keyof typeof TEXT_FIELDS;

/** Where in the text a character stands: its number counted from 1, and its line and column. */
export interface TextPlace {
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

/** Why a character is refused: each one is invisible or changes how the text around it reads. */
export type CharacterClass = 'control' | 'surrogate' | 'noncharacter' | 'bidi-control';

export type TextProblem =
  | { readonly code: 'text-required'; readonly field: TextFieldKind }
  | {
      readonly code: 'text-too-long';
      readonly field: TextFieldKind;
      readonly max: number;
      /** The length found; past 10 × max the count stops, so this is at least max + 1. */
      readonly length: number;
    }
  | { readonly code: 'text-line-break'; readonly field: TextFieldKind; readonly at: TextPlace }
  | {
      readonly code: 'text-character';
      readonly field: TextFieldKind;
      readonly at: TextPlace;
      readonly codePoint: number;
      readonly character: CharacterClass;
    };

export type TextProblemCode = TextProblem['code'];

export type TextRead =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: TextProblem };

export interface TextReadOptions {
  /** Whether an empty (or all-space) text is a problem. */
  readonly required?: boolean;
  /**
   * Whether to drop surrounding white space, as forms and cells do; a plan file keeps its text as
   * written.
   */
  readonly trim?: boolean;
}

/**
 * The character's class if no field may hold it: C0 controls other than tab and line feed, DEL, C1,
 * unpaired surrogates, noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every plane),
 * and the bidirectional embeddings, overrides and isolates that can make text read differently from
 * how it is stored. Line breaks are judged by the field, not here.
 */
export function refusedCharacter(codePoint: number): CharacterClass | null {
  if (codePoint === 0x09 || codePoint === 0x0a) return null;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'surrogate';
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return 'noncharacter';
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069))
    return 'bidi-control';
  return null;
}

/**
 * Line ends as one character: Windows (CRLF) and old Mac (CR) ends become LF, as do the Unicode line and
 * paragraph separators, so a multi-line text is stored one way and a single-line field sees a break as one.
 */
export const unifyLineBreaks = (text: string): string => text.replace(/\r\n?|[\u2028\u2029]/g, '\n');

/** The count stops here past the limit, so a 5 MB text costs no more than a long one to refuse. */
const COUNT_CAP = 10;

/** Code points in the text, counting no further than `stop`. */
function countUpTo(text: string, stop: number): number {
  // A text of n UTF-16 units has between n/2 and n code points.
  if (text.length <= stop) return [...text].length;
  let count = 0;
  for (let at = 0; at < text.length && count < stop; at++) {
    const unit = text.charCodeAt(at);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) at++;
    }
    count++;
  }
  return count;
}

/**
 * Reads a field's text: line ends unified, surrounding space dropped (unless `trim: false`), and then
 * refused if it is required and empty, too long, breaks a line where the field takes one line, or holds
 * a character no field takes. The first problem is reported, with its place.
 *
 * Unicode normalisation (NFC) is deliberately not applied: it replaces CJK compatibility ideographs
 * (神 U+FA19 → 神 U+795E), which people choose on purpose in names.
 */
export function readTextField(kind: TextFieldKind, raw: string, options: TextReadOptions = {}): TextRead {
  const unified = unifyLineBreaks(raw);
  const value = options.trim === false ? unified : unified.trim();
  const problem = textProblem(kind, value, options.required ?? false);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/** The text's problem under the field's rule, or null; the text is judged exactly as given. */
export function textProblem(kind: TextFieldKind, text: string, required = false): TextProblem | null {
  const rule: TextFieldRule = TEXT_FIELDS[kind];
  if (required && text.trim() === '') return { code: 'text-required', field: kind };
  const length = countUpTo(text, rule.max * COUNT_CAP + 1);
  if (length > rule.max) return { code: 'text-too-long', field: kind, max: rule.max, length };
  let index = 0;
  let lineNumber = 1;
  let column = 0;
  for (const char of text) {
    index++;
    column++;
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint === 0x0a || codePoint === 0x0d) {
      if (!rule.multiline || codePoint === 0x0d) {
        const at = { index, line: lineNumber, column };
        return codePoint === 0x0a
          ? { code: 'text-line-break', field: kind, at }
          : { code: 'text-character', field: kind, at, codePoint, character: 'control' };
      }
      lineNumber++;
      column = 0;
      continue;
    }
    const character = codePoint === 0x09 && !rule.multiline ? 'control' : refusedCharacter(codePoint);
    if (character) {
      return {
        code: 'text-character',
        field: kind,
        at: { index, line: lineNumber, column },
        codePoint,
        character,
      };
    }
  }
  return null;
}

/** U+0000: how a refused character is named in every message. */
export const codePointLabel = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The text with every refused character shown as U+FFFD (�), so a form can give back what was typed, with
 * the place of each problem visible, and nothing in the page that a browser or a database would choke on.
 */
export function displayableText(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += codePoint !== 0x0d && refusedCharacter(codePoint) ? '\uFFFD' : char;
  }
  return out;
}
