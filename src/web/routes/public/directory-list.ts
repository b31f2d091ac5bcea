import { PREFECTURES, prefectureOf, type Prefecture } from '../../../core/prefectures.ts';
import type { DirectoryMunicipality } from '../../../store/municipality-directory.ts';

/** Municipalities on one page of the directory: a prefecture's worth fits in two. */
export const MUNICIPALITIES_PER_PAGE = 100;

export interface PrefectureCount {
  readonly prefecture: Prefecture;
  readonly municipalities: number;
}

/** The 47 prefectures in JIS order, each with how many of its municipalities publish. */
export function prefectureCounts(all: readonly DirectoryMunicipality[]): PrefectureCount[] {
  const counts = new Map<string, number>();
  for (const m of all) {
    const code = prefectureOf(m.code)?.code;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return PREFECTURES.map((prefecture) => ({ prefecture, municipalities: counts.get(prefecture.code) ?? 0 }));
}

/**
 * The municipalities matching every term, in one prefecture or all: a term matches a name containing
 * it, or a code starting with it (11, 11233, 112330), so a five-digit code without its check digit finds
 * its municipality too. In the list's order (by code, so grouped by prefecture).
 */
export function matching(
  all: readonly DirectoryMunicipality[],
  terms: readonly string[],
  prefecture: Prefecture | null,
): DirectoryMunicipality[] {
  const lower = terms.map((term) => term.toLowerCase());
  return all.filter(
    (m) =>
      (prefecture === null || m.code.startsWith(prefecture.code)) &&
      lower.every(
        (term) => m.name.toLowerCase().includes(term) || (/^[0-9]+$/.test(term) && m.code.startsWith(term)),
      ),
  );
}

/** One page of a list, the page past the end showing the last. */
export function pageOf<T>(items: readonly T[], page: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / MUNICIPALITIES_PER_PAGE));
  const shown = Math.min(page, pages);
  const from = (shown - 1) * MUNICIPALITIES_PER_PAGE;
  return { items: items.slice(from, from + MUNICIPALITIES_PER_PAGE), page: shown, pages };
}
