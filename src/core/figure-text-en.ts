import type { FigureConfirm } from './figure-checks.ts';
import type { FigureNote, FigureProblem } from './figure-text.ts';

/**
 * Figure problems and notes in English, for the command line and the problem lists of plan files and
 * workbooks. The web words the same codes from its own catalog, in the reader's language.
 */
export function describeFigureProblem(problem: FigureProblem): { message: string; hint: string } {
  const typed = `「${problem.text}」`;
  switch (problem.code) {
    case 'commas':
      return {
        message: `${typed} has commas that are not thousands separators; write the number as 3,908 or 3908.`,
        hint: 'Enter digits such as 3908, 431.5 or △40.',
      };
    case 'suffix': {
      const expected = problem.unit ? `the KPI's unit is ${problem.unit}` : 'the KPI has no unit';
      return {
        message: `${typed} ends in 「${problem.suffix}」, but ${expected}; enter the number alone.`,
        hint: 'Enter digits such as 3908, 431.5 or △40.',
      };
    }
    case 'not-number':
      return {
        message: `${typed} is not a number; enter digits such as 3908, 431.5 or △40.`,
        hint: 'Enter digits such as 3908, 431.5 or △40.',
      };
    case 'integer-digits':
      return {
        message: `${typed} has more than ${problem.max} digits before the point.`,
        hint: 'Check the figure and its unit.',
      };
    case 'decimals':
      return {
        message: `${typed} has more than ${problem.max} decimals.`,
        hint: 'Round the figure as the report prints it.',
      };
    case 'qualified':
      return {
        message: `${typed} is a figure with 「${problem.qualifier}」; enter the number alone${problem.figure ? ` (for example ${problem.figure})` : ''}.`,
        hint: 'If the figure is approximate, cumulative or provisional, say so in the assessment text.',
      };
    case 'unknown-reason':
      return {
        message: `${typed} is neither a number nor a reason a value may be missing.`,
        hint: `Enter the figure, — for nothing to report, or one of the reasons: ${problem.reasons.join(', ')}.`,
      };
    case 'not-finite':
      return { message: `${problem.text} is not a finite number.`, hint: 'Enter the figure itself.' };
  }
}

export function describeFigureNote(note: FigureNote): string {
  switch (note.code) {
    case 'folded':
      return 'full-width characters or inner spaces were folded';
    case 'minus':
      return `${note.mark} was read as a minus sign`;
    case 'unit':
      return `the unit ${note.unit} was removed`;
    case 'separators':
      return 'thousands separators were removed';
    case 'kanji-multiplier':
      return '万 and 億 were read as 10,000 and 100,000,000';
    case 'nakaguro-point':
      return '・ was read as a decimal point';
  }
}

export function describeFigureConfirm(confirm: FigureConfirm): string {
  switch (confirm.code) {
    case 'negative-count':
      return `${confirm.value} is below zero, but ${confirm.unit} counts things; check the sign.`;
    case 'fractional-count':
      return `${confirm.value} has a fraction, but ${confirm.unit} counts whole things; check the figure.`;
    case 'jump':
      return `${confirm.value} is far from the previous ${confirm.previous}; the largest earlier change was ${confirm.largestStep}. Check the figure and its unit.`;
  }
}
