import type { FiscalYear } from './fiscal-year.ts';
import type { Lang } from './language.ts';

/**
 * The English the plan gives for its own texts (names, titles, units, categories, assessments, grade
 * labels). Japanese stays the plan's language: every field here is optional, and a text without its
 * English is shown in Japanese, marked as such, never silently mixed in. Kept beside the plan, keyed by
 * the ids the plan already has, so the strict plan types and the evaluation stay as they were.
 */
export interface PlanTranslation {
  readonly title: string | null;
  readonly municipality: string | null;
  /** By goal id. */
  readonly goals: ReadonlyMap<string, GoalTranslation>;
  /** By KPI id. */
  readonly kpis: ReadonlyMap<string, KpiTranslation>;
  /** A grade band's English label, by its Japanese label (the label is what a KPI's result carries). */
  readonly grades: ReadonlyMap<string, string>;
}

export interface GoalTranslation {
  readonly title: string | null;
}

export interface KpiTranslation {
  readonly name: string | null;
  readonly unit: string | null;
  /** One English tag per Japanese tag, in the same order; null where the plan gives none. */
  readonly category: readonly string[] | null;
  readonly department: string | null;
  /** By the series's position in the KPI (a series's label is optional, its place is not). */
  readonly series: readonly (SeriesTranslation | null)[];
  readonly assessments: ReadonlyMap<FiscalYear, AssessmentTranslation>;
}

export interface SeriesTranslation {
  readonly label: string | null;
  readonly unit: string | null;
}

export interface AssessmentTranslation {
  readonly status: string | null;
  readonly text: string | null;
}

/** A text in the reader's language, or the original kept in Japanese because the plan gives no English. */
export interface LocalText {
  readonly text: string;
  readonly lang: Lang;
}

/** Kana, kanji and the full-width forms and punctuation Japanese is written with. */
const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The English where there is one, else the original, saying which it is. An original without Japanese
 * script (a grade A or C, a symbol ◎, a code) reads the same in English, so it needs no translation.
 */
export function localText(japanese: string, english: string | null | undefined): LocalText {
  if (english) return { text: english, lang: 'en' };
  return { text: japanese, lang: needsTranslation(japanese) ? 'ja' : 'en' };
}

/** Whether a text is written in Japanese, so that an English reader needs its translation. */
export function needsTranslation(text: string): boolean {
  return JAPANESE_SCRIPT.test(text);
}

/** Whether a plan gives any English at all: a plan without gives nothing new anywhere. */
export function isEmptyTranslation(t: PlanTranslation): boolean {
  return (
    t.title === null &&
    t.municipality === null &&
    t.goals.size === 0 &&
    t.kpis.size === 0 &&
    t.grades.size === 0
  );
}
