import { isMissingReason, MISSING_REASONS, type FigureEntry } from '../../core/figure-text.ts';
import type { KpiSheet } from '../../store/department-kpis.ts';
import type { FormFields } from '../forms.ts';

/**
 * What the entry form carries for one series: the figure as typed, the reason chosen when there is none,
 * the state, and, hidden, the version and what the editor started from. The version catches a concurrent
 * save; the starting values let a field nobody touched be left alone, so it cannot raise a conflict of its
 * own. `confirmed` is the value the editor confirmed after a warning (a negative count, a jump).
 */
export interface SeriesInput {
  readonly position: number;
  readonly text: string;
  /**
   * '' (a figure is typed), {@link NO_FIGURE} (nothing to report), one of core's MISSING_REASONS, or the
   * stored legacy reason kept as it was ({@link legacyReasonOf}).
   */
  readonly reason: string;
  readonly state: string;
  readonly version: number;
  readonly original: string;
  readonly originalReason: string;
  readonly originalState: string;
  readonly confirmed: string;
}

/** The reason list's entry for 'nothing to report this year' (— in the report). */
export const NO_FIGURE = 'none';

/** The reasons the form offers, in the list's order; anything else posted is refused as no choice. */
export const REASON_CHOICES: readonly string[] = [NO_FIGURE, ...MISSING_REASONS];

export const isReasonChoice = (value: string): boolean => value === NO_FIGURE || isMissingReason(value);

/**
 * The reason stored for a series when it is not on today's list: free text an earlier release saved
 * (「コロナ影響により未集計」). The form offers it as one more choice, so saving an unrelated change keeps it;
 * posted back, it is taken only when it is exactly what is stored, never as new free text.
 */
export function legacyReasonOf(series: KpiSheet['series'][number]): string | null {
  const entry = series.observation?.entry;
  return entry?.kind === 'missing' && !isReasonChoice(entry.reason) ? entry.reason : null;
}

export interface AssessmentInput {
  readonly status: string;
  readonly text: string;
  readonly version: number;
  readonly originalStatus: string;
  readonly originalText: string;
}

export interface EntryInput {
  readonly series: readonly SeriesInput[];
  readonly assessment: AssessmentInput;
}

/** The form's field names; they double as element ids, so messages can point at their field. */
export const entryFields = {
  value: (position: number) => `s${position}-value`,
  state: (position: number) => `s${position}-state`,
  version: (position: number) => `s${position}-version`,
  original: (position: number) => `s${position}-original`,
  originalState: (position: number) => `s${position}-original-state`,
  reason: (position: number) => `s${position}-reason`,
  originalReason: (position: number) => `s${position}-original-reason`,
  confirm: (position: number) => `s${position}-confirm`,
  status: 'a-status',
  text: 'a-text',
  assessmentVersion: 'a-version',
  originalStatus: 'a-original-status',
  originalText: 'a-original-text',
} as const;

/** How a stored figure is offered for editing: the number in the field, or the reason in the list. */
export function inputOf(entry: FigureEntry | null): { text: string; reason: string } {
  if (entry === null) return { text: '', reason: '' };
  if (entry.kind === 'value') return { text: entry.value, reason: '' };
  return { text: '', reason: entry.kind === 'missing' ? entry.reason : NO_FIGURE };
}

export function seriesInputOf(series: KpiSheet['series'][number]): SeriesInput {
  const { text, reason } = inputOf(series.observation?.entry ?? null);
  const state = series.observation?.state ?? 'final';
  return {
    position: series.position,
    text,
    reason,
    state,
    version: series.observation?.version ?? 0,
    original: text,
    originalReason: reason,
    originalState: state,
    confirmed: '',
  };
}

export function assessmentInputOf(assessment: KpiSheet['assessment']): AssessmentInput {
  const status = assessment?.status ?? '';
  const text = assessment?.text ?? '';
  return { status, text, version: assessment?.version ?? 0, originalStatus: status, originalText: text };
}

/** The form as the stored sheet fills it. */
export function entryInputOf(sheet: KpiSheet): EntryInput {
  return { series: sheet.series.map(seriesInputOf), assessment: assessmentInputOf(sheet.assessment) };
}

/**
 * Reads the posted form; the series are the sheet's, so a forged field for another series is ignored.
 * What the editor typed goes through the text-field rule (refusals wait in `form.problems`); the hidden
 * fields are only compared with what is stored, never stored themselves.
 */
export function entryInputFrom(form: FormFields, sheet: KpiSheet): EntryInput {
  const version = (name: string): number => {
    const n = Number(form.raw(name));
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  };
  return {
    series: sheet.series.map((s) => ({
      position: s.position,
      text: form.text(entryFields.value(s.position), 'figure'),
      reason: form.raw(entryFields.reason(s.position)),
      state: form.raw(entryFields.state(s.position)),
      version: version(entryFields.version(s.position)),
      original: form.raw(entryFields.original(s.position)),
      originalReason: form.raw(entryFields.originalReason(s.position)),
      originalState: form.raw(entryFields.originalState(s.position)),
      confirmed: form.raw(entryFields.confirm(s.position)),
    })),
    assessment: {
      status: form.text(entryFields.status, 'assessment-status'),
      text: form.text(entryFields.text, 'assessment-text'),
      version: version(entryFields.assessmentVersion),
      originalStatus: form.raw(entryFields.originalStatus),
      originalText: form.raw(entryFields.originalText),
    },
  };
}
