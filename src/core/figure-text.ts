import {
  Decimal,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  toDecimalString,
  toPlainString,
  type DecimalString,
} from './decimal.ts';
import type { Bound } from './target-bound.ts';

/** What a person may type where a figure belongs, once the figure itself is taken away. */
export type FigureEntry =
  | {
      kind: 'value';
      value: DecimalString;
      /** Known only as a bound (「75%以上」); absent for an exact figure (target-bound.ts). */
      readonly bound?: Bound;
      /** The figure as the published table prints it (「1万8740人」), where the plan keeps it. */
      readonly label?: string;
    }
  /** Nothing to report this year (— in the report). */
  | { kind: 'none' }
  /**
   * No value, for a stated reason (未取得, 集計中). A string, not {@link MissingReason}: the list is checked
   * where people type (forms, workbooks, plan files), while what an earlier release stored (「約4000件」,
   * free text) is kept and printed as it was ({@link readStoredFigureEntry}).
   */
  | { kind: 'missing'; reason: string };

/**
 * What the reader did to a figure to read it, as data: each interface words it in its reader's language
 * (figure-text-en.ts for the command line and problem lists, the web's catalog for its pages).
 */
export type FigureNote =
  | { readonly code: 'folded' }
  | { readonly code: 'minus'; readonly mark: string }
  | { readonly code: 'unit'; readonly unit: string }
  | { readonly code: 'separators' }
  /** 3万2669 or 1.2億 read as the plain number (32669, 120000000). */
  | { readonly code: 'kanji-multiplier' }
  /** 1353・7 read as 1353.7: vertical printing writes the decimal point as ・. */
  | { readonly code: 'nakaguro-point' };

/** Why a figure was refused, as data, with what each interface needs to word it and hint at a fix. */
export type FigureProblem =
  | { readonly code: 'commas'; readonly text: string }
  | { readonly code: 'suffix'; readonly text: string; readonly suffix: string; readonly unit: string | null }
  | { readonly code: 'not-number'; readonly text: string }
  | { readonly code: 'integer-digits'; readonly text: string; readonly max: number }
  | { readonly code: 'decimals'; readonly text: string; readonly max: number }
  /** 約4000件, 延べ120人, 40以上: a figure with a qualifier; `figure` is the number alone, where one stands. */
  | {
      readonly code: 'qualified';
      readonly text: string;
      readonly qualifier: string;
      readonly figure: string | null;
    }
  /** Text that is neither a figure nor one of the reasons a value may be missing. */
  | { readonly code: 'unknown-reason'; readonly text: string; readonly reasons: readonly string[] }
  | { readonly code: 'not-finite'; readonly text: string };

export type FigureProblemCode = FigureProblem['code'];

export type FigureRead<T> =
  | { readonly ok: true; readonly value: T; readonly notes: readonly FigureNote[] }
  | { readonly ok: false; readonly problem: FigureProblem };

const read = <T>(value: T, notes: readonly FigureNote[] = []): FigureRead<T> => ({ ok: true, value, notes });
const refuse = <T = never>(problem: FigureProblem): FigureRead<T> => ({ ok: false, problem });

/**
 * The reasons a year's value may be missing, as the workbooks and forms offer them. A reason is chosen,
 * never inferred from free text: anything else in a figure's place is refused, so 「約4000件」 is never
 * stored as a "reason" and counted as entered.
 */
export const MISSING_REASONS = ['未取得', '集計中', '調査未実施', '公表前', '事業中止', '未確定'] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

export const isMissingReason = (text: string): text is MissingReason =>
  (MISSING_REASONS as readonly string[]).includes(text);

const NEGATIVE_MARKS = /^[△▲]/;
const MINUS_SIGNS = /^[−‒–—﹣]/;
const DASH_ONLY = /^[—―‐\-－−ー─]+$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Words that make a figure approximate, cumulative, a bound or provisional. A figure written with one
 * is not the figure: it is refused with a hint to enter the number alone and put the qualifier in words.
 * Matched on the NFKC-folded text, so ～ and 〜 arrive as ~.
 */
