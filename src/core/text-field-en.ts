import { codePointLabel, type CharacterClass, type TextFieldKind, type TextProblem } from './text-field.ts';

/**
 * A text-field problem in English, for the command line and the problem lists of plan files and
 * workbooks, as the core's other readers word theirs. The web words the same problems from its own
 * catalog, in the reader's language.
 */
export const TEXT_FIELD_NAMES: Readonly<Record<TextFieldKind, string>> = {
  identifier: 'an id',
  'plan-title': 'a plan title',
  municipality: 'a municipality',
  'goal-title': 'a goal title',
  'kpi-name': 'a KPI name',
  unit: 'a unit',
  category: 'a category',
  'series-label': 'a series label',
  'grade-label': 'a grade label',
  'department-name': 'a department name',
  'display-name': 'a display name',
  login: 'a login',
  figure: 'a figure or the reason it is missing',
  'year-label': 'a fiscal year',
  'assessment-status': 'a status phrase',
  'assessment-text': 'an assessment',
  comment: 'a comment',
  'review-note': 'a review note',
  'errata-note': 'an errata note',
  'publication-reason': 'a reason',
  'revision-note': 'a revision note',
  'schema-reference': 'a schema address',
};

const CHARACTER_NAMES: Readonly<Record<CharacterClass, string>> = {
  control: 'a control character',
  surrogate: 'an unpaired surrogate',
  noncharacter: 'a noncharacter',
  'bidi-control': 'a control that changes the direction of text',
};

const count = (n: number): string => n.toLocaleString('en');

/** The sentence, and what to do about it. */
export function describeTextProblem(problem: TextProblem): { message: string; hint: string } {
  const name = TEXT_FIELD_NAMES[problem.field];
  switch (problem.code) {
    case 'text-required':
      return { message: `This text is empty; ${name} is required.`, hint: 'Write it in.' };
    case 'text-too-long': {
      const length =
        problem.length > problem.max * 10 ? `more than ${count(problem.max * 10)}` : count(problem.length);
      return {
        message: `This text is ${length} characters long; ${name} may be at most ${count(problem.max)}.`,
        hint: 'Shorten it.',
      };
    }
    case 'text-line-break':
      return {
        message: `This text breaks the line at character ${problem.at.index}; ${name} takes a single line.`,
        hint: 'Join the lines.',
      };
    case 'text-character': {
      const { at } = problem;
      const where = at.line > 1 ? `line ${at.line}, character ${at.column}` : `character ${at.index}`;
      return {
        message: `This text has ${CHARACTER_NAMES[problem.character]} (${codePointLabel(problem.codePoint)}) at ${where} of the text, which no text may hold.`,
        hint: 'Remove it; it is often left by copying from another program.',
      };
    }
  }
}
