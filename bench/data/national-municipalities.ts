import { parseMunicipalityCode } from '../../src/core/municipality-code.ts';
import { Prng } from './prng.ts';

/**
 * The municipalities of the national dataset: how many each prefecture has (市町村 and Tokyo's 特別区,
 * 1,741 in all, JIS order), each given a code with a valid check digit. Which plan belongs to which
 * municipality comes from a stream of its own, so the plans' figures (national.ts) are untouched.
 */
export const MUNICIPALITIES_PER_PREFECTURE: readonly number[] = [
  179, 40, 33, 35, 25, 35, 59, 44, 25, 35, 63, 54, 62, 33, 30, 15, 19, 17, 27, 77, 42, 35, 54, 29, 19, 26, 43,
  41, 39, 30, 19, 19, 27, 23, 19, 24, 17, 20, 34, 60, 20, 21, 45, 18, 26, 43, 41,
];

/** The seed of the assignment's own stream. */
const ASSIGNMENT_SEED = 0x4a15_0402;

/** Every code, prefecture by prefecture: numbers 201, 202, … within each, as cities are numbered. */
export function nationalCodes(): string[] {
  return MUNICIPALITIES_PER_PREFECTURE.flatMap((count, p) =>
    Array.from({ length: count }, (_, i) => {
      const five = `${String(p + 1).padStart(2, '0')}${String(201 + i).padStart(3, '0')}`;
      const parsed = parseMunicipalityCode(five);
      if (!parsed.ok) throw new Error(`no code for ${five}`);
      return parsed.value;
    }),
  );
}

/**
 * The code of the municipality of plan `index` (0-based): a fixed shuffle of every code, so the first
 * plans (the quick dataset) fall across prefectures rather than all in Hokkaido. Indexes past the
 * 1,741 codes have none.
 */
export function municipalityCodes(count: number): string[] {
  const codes = nationalCodes();
  const rng = new Prng(ASSIGNMENT_SEED);
  // Fisher–Yates, one swap per position: ends by construction.
  for (let i = codes.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [codes[i], codes[j]] = [codes[j] as string, codes[i] as string];
  }
  return codes.slice(0, Math.min(count, codes.length));
}
