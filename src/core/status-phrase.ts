import type { DecimalString } from './decimal.ts';
import { dec } from './decimal.ts';

/**
 * Which phrase opens an assessment (DOMAIN rule 9). The words themselves belong to the report's
 * language; see render's message catalog.
 */
export type StatusPhrase = 'achieved' | 'on-track' | 'unchanged' | 'not-achieved';

export function statusPhraseOf(achieved: boolean, score: DecimalString | null): StatusPhrase {
  if (achieved) return 'achieved';
  if (score === null) return 'not-achieved';
  const s = dec(score);
  if (s.isZero()) return 'unchanged';
  return s.isPositive() ? 'on-track' : 'not-achieved';
}

/** The phrases of DOMAIN rule 9, as Japanese reports write them. */
export const STATUS_PHRASE_JA: Readonly<Record<StatusPhrase, string>> = {
  achieved: '達成している状況',
  'on-track': '目標達成に向け順調に推移している状況',
  unchanged: '現状維持の状況',
  'not-achieved': '未達成の状況',
};

/**
 * The phrase where the plan grades its KPIs: it follows the grade, so a KPI in the worst band (C, 要改善)
 * is never 「順調に推移」 whatever its progress. A band's own words, where it has them, come first.
 */
export function gradedPhrase(
  achieved: boolean,
  score: DecimalString | null,
  band: { readonly index: number; readonly count: number },
): StatusPhrase {
  const phrase = statusPhraseOf(achieved, score);
  const worst = band.count > 1 && band.index === band.count - 1;
  return worst && phrase === 'on-track' ? 'not-achieved' : phrase;
}
