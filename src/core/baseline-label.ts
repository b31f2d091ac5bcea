import type { DecimalString } from './decimal.ts';
import { parseFigureText } from './figure-text.ts';
import { parseYearSpan, type YearSpan } from './fiscal-year.ts';

/** A baseline as a published table prints it, read into its parts; the text itself is kept to print. */
export interface BaselineLabel {
  readonly value: DecimalString;
  readonly span: YearSpan | null;
  readonly label: string;
}

/** Words that open a printed baseline and say how its years were combined (平均111人). */
const OPENING_WORDS = /^(平均|年平均|合計|累計)/;
const IN_BRACKETS = /^(.*?)\(([^()]*)\)$/;
/** The second year of a span written without its era (H22~26): it takes the first year's era. */
const ERA_OMITTED = /^([A-Za-z]+|令和|平成|昭和)(\d+)\s*([～〜~\-－‐―])\s*(\d+)$/;

/**
 * Reads a baseline written as a label, such as 「平均111人(H22~26)」: an opening word, the figure (read by
 * the one figure rule, so its unit and number styles are those of any figure) and the years in brackets.
 * Returns null where the text is not of that form, so a plain figure keeps its own reading and refusal.
 */
export function readBaselineLabel(raw: string, unit: string | null): BaselineLabel | null {
  const label = raw.trim();
  const text = label.normalize('NFKC');
  const bracketed = IN_BRACKETS.exec(text);
  const body = bracketed?.[1]?.trim() ?? text;
  const opening = OPENING_WORDS.exec(body)?.[1] ?? '';
  if (!bracketed && opening === '') return null;
  const figure = parseFigureText(body.slice(opening.length), unit);
  if (!figure.ok) return null;
  if (!bracketed) return { value: figure.value, span: null, label };
  const years = (bracketed[2] ?? '').trim();
  const omitted = ERA_OMITTED.exec(years);
  const spanText = omitted ? `${omitted[1]}${omitted[2]}～${omitted[1]}${omitted[4]}` : years;
  const span = parseYearSpan(spanText);
  if (!span.ok) return null;
  return {
    value: figure.value,
    span: opening && span.value.qualifier === '' ? { ...span.value, qualifier: opening } : span.value,
    label,
  };
}
