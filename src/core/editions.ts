import type { FiscalYear } from './fiscal-year.ts';
import type { EvaluationSettings, GradeBand, Rounding } from './settings.ts';
import type { TrendSettings } from './trend-status.ts';

/**
 * Evaluation settings changed from a year on (from R5 the bands are renamed, or rounding goes to whole
 * percent). Earlier years keep the settings they were published with, so a past edition never changes.
 */
export interface SettingsEdition {
  readonly from: FiscalYear;
  readonly grades?: readonly GradeBand[] | null;
  readonly rounding?: Rounding;
  readonly trend?: TrendSettings;
}

/** The settings in force in a year: the plan's own, changed by each edition from that year or before. */
export function settingsInForce(settings: EvaluationSettings, year: FiscalYear): EvaluationSettings {
  const editions = settings.editions;
  if (!editions || editions.length === 0) return settings;
  let inForce: EvaluationSettings = settings;
  for (const edition of [...editions].sort((a, b) => a.from - b.from)) {
    if (edition.from > year) break;
    inForce = {
      ...inForce,
      ...(edition.grades === undefined ? {} : { grades: edition.grades }),
      ...(edition.rounding === undefined ? {} : { rounding: edition.rounding }),
      ...(edition.trend === undefined ? {} : { trend: edition.trend }),
    };
  }
  return inForce;
}
