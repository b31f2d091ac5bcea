import type { FigureEntry } from '../../core/figure-text.ts';
import type { KpiSheet } from '../../store/department-kpis.ts';
import type { FormFields } from '../forms.ts';

/**
 * What the entry form carries for one series: the text as typed, the state, and, hidden, the version
 * and the text the editor started from. The version catches a concurrent save; the starting text lets
 * a field nobody touched be left alone, so it cannot raise a conflict of its own.
 */
export interface SeriesInput {
  readonly position: number;
  readonly text: string;
  readonly state: string;
  readonly version: number;
  readonly original: string;
  readonly originalState: string;
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
  status: 'a-status',
  text: 'a-text',
  assessmentVersion: 'a-version',
  originalStatus: 'a-original-status',
  originalText: 'a-original-text',
} as const;

/** How a stored figure is offered for editing: the number as stored, — for nothing, or the reason. */
export function inputTextOf(entry: FigureEntry): string {
  if (entry.kind === 'value') return entry.value;
  return entry.kind === 'missing' ? entry.reason : '—';
}

export function seriesInputOf(series: KpiSheet['series'][number]): SeriesInput {
  const text = series.observation ? inputTextOf(series.observation.entry) : '';
  const state = series.observation?.state ?? 'final';
  return {
    position: series.position,
    text,
    state,
    version: series.observation?.version ?? 0,
    original: text,
    originalState: state,
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
      state: form.raw(entryFields.state(s.position)),
      version: version(entryFields.version(s.position)),
      original: form.raw(entryFields.original(s.position)),
      originalState: form.raw(entryFields.originalState(s.position)),
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
