import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { Indicator } from '../../core/indicators.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { toCsv, type CsvCell } from '../../render/csv.ts';
import { t } from '../i18n/index.ts';
import type { IndicatorComparison } from '../queries/indicator-comparison.ts';

/**
 * One indicator's comparison for a prefecture or the nation as CSV: every ranked and every unranked
 * figure, one row each, figures as the decimal strings the plans publish (never through a float), UTF-8
 * with a BOM so Excel opens it as such, and the column names in the reader's language. The columns are
 * listed once here, and the data dictionary describes the same list.
 */
const COLUMNS = [
  'indicator',
  'indicatorName',
  'year',
  'series',
  'rank',
  'municipalityCode',
  'municipality',
  'plan',
  'kpi',
  'kpiName',
  'figure',
  'unit',
  'perResidents',
  'per',
  'population',
  'populationYear',
  'status',
  'progress',
  'apart',
] as const;

export function indicatorCsv(comparison: IndicatorComparison, indicator: Indicator, lang: Lang): string {
  const w = t(lang).indicators;
  const r = messagesFor(lang);
  const rows: CsvCell[][] = [];
  for (const group of comparison.groups) {
    const common = (item: (typeof group.ranked)[number]['item']) => ({
      indicator: indicator.code,
      indicatorName: lang === 'ja' ? indicator.ja : indicator.en,
      year: formatFiscalYear(comparison.year),
      series: group.label,
      municipalityCode: item.municipalityCode,
      municipality: lang === 'ja' ? item.municipality : (item.english.municipality ?? item.municipality),
      plan: item.slug,
      kpi: item.kpiId,
      kpiName: lang === 'ja' ? item.kpiName : (item.english.kpiName ?? item.kpiName),
      unit: item.unit,
      per: indicator.perResidents === null ? null : { figure: String(indicator.perResidents) },
      population: item.population === null ? null : { figure: item.population.value },
      populationYear:
        item.population?.year === null || item.population === null
          ? null
          : formatFiscalYear(item.population.year),
      status: r.status(item.status),
      progress: item.progress === null ? null : { figure: item.progress },
    });
    for (const row of group.ranked) {
      const cells: Record<string, CsvCell> = {
        ...common(row.item),
        rank: row.rank,
        figure: { figure: row.figure },
        perResidents: row.perResidents === null ? null : { figure: row.perResidents },
        apart: null,
      };
      rows.push(COLUMNS.map((c) => cells[c] ?? null));
    }
    for (const row of group.apart) {
      const cells: Record<string, CsvCell> = {
        ...common(row.item),
        rank: null,
        figure: null,
        perResidents: null,
        apart: w.reason(row.reason),
      };
      rows.push(COLUMNS.map((c) => cells[c] ?? null));
    }
  }
  return toCsv(
    COLUMNS.map((c) => w.csvHeaders[c]),
    rows,
    { bom: true },
  );
}

/** The data dictionary of that CSV: each column's name as the CSV writes it, what it holds and its type. */
export function indicatorDictionaryCsv(lang: Lang): string {
  const w = t(lang).indicators;
  return toCsv(
    [w.dictionaryHeaders.column, w.dictionaryHeaders.description, w.dictionaryHeaders.type],
    COLUMNS.map((c) => {
      const [description, type] = w.dictionary[c] ?? ['', ''];
      return [w.csvHeaders[c], description, type];
    }),
    { bom: true },
  );
}
