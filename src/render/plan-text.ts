import type { Evaluation, GoalResult, KpiResult, SeriesResult } from '../core/evaluation.ts';
import type { YearSpan } from '../core/fiscal-year.ts';
import type { Assessment } from '../core/plan.ts';
import { localText, needsTranslation, type KpiTranslation, type LocalText } from '../core/translation.ts';
import type { Lang } from '../core/language.ts';

/** Printed after a text the plan gives no English for, so the English edition never mixes silently. */
export const JAPANESE_ONLY = '(Japanese only)';

/** What the English edition had to keep in Japanese: counted for the note every format prints. */
export interface Untranslated {
  /** Texts kept in Japanese, each marked with JAPANESE_ONLY where it is printed. */
  readonly texts: number;
  /** Units kept in Japanese: not marked beside every figure (it would swamp the tables), but listed. */
  readonly units: readonly string[];
}

/** An evaluation with its plan texts in the reader's language, and what could not be translated. */
export type LocalizedEvaluation = Evaluation & { readonly untranslated?: Untranslated };

/**
 * The evaluation with the plan's texts in the reader's language. Japanese returns the very same value,
 * so the Japanese outputs cannot change. English takes each text's English from the plan (`en:`), and
 * keeps a text without one in Japanese followed by JAPANESE_ONLY; units get a space before a word
 * (325 births, 74.3%). Figures, statuses and structure are untouched, and a KPI listed under two goals
 * (再掲) stays one object, as renderers compare KPIs by identity.
 */
export function localizeEvaluation(evaluation: Evaluation, lang: Lang): LocalizedEvaluation {
  if (lang === 'ja' || 'untranslated' in evaluation) return evaluation;
  const t = evaluation.translation;
  let texts = 0;
  const units = new Set<string>();
  const shown = (local: LocalText): string => {
    if (local.lang === 'en') return local.text;
    texts += 1;
    return `${local.text} ${JAPANESE_ONLY}`;
  };
  const text = (ja: string, en: string | null | undefined): string => shown(localText(ja, en));
  const optional = (ja: string | null, en: string | null | undefined): string | null =>
    ja === null || ja === '' ? ja : text(ja, en);
  const unit = (ja: string | null, en: string | null | undefined): string | null => {
    if (ja === null) return null;
    // An empty English unit is a choice: 倍 of a ratio reads best in English as the bare number.
    if (en !== null && en !== undefined) return spacedUnit(en);
    if (ja !== '' && !NEUTRAL_UNITS.has(ja)) units.add(ja);
    return ja;
  };

  const kpis = new Map<KpiResult, KpiResult>();
  const kpiOf = (kpi: KpiResult): KpiResult => {
    const done = kpis.get(kpi);
    if (done) return done;
    const k = t?.kpis.get(kpi.id);
    const year = evaluation.year;
    const out: KpiResult = {
      ...kpi,
      // Read for the copy: a spread leaves out the parts an evaluation computes when first read.
      trajectory: kpi.trajectory,
      diagnostics: kpi.diagnostics,
      name: text(kpi.name, k?.name),
      unit: unit(kpi.unit, k?.unit),
      category: categories(kpi.category, k),
      department: optional(kpi.department, k?.department),
      grade: kpi.grade === null ? null : text(kpi.grade, t?.grades.get(kpi.grade)),
      assessment: assessmentOf(kpi.assessment, k?.assessments.get(year)),
      series: kpi.series.map((s, i) => seriesOf(s, kpi, k, i)),
    };
    kpis.set(kpi, out);
    return out;
  };
  const categories = (tags: readonly string[], k: KpiTranslation | undefined): readonly string[] => {
    if (tags.length === 0) return tags;
    const english = k?.category;
    if (english && english.length === tags.length) return english;
    if (!tags.some(needsTranslation)) return tags;
    // The tags are one cell: marked once, counted once.
    texts += 1;
    return [...tags.slice(0, -1), `${tags.at(-1) ?? ''} ${JAPANESE_ONLY}`];
  };
  const assessmentOf = (
    a: Assessment | null,
    en: { readonly status: string | null; readonly text: string | null } | undefined,
  ): Assessment | null => {
    if (a === null) return null;
    return {
      status: a.status === null ? null : text(a.status, en?.status),
      text: a.text === '' ? a.text : text(a.text, en?.text),
    };
  };
  const seriesOf = (
    s: SeriesResult,
    kpi: KpiResult,
    k: KpiTranslation | undefined,
    i: number,
  ): SeriesResult => {
    const en = k?.series[i];
    // A series without a unit of its own shares the KPI's, and its English.
    const sameUnit = s.unit === kpi.unit;
    return {
      ...s,
      history: s.history,
      trajectory: s.trajectory,
      label: s.label === null ? null : text(s.label, en?.label),
      unit: unit(s.unit, en?.unit ?? (sameUnit ? k?.unit : null)),
      baseline: s.baseline?.span ? { ...s.baseline, span: spanOf(s.baseline.span) } : s.baseline,
    };
  };
  const goalOf = (goal: GoalResult): GoalResult => ({
    ...goal,
    title: text(goal.title, t?.goals.get(goal.id)?.title),
    kpis: goal.kpis.map(kpiOf),
    summary: goal.summary.map(kpiOf),
  });

  const localized: LocalizedEvaluation = {
    ...evaluation,
    diagnostics: evaluation.diagnostics,
    plan: {
      ...evaluation.plan,
      title: text(evaluation.plan.title, t?.title),
      municipality: text(evaluation.plan.municipality, t?.municipality),
    },
    goals: evaluation.goals.map(goalOf),
    kpis: evaluation.kpis.map(kpiOf),
  };
  return { ...localized, untranslated: { texts, units: [...units] } };
}

/** The qualifiers a baseline's span carries (H30～R2平均値), in English; another stays as written. */
const QUALIFIER_EN: Readonly<Record<string, string>> = {
  平均値: ' average',
  平均: ' average',
  合計: ' total',
  累計: ' cumulative',
};

function spanOf(span: YearSpan): YearSpan {
  const en = QUALIFIER_EN[span.qualifier];
  return en === undefined ? span : { ...span, qualifier: en };
}

/** Units that read the same in English, so keeping them is no mixing of languages. */
const NEUTRAL_UNITS = new Set(['%', 't', 'kg', 'km', 'm', 'ha', 'kWh', '‰']);

/** English puts a space between a figure and a unit that is a word (325 births), none before %. */
function spacedUnit(unit: string): string {
  return unit === '' || /^[%‰°]/.test(unit) ? unit : ` ${unit}`;
}

/** The note the English edition prints where it had to keep texts in Japanese; null where it did not. */
export function untranslatedNote(evaluation: Evaluation): string | null {
  const u = (evaluation as LocalizedEvaluation).untranslated;
  if (!u || (u.texts === 0 && u.units.length === 0)) return null;
  const parts: string[] = [];
  if (u.texts > 0) {
    parts.push(
      `${u.texts} ${u.texts === 1 ? 'text' : 'texts'} of this plan ${u.texts === 1 ? 'has' : 'have'} no English translation and ${u.texts === 1 ? 'is' : 'are'} shown in Japanese, marked ${JAPANESE_ONLY}.`,
    );
  }
  if (u.units.length > 0) {
    parts.push(`Units shown in Japanese: ${u.units.join(', ')}.`);
  }
  return parts.join(' ');
}
