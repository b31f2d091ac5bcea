import type { SeriesResult } from '../core/evaluation.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { EvaluationSettings } from '../core/settings.ts';
import { jsonDecimal } from '../render/json-text.ts';
import type { OpenDataField } from './fields.ts';
import type { OpenDataValue } from './records.ts';

/**
 * The dataset's columns for the interim-target, latest-data and shortfall settings: appended after the
 * dictionary's own columns, and only where the plan uses the setting, so other datasets stay as they were.
 */
const JUDGED_YEAR: OpenDataField = {
  key: 'judged_year',
  label: '評価に用いた実績値の年度',
  type: 'integer',
  unit: null,
  description:
    '進捗・達成状況の算出に用いた実績値の年度（直近値）。統計の公表が遅れる数値目標では、その年度より前の年度になる。年度の始まる西暦年で表す。',
};
const INTERIM_TARGET: OpenDataField = {
  key: 'interim_target',
  label: '年度目標',
  type: 'number',
  unit: null,
  description:
    '評価に用いた実績値の年度の年度目標（期待値・目安値）。定めのない場合は空欄。単位は「単位」の列による。',
};
const INTERIM_SCORE: OpenDataField = {
  key: 'interim_score',
  label: '年度目標に対する達成度',
  type: 'number',
  unit: '%',
  description:
    '計画の定める方法で年度目標に対して算出した値（実績値÷年度目標×100など）。計画の定める桁で端数処理した値。年度目標がない場合は空欄。',
};
const SHORTFALL: OpenDataField = {
  key: 'shortfall',
  label: '目標との差',
  type: 'number',
  unit: null,
  description:
    '目標値（年度目標で評価する計画では年度目標）と実績値の差。目標に届いていない間は正、目標を超えると負。単位は「単位」の列による（%の場合はポイント）。',
};

export function interimFields(settings: EvaluationSettings): OpenDataField[] {
  return [
    ...(settings.data === 'latest' ? [JUDGED_YEAR] : []),
    ...(settings.against === 'interim' ? [INTERIM_TARGET, INTERIM_SCORE] : []),
    ...(settings.shortfall ? [SHORTFALL] : []),
  ];
}

export function interimValues(
  series: SeriesResult,
  settings: EvaluationSettings,
): Record<string, OpenDataValue> {
  return {
    ...(settings.data === 'latest'
      ? { judged_year: series.actual?.kind === 'value' ? (series.dataYear ?? null) : null }
      : {}),
    ...(settings.against === 'interim'
      ? {
          interim_target: jsonDecimal(series.milestone),
          interim_score: jsonDecimal(series.score?.value ?? null),
        }
      : {}),
    ...(settings.shortfall ? { shortfall: jsonDecimal(series.shortfall?.value ?? null) } : {}),
  };
}

/** The year's own cell: under 直近値 the series's `actual` may be an earlier year's, which this row is not. */
export function ownEntry(series: SeriesResult, year: FiscalYear): FigureEntry | null {
  if (series.dataYear === undefined) return series.actual;
  return series.history.find((h) => h.year === year)?.entry ?? null;
}
