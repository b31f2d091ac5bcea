import type { FigureProblem } from '../../core/figure-text.ts';
import type { TextProblem } from '../../core/text-field.ts';

/** One thing wrong with (or normalised in) a filled workbook, with the file, sheet and cell to look at. */
export interface CollectProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
  /** For a cell the text-field rule refused: the rule's problem, for an interface to word itself. */
  readonly text?: TextProblem;
  /** For a figure the figure reader refused: its code and parameters, for an interface to word itself. */
  readonly figure?: FigureProblem;
}

/** R5_環境課.xlsx: 入力!F7: error: 「12kg」 ends in 「kg」, … */
export function formatCollectProblem(problem: CollectProblem): string {
  const where = problem.sheet && problem.cell ? ` ${problem.sheet}!${problem.cell}:` : '';
  return `${problem.file}:${where} ${problem.severity}: ${problem.message}`;
}

export const hasErrors = (problems: readonly CollectProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');

/** Collects the problems of one sheet of one file. */
export class ProblemList {
  readonly items: CollectProblem[] = [];

  constructor(
    readonly file: string,
    readonly sheet: string | null = null,
  ) {}

  error(cell: string | null, message: string, text?: TextProblem, figure?: FigureProblem): void {
    const sheet = cell ? this.sheet : null;
    this.items.push({
      severity: 'error',
      file: this.file,
      sheet,
      cell,
      message,
      ...(text ? { text } : {}),
      ...(figure ? { figure } : {}),
    });
  }

  warning(cell: string | null, message: string): void {
    this.items.push({ severity: 'warning', file: this.file, sheet: cell ? this.sheet : null, cell, message });
  }

  get failed(): boolean {
    return hasErrors(this.items);
  }
}
