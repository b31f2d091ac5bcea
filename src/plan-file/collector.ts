import type { TextProblem } from '../core/text-field.ts';
import type { PlanProblemDetail } from './problem-detail.ts';
import { describePlanProblem } from './problem-en.ts';
import type { PathSegment, Problem, ProblemCode } from './problem.ts';
import type { PlanSource } from './source.ts';

/** Gathers problems as a reader walks a file, placing each one in the text. */
export class ProblemCollector {
  readonly problems: Problem[] = [];

  constructor(private readonly source: PlanSource) {}

  error(code: ProblemCode, path: readonly PathSegment[], detail: PlanProblemDetail, key?: string): void {
    this.add('error', code, path, detail, key);
  }

  /** A text the text-field rule refused; `key` when the text is a mapping's key rather than a value. */
  textError(path: readonly PathSegment[], text: TextProblem, key?: string): void {
    const code = text.code === 'text-required' ? 'missing-key' : text.code;
    this.add('error', code, path, { code: 'text', text }, key, text);
  }

  warn(code: ProblemCode, path: readonly PathSegment[], detail: PlanProblemDetail): void {
    this.add('warning', code, path, detail);
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  private add(
    severity: Problem['severity'],
    code: ProblemCode,
    path: readonly PathSegment[],
    detail: PlanProblemDetail,
    key?: string,
    text?: TextProblem,
  ): void {
    const fullPath = key === undefined ? path : [...path, key];
    this.problems.push({
      severity,
      code,
      detail,
      ...describePlanProblem(detail),
      path: fullPath,
      position: this.source.locate(path, key),
      ...(text ? { text } : {}),
    });
  }
}
