import { formatFiscalYearLong } from '../core/fiscal-year.ts';
import { prefectureByCode } from '../core/prefectures.ts';
import type { Lang } from '../core/language.ts';
import { toCsv, type CsvCell } from '../render/csv.ts';
import { dictionaryCsv } from '../open-data/documents.ts';
import { RATE_COMPARISON_FIELDS } from '../open-data/rate-comparison-fields.ts';
import type { RateComparison } from './comparison-rates.ts';
import { MEASURES, type Standings } from './comparison-standings.ts';

/**
 * The comparison of achievement rates as CSV: one row per plan, in the comparison's order, with a BOM
 * (Excel reads it as UTF-8). The Japanese edition heads its columns in Japanese (the dictionary's
 * 項目名), the English one with the dictionary's English keys; the figures are the same.
 */
export function rateComparisonCsv(comparison: RateComparison, standings: Standings, lang: Lang): string {
  const header = RATE_COMPARISON_FIELDS.map((f) => (lang === 'ja' ? f.label : f.key));
  const rows = standings.rows.map((row): CsvCell[] => {
    const prefecture = prefectureByCode(row.plan.prefecture);
    return [
      comparison.year,
      formatFiscalYearLong(comparison.year),
      row.plan.prefecture,
      prefecture ? (lang === 'ja' ? prefecture.ja : prefecture.en) : null,
      row.plan.code,
      row.plan.municipality,
      row.plan.slug,
      lang === 'en' && row.plan.englishTitle ? row.plan.englishTitle : row.plan.title,
      row.plan.edition,
      ...MEASURES.flatMap((measure): CsvCell[] => {
        const figure = row.figures[measure];
        const standing = row.standings[measure];
        return [
          figure.counts?.achieved ?? null,
          figure.counts?.evaluated ?? null,
          figure.rate === null ? null : { figure: figure.rate },
          standing?.rank ?? null,
          standing?.total ?? null,
        ];
      }),
    ];
  });
  return toCsv(header, rows, { bom: true });
}

/** The comparison CSV's data dictionary (項目定義書), in the open data's layout. */
export function rateComparisonDictionary(): string {
  return dictionaryCsv({ fields: [...RATE_COMPARISON_FIELDS] });
}
