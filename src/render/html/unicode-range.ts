/** An inclusive span of code points, as one item of a CSS unicode-range. */
export interface CodeRange {
  readonly from: number;
  readonly to: number;
}

/** `U+25ee8,U+26ff6-26ff8,U+4??` → code point spans; wildcards stand for every digit. */
export function parseUnicodeRange(text: string): CodeRange[] {
  return text
    .split(',')
    .map((item) => item.trim().replace(/^U\+/i, ''))
    .filter((item) => item !== '')
    .map((item) => {
      const [first = '', last] = item.split('-');
      if (last !== undefined) return { from: parseInt(first, 16), to: parseInt(last, 16) };
      return { from: parseInt(first.replace(/\?/g, '0'), 16), to: parseInt(first.replace(/\?/g, 'f'), 16) };
    });
}

/** The distinct code points of a text, ascending. */
export function codePointsOf(text: string): number[] {
  const points = new Set<number>();
  for (const char of text) points.add(char.codePointAt(0) ?? 0);
  return [...points].sort((a, b) => a - b);
}

/** Whether any of the ascending code points falls in one of the ranges. */
export function coversAny(ranges: readonly CodeRange[], sortedPoints: readonly number[]): boolean {
  return ranges.some((range) => {
    let lo = 0;
    let hi = sortedPoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sortedPoints[mid] ?? 0) < range.from) lo = mid + 1;
      else hi = mid;
    }
    return lo < sortedPoints.length && (sortedPoints[lo] ?? 0) <= range.to;
  });
}
