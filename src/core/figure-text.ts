import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, toDecimalString, type DecimalString } from './decimal.ts';
import { parsed, refused, type Parsed } from './parsed.ts';

/** What a person may type where a figure belongs, once the figure itself is taken away. */
export type FigureEntry =
  | { kind: 'value'; value: DecimalString }
  /** Nothing to report this year (— in the report). */
  | { kind: 'none' }
  /** No value, for a stated reason (未取得, 集計中, コロナ影響で中止). */
  | { kind: 'missing'; reason: string };

const NEGATIVE_MARKS = /^[△▲]/;
const MINUS_SIGNS = /^[−‒–—﹣]/;
const DASH_ONLY = /^[—―‐\-－−ー─]+$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a figure as department staff and plan files write it: ３,９０８, △40, 431.5万円, " 12 ".
 * Where the meaning is certain the value is normalised and each change is noted; anything doubtful is
 * refused, because a silently wrong number is worse than a question.
 */
export function parseFigureText(raw: string, unit: string | null): Parsed<DecimalString> {
  const notes: string[] = [];
  const trimmed = raw.trim();
  let text = trimmed.normalize('NFKC').replace(/\s+/g, '');
  if (text !== trimmed) notes.push('full-width characters or inner spaces were folded');

  let negative = false;
  if (NEGATIVE_MARKS.test(text)) {
    negative = true;
    text = text.slice(1);
    notes.push(`${trimmed[0]} was read as a minus sign`);
  } else if (MINUS_SIGNS.test(text)) {
    text = '-' + text.slice(1);
  }

  if (unit) {
    const folded = unit.normalize('NFKC');
    if (text.endsWith(folded) && text.length > folded.length) {
      text = text.slice(0, -folded.length);
      notes.push(`the unit ${unit} was removed`);
    }
  }

  if (text.includes(',')) {
    const body = text.replace(/^[+-]/, '');
    if (!GROUPED.test(body)) {
      return refused(
        `「${raw}」 has commas that are not thousands separators; write the number as 3,908 or 3908.`,
      );
    }
    text = text.replace(/,/g, '');
    notes.push('thousands separators were removed');
  }

  const value = toDecimalString(negative ? `-${text.replace(/^[+-]/, '')}` : text);
  if (value === null || (negative && /^[+-]/.test(text))) {
    const suffix = /[^\d.,+-]+$/.exec(text)?.[0];
    if (suffix && /^[+-]?[\d.]+/.test(text)) {
      const expected = unit ? `the KPI's unit is ${unit}` : 'the KPI has no unit';
      return refused(`「${raw}」 ends in 「${suffix}」, but ${expected}; enter the number alone.`);
    }
    return refused(`「${raw}」 is not a number; enter digits such as 3908, 431.5 or △40.`);
  }
  const bounds = checkBounds(value);
  if (bounds) return refused(`「${raw}」 ${bounds}`);
  return parsed(value, notes);
}

function checkBounds(value: DecimalString): string | null {
  const [integer = '', fraction = ''] = value.replace('-', '').split('.');
  if (integer.length > MAX_INTEGER_DIGITS)
    return `has more than ${MAX_INTEGER_DIGITS} digits before the point.`;
  if (fraction.length > MAX_FRACTION_DIGITS) return `has more than ${MAX_FRACTION_DIGITS} decimals.`;
  return null;
}

/**
 * Reads what stands in a year's cell: a number, — for nothing to report, or a reason for a missing
 * value. Text that merely looks like a mistyped number (digits with a stray letter) is refused rather
 * than taken as a reason.
 */
export function parseFigureEntry(raw: string, unit: string | null): Parsed<FigureEntry> {
  const trimmed = raw.normalize('NFKC').trim();
  if (trimmed === '' || DASH_ONLY.test(trimmed)) return parsed({ kind: 'none' });
  const figure = parseFigureText(raw, unit);
  if (figure.ok) return parsed({ kind: 'value', value: figure.value }, figure.notes);
  if (/\d/.test(trimmed) && /^[\s\d０-９,，.．+\-△▲−]/.test(raw.trim())) return figure;
  return parsed({ kind: 'missing', reason: raw.trim() });
}

/** A figure that came in as a JavaScript number (JSON, or a YAML number without its source text). */
export function figureFromNumber(value: number): Parsed<DecimalString> {
  if (!Number.isFinite(value)) return refused(`${value} is not a finite number.`);
  const text = Number.isInteger(value) ? BigInt(value).toString() : plainNumberText(value);
  const decimal = toDecimalString(text);
  if (decimal === null) return refused(`${value} cannot be read as a decimal.`);
  const bounds = checkBounds(decimal);
  return bounds ? refused(`${value} ${bounds}`) : parsed(decimal);
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
  const body =
    pointAt <= 0
      ? `0.${'0'.repeat(-pointAt)}${digits}`
      : pointAt >= digits.length
        ? digits + '0'.repeat(pointAt - digits.length)
        : `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return (negative ? '-' : '') + body;
}
