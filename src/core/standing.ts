/**
 * Where one value stands among many, and how many fall in each band: the arithmetic of every
 * comparison across municipalities (achievement rates now, comparable indicators later). Values are
 * exact ratios of whole numbers (achieved / evaluated), compared by cross-multiplication, so two
 * municipalities with 2/3 and 4/6 tie and 66.7 % never beats 2/3 through rounding.
 */

/** A share as whole numbers: `of` is never zero. */
export interface Ratio {
  readonly part: number;
  readonly of: number;
}

/** The ratio, or null where the denominator is zero (nothing evaluated: no rate to compare). */
export function ratio(part: number, of: number): Ratio | null {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(of) || of <= 0 || part < 0) return null;
  return { part, of };
}

/** Negative when a < b, zero when equal, positive when a > b; exact for any safe integers. */
export function compareRatios(a: Ratio, b: Ratio): number {
  const left = BigInt(a.part) * BigInt(b.of);
  const right = BigInt(b.part) * BigInt(a.of);
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface Standing {
  /** 1 + how many are strictly higher: tied values share the rank (competition ranking, 1224). */
  readonly rank: number;
  /** How many have exactly this value, itself included. */
  readonly tied: number;
  /** How many have a value at all. */
  readonly total: number;
  /** rank / total as a whole percentage, half up, at least 1: 「上位19%」 for 12th of 63. */
  readonly topPercent: number;
}

/** Where `value` stands among `values` (higher is better), or null when it is no value. */
export function standingOf(value: Ratio | null, values: readonly (Ratio | null)[]): Standing | null {
  if (value === null) return null;
  let higher = 0;
  let tied = 0;
  let total = 0;
  for (const other of values) {
    if (other === null) continue;
    total++;
    const order = compareRatios(other, value);
    if (order > 0) higher++;
    else if (order === 0) tied++;
  }
  if (tied === 0) return null;
  const rank = higher + 1;
  return { rank, tied, total, topPercent: topPercent(rank, total) };
}

/**
 * Every value's standing at once, in the values' order: one sort, then each run of equal values shares
 * the rank of its first, so a nation's worth of plans costs n log n comparisons, not n².
 */
export function standingsOf(values: readonly (Ratio | null)[]): (Standing | null)[] {
  const present = values.flatMap((value, index) => (value === null ? [] : [{ value, index }]));
  present.sort((a, b) => compareRatios(b.value, a.value) || a.index - b.index);
  const total = present.length;
  const out: (Standing | null)[] = values.map(() => null);
  let start = 0;
  while (start < total) {
    const first = present[start] as { value: Ratio; index: number };
    let end = start + 1;
    while (end < total && compareRatios((present[end] as { value: Ratio }).value, first.value) === 0) end++;
    const rank = start + 1;
    const standing = { rank, tied: end - start, total, topPercent: topPercent(rank, total) };
    for (let i = start; i < end; i++) out[(present[i] as { index: number }).index] = standing;
    start = end;
  }
  return out;
}

/** round(rank × 100 / total) in whole numbers, at least 1: the first of 200 is in the top 1 %, not 0 %. */
function topPercent(rank: number, total: number): number {
  return Math.max(1, Math.floor((200 * rank + total) / (2 * total)));
}

/** Bands of ten points: [0, 10), [10, 20), … [90, 100], the last closed so 100 % has a band. */
export const BANDS = 10;

/** The band of a ratio (0 to 9): floor(10 × part / of), 100 % in the last band. */
export function bandOf(value: Ratio): number {
  const band = Math.floor((BANDS * value.part) / value.of);
  return Math.min(BANDS - 1, Math.max(0, band));
}

/** How many values fall in each band, lowest band first; null values are counted apart. */
export function histogram(values: readonly (Ratio | null)[]): { counts: number[]; missing: number } {
  const counts = Array.from({ length: BANDS }, () => 0);
  let missing = 0;
  for (const value of values) {
    if (value === null) missing++;
    else counts[bandOf(value)] = (counts[bandOf(value)] ?? 0) + 1;
  }
  return { counts, missing };
}

/**
 * The middle value (the lower middle for an even count, so it is always one of the values, never an
 * average that no municipality has); null when there are none.
 */
export function medianOf(values: readonly (Ratio | null)[]): Ratio | null {
  const present = values.filter((v): v is Ratio => v !== null).sort(compareRatios);
  return present[Math.floor((present.length - 1) / 2)] ?? null;
}