const QUALIFIERS = [
  '約',
  'およそ',
  'おおよそ',
  '概ね',
  'おおむね',
  '延べ',
  '延',
  '累計',
  '程度',
  '前後',
  '以上',
  '以下',
  '超',
  '未満',
  '弱',
  '強',
  '余',
  '速報',
  '見込み',
  '見込',
  '推計',
  '暫定',
  'about',
  'approx',
  'around',
  'circa',
  'over',
  'under',
  'more than',
  'less than',
  'at least',
  'at most',
  'est',
  '~',
  '〜',
  '≒',
  '≈',
  '<',
  '>',
  '≦',
  '≧',
  '≤',
  '≥',
  '+/-',
  '±',
] as const;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** English words match whole (40 requests is no 'est'); the others anywhere. */
const QUALIFIER_PATTERN = new RegExp(
  QUALIFIERS.map((q) => (/^[a-z]/.test(q) ? `\\b${escape(q)}\\b` : escape(q))).join('|'),
  'i',
);

/** The qualifier a figure is written with (約4000件 → 約), or null; only text holding digits has one. */
export function figureQualifier(raw: string): { qualifier: string; figure: string | null } | null {
  const text = raw.normalize('NFKC');
  if (!/\d/.test(text)) return null;
  const qualifier = QUALIFIER_PATTERN.exec(text)?.[0];
  if (qualifier === undefined) return null;
  const figure = /\d[\d,万億・]*(\.\d+)?[万億]?/.exec(text)?.[0] ?? null;
  return { qualifier, figure };
}

/**
 * Reads a figure as department staff and plan files write it: ３,９０８, △40, 431.5万円, " 12 ".
 * Where the meaning is certain the value is normalised and each change is noted; anything doubtful is
 * refused, because a silently wrong number is worse than a question.
 */
export function parseFigureText(raw: string, unit: string | null): FigureRead<DecimalString> {
  const notes: FigureNote[] = [];
  const trimmed = raw.trim();
  let text = trimmed.normalize('NFKC').replace(/\s+/g, '');
  if (text !== trimmed) notes.push({ code: 'folded' });

  let negative = false;
  if (NEGATIVE_MARKS.test(text)) {
    negative = true;
    text = text.slice(1);
    notes.push({ code: 'minus', mark: trimmed[0] ?? '△' });
  } else if (MINUS_SIGNS.test(text)) {
    text = '-' + text.slice(1);
  }

  if (unit) {
    const folded = unit.normalize('NFKC');
    if (text.endsWith(folded) && text.length > folded.length) {
      text = text.slice(0, -folded.length);
      notes.push({ code: 'unit', unit });
    }
  }

  // Without the unit, so a unit's own letters are never read as a qualifier; with its spaces, so words stay words.
  const spaced = trimmed.normalize('NFKC');
  const ownUnit = unit?.normalize('NFKC') ?? '';
  const qualified = figureQualifier(
    ownUnit && spaced.endsWith(ownUnit) ? spaced.slice(0, -ownUnit.length) : spaced,
  );
  if (qualified) return refuse({ code: 'qualified', text: raw, ...qualified });

  const styled = readPublishedStyle(text, unit);
  if (styled) {
    text = styled.text;
    notes.push({ code: styled.note });
  }

  if (text.includes(',')) {
    const body = text.replace(/^[+-]/, '');
    if (!GROUPED.test(body)) return refuse({ code: 'commas', text: raw });
    text = text.replace(/,/g, '');
    notes.push({ code: 'separators' });
  }

  const value = toDecimalString(negative ? `-${text.replace(/^[+-]/, '')}` : text);
  if (value === null || (negative && /^[+-]/.test(text))) {
    const suffix = /[^\d.,+-]+$/.exec(text)?.[0];
    if (suffix && /^[+-]?[\d.]+/.test(text)) return refuse({ code: 'suffix', text: raw, suffix, unit });
    return refuse({ code: 'not-number', text: raw });
  }
  const bounds = boundsProblem(value, raw);
  return bounds ? refuse(bounds) : read(value, notes);
}

/** 3万2669, 1.2億, 2億3000万: a part before 億 or 万 may hold a fraction only when nothing smaller follows. */
const KANJI_FIGURE = /^(?:(\d+(?:\.\d+)?)億)?(?:(\d+(?:\.\d+)?)万)?(\d{1,4})?$/;
const OKU = new Decimal('100000000');
const MAN = new Decimal('10000');
const NAKAGURO_POINT = /^([+-]?\d+)・(\d+)$/;

/**
 * The number styles published tables print (newspaper summaries, vertical committee papers), rewritten
 * as a plain decimal, or null where the text is none of them. A unit that itself holds 万 or 億
 * (万円, 億円) already scales the figure, so there 3万2669 is refused rather than read 10,000 times too big.
 */
