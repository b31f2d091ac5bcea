import { describe, expect, it } from 'vitest';
import { AREAS, catalog } from '../../src/web/i18n/index.ts';

/** Every key path of a message tree, with the kind of value found there. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key));
  }
  return [`${path}:${typeof value}`];
}

describe('the message catalog', () => {
  it('gives English every message Japanese has, in the same shape', () => {
    expect(shape(catalog.en)).toEqual(shape(catalog.ja));
  });

  it('keeps each area’s keys apart, so merging never hides a message', () => {
    const seen = new Map<string, string>();
    for (const [area, { ja }] of Object.entries(AREAS)) {
      for (const key of Object.keys(ja)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  it('has no empty message', () => {
    for (const lang of ['ja', 'en'] as const) {
      const strings = Object.values(catalog[lang]).filter((v): v is string => typeof v === 'string');
      for (const text of strings) expect(text.trim()).not.toBe('');
    }
  });
});
