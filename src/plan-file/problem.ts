import { displayableText, type TextProblem } from '../core/text-field.ts';
import type { PlanProblemDetail } from './problem-detail.ts';

/** Where in a file something stands: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export type PathSegment = string | number;

/** One thing wrong with (or normalised in) a plan file, with the place to look and what to do. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly code: ProblemCode;
  /** What is wrong, as a code and its parameters, for an interface to word in its reader's language. */
  readonly detail: PlanProblemDetail;
  /** The detail in English (problem-en.ts), as the command line prints it. */
  readonly message: string;
  readonly hint: string | null;
  readonly path: readonly PathSegment[];
  readonly position: Position | null;
  /** For a text refused by the text-field rule: the rule's problem, for an interface to word itself. */
  readonly text?: TextProblem;
}

export type ProblemCode =
  | 'file-empty'
  | 'file-too-large'
  | 'syntax'
  | 'alias-bomb'
  | 'too-deep'
  | 'text-too-long'
  | 'text-line-break'
  | 'text-character'
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-type'
  | 'bad-value'
  | 'bad-number'
  | 'normalized-number'
  | 'bad-year'
  | 'duplicate-year'
  | 'duplicate-id'
  | 'unknown-ref'
  | 'direction-needed'
  | 'direction-contradicts'
  | 'series-and-figures'
  | 'bad-grades'
  | 'bad-target'
  | 'bad-trend'
  | 'bad-editions'
  | 'bad-cumulative'
  | 'bad-period'
  | 'bad-revision'
  | 'no-interim-targets'
  | 'bad-translation'
  | 'bad-municipality-code'
  | 'bad-population';

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number'
        ? `${text}[${segment}]`
        : text
          ? `${text}.${shownKey(segment)}`
          : shownKey(segment),
    '',
  );
}

/** A key as a message shows it: a hostile one (huge, or holding a NUL) cannot bloat or break the line. */
function shownKey(key: string): string {
  const chars = [...key.slice(0, 200)];
  return displayableText(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : key);
}

/** file:line:column: error: message, then the hint and the key path, as editors and terminals expect. */
export function formatProblem(fileName: string, problem: Problem): string {
  const where = problem.position
    ? `${fileName}:${problem.position.line}:${problem.position.column}`
    : fileName;
  const path = problem.path.length > 0 ? ` (at ${formatPath(problem.path)})` : '';
  const lines = [`${where}: ${problem.severity}: ${problem.message}${path}`];
  if (problem.hint) lines.push(`  hint: ${problem.hint}`);
  return lines.join('\n');
}