function readPublishedStyle(
  text: string,
  unit: string | null,
): { text: string; note: 'kanji-multiplier' | 'nakaguro-point' } | null {
  const point = NAKAGURO_POINT.exec(text);
  if (point) return { text: `${point[1]}.${point[2]}`, note: 'nakaguro-point' };
  const sign = /^[+-]/.test(text) ? text.slice(0, 1) : '';
  const match = KANJI_FIGURE.exec(text.slice(sign.length));
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  if (unit && /[万億]/.test(unit.normalize('NFKC'))) return null;
  const [, oku, man, rest] = match;
  if (oku?.includes('.') && (man !== undefined || rest !== undefined)) return null;
  if (man?.includes('.') && rest !== undefined) return null;
  if (oku !== undefined && man !== undefined && man.replace(/\..*/, '').length > 4) return null;
  const value = new Decimal(oku ?? '0')
    .mul(OKU)
    .plus(new Decimal(man ?? '0').mul(MAN))
    .plus(new Decimal(rest ?? '0'));
  return { text: sign + toPlainString(value), note: 'kanji-multiplier' };
}

function boundsProblem(value: DecimalString, text: string): FigureProblem | null {
  const [integer = '', fraction = ''] = value.replace('-', '').split('.');
  if (integer.length > MAX_INTEGER_DIGITS) return { code: 'integer-digits', text, max: MAX_INTEGER_DIGITS };
  if (fraction.length > MAX_FRACTION_DIGITS) return { code: 'decimals', text, max: MAX_FRACTION_DIGITS };
  return null;
}

/**
 * Reads what stands in a year's cell: a number, — for nothing to report, or one of the reasons a value
 * may be missing ({@link MISSING_REASONS}). Anything else is refused: a figure with a qualifier
 * (約4000件) with a hint to enter the number alone, other text as not a reason this system knows.
 */
export function parseFigureEntry(raw: string, unit: string | null): FigureRead<FigureEntry> {
  const trimmed = raw.normalize('NFKC').trim();
  if (trimmed === '' || DASH_ONLY.test(trimmed)) return read({ kind: 'none' });
  const reason = raw.trim();
  if (isMissingReason(reason)) return read({ kind: 'missing', reason });
  const figure = parseFigureText(raw, unit);
  if (figure.ok) return read({ kind: 'value', value: figure.value }, figure.notes);
  if (/\d/.test(trimmed)) return figure;
  return refuse({ code: 'unknown-reason', text: reason, reasons: MISSING_REASONS });
}

/**
 * Reads a year's entry that Shinchoku itself wrote earlier (a frozen edition): as {@link parseFigureEntry},
 * except that text which is not a figure stays the reason it was stored as (free text, 「約4000件」). The
 * reason list and the qualifier rule came later than some stored values, and a rule added later must not
 * make stored content unreadable; such a reason is printed as it was stored. Never refuses.
 */
export function readStoredFigureEntry(
  raw: string,
  unit: string | null,
): Extract<FigureRead<FigureEntry>, { ok: true }> {
  const entry = parseFigureEntry(raw, unit);
  return entry.ok ? entry : { ok: true, value: { kind: 'missing', reason: raw.trim() }, notes: [] };
}

/** A figure that came in as a JavaScript number (JSON, or a YAML number without its source text). */
export function figureFromNumber(value: number): FigureRead<DecimalString> {
  if (!Number.isFinite(value)) return refuse({ code: 'not-finite', text: String(value) });
  const text = Number.isInteger(value) ? BigInt(value).toString() : plainNumberText(value);
  const decimal = toDecimalString(text);
  if (decimal === null) return refuse({ code: 'not-number', text: String(value) });
  const bounds = boundsProblem(decimal, String(value));
  return bounds ? refuse(bounds) : read(decimal);
}

function plainNumberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Shortest round-trip digits, moved out of exponent form without passing through binary again.
  const [mantissa = '', exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const pointAt =
    (mantissa.replace(/^-/, '').indexOf('.') + 1 || mantissa.replace(/^-/, '').length + 1) - 1 + exponent;
  // Only a fraction below 1e-6 is written with an exponent here: every double from 1e21 up is an integer,
  // which BigInt reads above. So the point always moves left past every digit (pointAt ≤ −7).
  return `${negative ? '-' : ''}0.${'0'.repeat(-pointAt)}${digits}`;
}
