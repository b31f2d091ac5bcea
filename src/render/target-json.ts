import type { KpiResult, SeriesResult } from '../core/evaluation.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import type { JsonValue } from './json-text.ts';
import type { Messages } from './messages.ts';
import { baselineText, entryText, targetText } from './target-text.ts';

type JsonObject = { [key: string]: JsonValue };

/**
 * The JSON keys of targets and actuals written as bounds or words, printed labels, KPIs without a numeric
 * target and hand grades. Each is sent only where the plan uses the form, so the output for any other plan
 * stays byte for byte as it was.
 */
export function seriesFormJson(series: SeriesResult, messages: Messages): JsonObject {
  const { target, baseline, actual, unit } = series;
  const out: JsonObject = {};
  if (target.none) out.noTarget = true;
  if (target.bound !== undefined) out.targetBound = target.bound;
  if (target.word !== undefined) out.targetWord = target.word;
  if (target.label !== undefined) out.targetLabel = target.label;
  if (Object.keys(out).length > 0) out.targetText = targetText(target, unit, messages);
  if (baseline?.label !== undefined) {
    out.baselineLabel = baseline.label;
    out.baselineText = baselineText(baseline, unit, messages);
  }
  Object.assign(out, prefixed('actual', entryFormJson(actual, unit, messages)));
  return out;
}

/** A year's figure known only as a bound, or kept with its printed text. */
export function entryFormJson(
  entry: FigureEntry | null,
  unit: string | null,
  messages: Messages,
): JsonObject {
  if (entry?.kind !== 'value' || (entry.bound === undefined && entry.label === undefined)) return {};
  return {
    ...(entry.bound !== undefined ? { bound: entry.bound } : {}),
    ...(entry.label !== undefined ? { label: entry.label } : {}),
    text: entryText(entry, unit, messages),
  };
}

export function kpiTargetJson(kpi: KpiResult): JsonObject {
  const out: JsonObject = {};
  if (kpi.unscored) out.unscored = kpi.unscored;
  if (kpi.judgement) {
    out.judgement = {
      grade: kpi.judgement.grade,
      reason: kpi.judgement.reason,
      achieved: kpi.judgement.achieved,
      byOffice: true,
    };
  }
  return out;
}

function prefixed(prefix: string, object: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [prefix + key[0]?.toUpperCase() + key.slice(1), value]),
  );
}
