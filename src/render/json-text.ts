import type { DecimalString } from '../core/decimal.ts';

/** A figure to be written as a JSON number exactly as its decimal string reads ("19.00" stays 19.00). */
export class JsonDecimal {
  constructor(readonly text: DecimalString) {}
}

export const jsonDecimal = (value: DecimalString | null): JsonDecimal | null =>
  value === null ? null : new JsonDecimal(value);

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonDecimal
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * JSON.stringify, except that figures never pass through a binary float: a JsonDecimal is written as
 * its own digits. (JSON.rawJSON would do this, but Node 20 does not have it.)
 */
export function toJsonText(value: JsonValue, indent = 2): string {
  return write(value, '', ' '.repeat(indent)) + '\n';
}

function write(value: JsonValue, current: string, step: string): string {
  if (value instanceof JsonDecimal) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = current + step;
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    if (items.length === 0) return '[]';
    return `[\n${items.map((v) => inner + write(v, inner, step)).join(',\n')}\n${current}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, step)}`).join(',\n')}\n${current}}`;
}
