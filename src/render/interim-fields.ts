import type { SeriesResult } from '../core/evaluation.ts';
import { explainShortfall } from '../core/explain.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import type { EvaluationSettings } from '../core/settings.ts';
import { jsonDecimal, type JsonValue } from './json-text.ts';

/**
 * The JSON keys of the interim-target, latest-data and shortfall settings, for the evaluation's top level:
 * present only where the plan uses them, so every other plan's output stays byte for byte as it was.
 */
export function settingsJson(settings: EvaluationSettings): Record<string, JsonValue> {
  return {
    ...(settings.against === undefined ? {} : { against: settings.against }),
    ...(settings.data === undefined ? {} : { data: settings.data }),
    ...(settings.shortfall === undefined ? {} : { shortfall: settings.shortfall }),
    ...(settings.rounding.zero === undefined ? {} : { zero: settings.rounding.zero }),
  };
}

/** A series's keys for the same settings: the interim target used, the year judged, 目標との差. */
export function seriesSettingsJson(
  series: SeriesResult,
  settings: EvaluationSettings,
): Record<string, JsonValue> {
  const shortfall = series.shortfall;
  return {
    ...(settings.against === 'interim' ? { interimTarget: jsonDecimal(series.milestone) } : {}),
    ...(series.dataYear === undefined ? {} : { dataYear: formatFiscalYear(series.dataYear) }),
    ...(shortfall === undefined
      ? {}
      : {
          shortfall: shortfall
            ? {
                value: jsonDecimal(shortfall.value),
                target: jsonDecimal(shortfall.target),
                formula: explainShortfall(shortfall, series.direction),
              }
            : null,
        }),
  };
}

/** The CSV columns of the same settings, appended after the contract's columns only where a plan uses them. */
export function settingsCsvColumns(settings: EvaluationSettings): {
  readonly header: readonly string[];
  readonly cells: (series: SeriesResult) => (string | { readonly figure: string } | null)[];
} {
  const columns: {
    name: string;
    cell: (s: SeriesResult) => string | { readonly figure: string } | null;
  }[] = [];
  const figure = (value: string | null | undefined) => (value == null ? null : { figure: value });
  if (settings.against === 'interim')
    columns.push({ name: 'interim_target', cell: (s) => figure(s.milestone) });
  if (settings.data === 'latest') {
    columns.push({
      name: 'data_year',
      cell: (s) => (s.dataYear === undefined ? null : formatFiscalYear(s.dataYear)),
    });
  }
  if (settings.shortfall) columns.push({ name: 'shortfall', cell: (s) => figure(s.shortfall?.value) });
  return { header: columns.map((c) => c.name), cells: (s) => columns.map((c) => c.cell(s)) };
}
