import type { KpiSheet } from '../../store/department-kpis.ts';
import type { FigureState } from '../../core/evaluation.ts';
import { unixLines, type FormProblem } from './form-problem.ts';
import { entryFields, isReasonChoice, legacyReasonOf, type EntryInput } from './entry-input.ts';

export const MAX_ASSESSMENT = 4000;
export const MAX_STATUS = 100;

export interface SeriesChange {
  readonly position: number;
  /** The figure as typed, '' when a reason was chosen instead. */
  readonly text: string;
  /** The reason chosen from the list (or the stored legacy reason kept), '' when a figure was typed. */
  readonly reason: string;
  readonly state: FigureState;
  readonly version: number;
  /** The value the editor confirmed after a warning, as posted. */
  readonly confirmed: string;
}

export interface AssessmentChange {
  readonly status: string | null;
  readonly text: string;
  readonly version: number;
}

const stateOf = (text: string): FigureState | null =>
  text === 'final' || text === 'provisional' ? text : null;

/**
 * Which fields the editor changed, and the problems that need no figure reading: a state or reason that
 * is not one of the list's, a figure typed beside a chosen reason, a figure or text emptied after it was
 * entered, a text too long. A field left as it was loaded is not a change, so it is never saved and
 * never conflicts.
 */
export function checkEntry(sheet: KpiSheet, input: EntryInput) {
  const problems: Record<string, FormProblem> = {};
  const series: SeriesChange[] = [];
  for (const typed of input.series) {
    const stored = sheet.series.find((s) => s.position === typed.position);
    if (!stored) continue;
    const state = stateOf(typed.state);
    if (state === null) {
      problems[entryFields.state(typed.position)] = { kind: 'choice' };
      continue;
    }
    const reason = typed.reason;
    if (reason !== '' && !isReasonChoice(reason) && reason !== legacyReasonOf(stored)) {
      problems[entryFields.reason(typed.position)] = { kind: 'choice' };
      continue;
    }
    const text = typed.text.trim();
    const same = text === typed.original.trim() && reason === typed.originalReason;
    if (same && state === typed.originalState) continue;
    if (text !== '' && reason !== '') {
      problems[entryFields.value(typed.position)] = { kind: 'figure-and-reason' };
      continue;
    }
    if (text === '' && reason === '') {
      if (stored.observation !== null || typed.version > 0)
        problems[entryFields.value(typed.position)] = { kind: 'cleared' };
      continue;
    }
    const { version, confirmed } = typed;
    series.push({ position: typed.position, text: typed.text, reason, state, version, confirmed });
  }
  const a = input.assessment;
  const text = unixLines(a.text).trim();
  const status = a.status.trim();
  let assessment: AssessmentChange | null = null;
  if (status.length > MAX_STATUS) problems[entryFields.status] = { kind: 'too-long', max: MAX_STATUS };
  if (text.length > MAX_ASSESSMENT) problems[entryFields.text] = { kind: 'too-long', max: MAX_ASSESSMENT };
  const untouched = text === unixLines(a.originalText).trim() && status === a.originalStatus.trim();
  if (!untouched && text === '') {
    if (sheet.assessment !== null || a.version > 0) problems[entryFields.text] = { kind: 'cleared' };
    else if (status !== '') problems[entryFields.text] = { kind: 'required' };
  } else if (!untouched) {
    assessment = { status: status === '' ? null : status, text, version: a.version };
  }
  return { problems, series, assessment };
}
