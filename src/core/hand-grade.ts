import type { KpiFields } from './lazy-results.ts';
import type { Assessment } from './plan.ts';
import { statusPhraseOf } from './status-phrase.ts';

/**
 * A KPI without a numeric target (評価なし). Nothing can be computed for it, so it is left out of the
 * rate and listed under its own reason, unless the office grades it by hand for the year: then the
 * grade stands, marked as the office's judgement, and counts as achieved or not where the office says so.
 */
export function handJudged(result: KpiFields, assessment: Assessment | null): KpiFields {
  const judgement = assessment?.judgement;
  const counted = judgement?.achieved ?? null;
  return {
    ...result,
    status: counted === null ? 'not_evaluated' : counted ? 'achieved' : 'not_achieved',
    missing: null,
    score: null,
    grade: judgement?.grade ?? null,
    phrase: counted === null ? null : statusPhraseOf(counted, null),
    unscored: 'no-target',
    ...(judgement ? { judgement } : {}),
  };
}
