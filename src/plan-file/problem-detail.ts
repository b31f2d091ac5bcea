import type { Direction } from '../core/plan.ts';
import type { FigureNote, FigureProblem } from '../core/figure-text.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { TextProblem } from '../core/text-field.ts';
import type { MunicipalityCodeProblem } from '../core/municipality-code.ts';

/** What a value of the wrong type turned out to be: a kind, and for a scalar its (clipped) text. */
export type FoundValue =
  | { readonly kind: 'null' | 'list' | 'mapping' }
  | { readonly kind: 'scalar'; readonly type: string; readonly text: string };

/**
 * Everything the plan-file reader can say, as a code and its parameters: the CLI words them in English
 * (problem-en.ts), the web in the reader's language (web/i18n/staff-plan-file-words-*.ts). Texts quoted
 * from the file are clipped where they are taken, so no wording can grow huge.
 */
export type PlanProblemDetail =
  // The file as a whole (read.ts)
  | { readonly code: 'file-too-large'; readonly megabytes: string; readonly limit: number }
  | { readonly code: 'file-empty' | 'alias-bomb' | 'not-a-plan' }
  | { readonly code: 'too-deep'; readonly limit: number }
  /** `english` is the YAML library's own first line, which only the English wording repeats. */
  | { readonly code: 'syntax'; readonly duplicateKey: boolean; readonly english: string }
  // The shape (schema.ts issues, worded in read.ts)
  | { readonly code: 'text'; readonly text: TextProblem }
  /** A check without a wording of its own; `english` is the schema library's message. */
  | { readonly code: 'invalid'; readonly english: string }
  | { readonly code: 'unknown-key'; readonly key: string; readonly near: string | null }
  | { readonly code: 'missing-key'; readonly key: string }
  | { readonly code: 'wrong-form'; readonly expected: readonly string[] }
  | { readonly code: 'wrong-type'; readonly expected: string; readonly found: FoundValue }
  | { readonly code: 'not-allowed'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly code: 'too-few'; readonly minimum: string }
  | { readonly code: 'too-small'; readonly minimum: string }
  // The meaning (normalize.ts)
  | { readonly code: 'period-reversed' | 'grade-order' }
  | { readonly code: 'goal-id-twice' | 'kpi-id-twice'; readonly id: string }
  | { readonly code: 'unknown-ref'; readonly id: string; readonly near: string | null }
  | { readonly code: 'kpi-listed-twice'; readonly goal: string; readonly id: string }
  | { readonly code: 'grade-min-not-last'; readonly label: string }
  // Trend statuses, editions and cumulative KPIs
  | { readonly code: 'trend-open-not-last'; readonly label: string }
  | { readonly code: 'edition-order'; readonly from: FiscalYear; readonly previous: FiscalYear }
  | { readonly code: 'cumulative-since-after-from'; readonly since: FiscalYear; readonly from: FiscalYear }
  | { readonly code: 'series-and-figures'; readonly id: string }
  | { readonly code: 'no-target'; readonly name: string }
  /** evaluation.against: interim, and a KPI with no interim target at all: it will never have a score. */
  | { readonly code: 'no-interim-targets'; readonly name: string }
  | {
      readonly code: 'direction-contradicts';
      readonly stated: Direction;
      readonly implied: Direction;
      readonly target: string;
      readonly baseline: string;
    }
  | { readonly code: 'direction-needed'; readonly name: string; readonly equal: boolean }
  | { readonly code: 'not-decimal'; readonly text: string }
  /** `hint` false where the figure was a YAML number, whose refusal the English gives no hint for. */
  | { readonly code: 'figure'; readonly problem: FigureProblem; readonly hint: boolean }
  | { readonly code: 'normalized'; readonly text: string; readonly notes: readonly FigureNote[] }
  /** `english` is the year reader's own sentence (core/fiscal-year.ts), which only the English repeats. */
  | { readonly code: 'bad-year' | 'bad-year-span'; readonly text: string; readonly english: string }
  | { readonly code: 'duplicate-year'; readonly key: string; readonly year: FiscalYear }
  // Revisions (revisions.ts)
  | { readonly code: 'revision-twice'; readonly name: string; readonly from: FiscalYear }
  | { readonly code: 'revision-order'; readonly from: FiscalYear; readonly previous: FiscalYear }
  | {
      readonly code: 'revision-outside';
      readonly from: FiscalYear;
      readonly start: FiscalYear;
      readonly end: FiscalYear;
    }
  | {
      readonly code: 'revision-before-baseline';
      readonly from: FiscalYear;
      readonly baselineYear: FiscalYear;
    }
  | {
      readonly code:
        'revision-no-note' | 'revision-empty' | 'revision-removes-baseline' | 'revision-no-change';
      readonly from: FiscalYear;
    }
  | { readonly code: 'revision-target-before'; readonly from: FiscalYear; readonly targetYear: FiscalYear }
  | {
      readonly code: 'revision-turns';
      readonly from: FiscalYear;
      readonly name: string;
      readonly target: string;
      readonly baseline: string;
      readonly direction: Direction;
      readonly implied: Direction;
    }
  // Targets as bounds, words or none, and the office's hand grade (target-form.ts)
  | { readonly code: 'target-form' | 'revision-target-form' | 'judgement-with-target'; readonly name: string }
  | { readonly code: 'word-needs-baseline'; readonly name: string; readonly word: string }
  | {
      readonly code: 'target-form-contradicts';
      readonly name: string;
      readonly stated: Direction;
      readonly form: string;
    }
  | { readonly code: 'bound-without-figure' }
  // Translations (translation.ts)
  /** An English text for a field the Japanese leaves out (`field`: unit, department, status). */
  | { readonly code: 'translation-no-original'; readonly field: string }
  | { readonly code: 'translation-count'; readonly expected: number; readonly found: number }
  // Storing (store/plan-import.ts, for the web's import)
  | { readonly code: 'no-plan-id' }
  | { readonly code: 'municipality-code'; readonly text: string; readonly problem: MunicipalityCodeProblem }
  | { readonly code: 'population'; readonly text: string };
