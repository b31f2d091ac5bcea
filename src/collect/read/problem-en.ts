import {
  describeFigureConfirm,
  describeFigureNote,
  describeFigureProblem,
} from '../../core/figure-text-en.ts';
import { formatFiscalYear, formatFiscalYearLong } from '../../core/fiscal-year.ts';
import { formatNumber } from '../../core/format.ts';
import { describeTextProblem } from '../../core/text-field-en.ts';
import { COL, NONE_CHOICE, STATE_LABELS, columnLetter } from '../layout.ts';
import { figureText } from './changes.ts';
import { otherValueText } from './cell-content.ts';
import { megabytes } from './limits.ts';
import type { CellHeld, FigurePlace, IdentityRefusal, WorkbookProblem } from './problem.ts';
import { zipDamageText } from './zip-directory.ts';

const F = columnLetter(COL.value);
const G = columnLetter(COL.reason);
const J = columnLetter(COL.text);

const MACROS =
  'The workbook contains macros; Shinchoku reads only workbooks without them. Save it as 「Excel ブック (*.xlsx)」 and send that file.';
const EXTERNAL =
  'The workbook links to other workbooks; remove the links (データ → リンクの編集 → リンクの解除), save it and send it again.';

const quote = (text: string) =>
  text === '' ? '(empty)' : `「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`;

const part = (text: string, name: string | null) => (name ? `${text} (${name})` : text);

/** What a cell held, as the reader's English sentences name it. */
function held(what: CellHeld, context: 'state' | 'holds'): string {
  switch (what.kind) {
    case 'text':
      return `「${what.text}」`;
    case 'number':
      return context === 'state' ? String(what.value) : `the number ${what.value}`;
    case 'other':
      return otherValueText(what.what);
  }
}

function identity(reason: IdentityRefusal): string {
  switch (reason.kind) {
    case 'missing':
      return 'its hidden identification is missing.';
    case 'format':
      return `it was made as 「${reason.format}」, which this version of Shinchoku does not read.`;
    case 'hash':
      return 'its hidden identifiers were changed (the structure hash does not match).';
    case 'unreadable':
      return 'its hidden identifiers cannot be read.';
  }
}

const label = (place: FigurePlace) =>
  `${place.kpi}${place.series ? `（${place.series}）` : ''} ${formatFiscalYear(place.year)}`;

/** A workbook problem in English, as `shinchoku collect read` prints it. */
export function describeWorkbookProblem(problem: WorkbookProblem): string {
  switch (problem.code) {
    case 'file-too-large':
      return `The file is ${megabytes(problem.bytes)}; a collection workbook may be at most ${megabytes(problem.limit)}.`;
    case 'macros':
      return part(MACROS, problem.part);
    case 'external-links':
      return part(EXTERNAL, problem.part);
    case 'legacy-or-protected':
      return (
        'The file is an Excel 97–2003 workbook (.xls) or is protected with a password to open; ' +
        'save it as 「Excel ブック (*.xlsx)」 without a password and send it again.'
      );
    case 'not-xlsx':
      return 'The file is not an Excel workbook (.xlsx); send the workbook Shinchoku made, filled in.';
    case 'zip-not-workbook':
      return 'The file is a zip archive but not an Excel workbook (.xlsx).';
    case 'encrypted':
      return 'The file is encrypted; remove the password and send it again.';
    case 'zip-damaged':
      return `The file cannot be read: ${zipDamageText(problem.damage)}.`;
    case 'duplicate-part':
      return `The file cannot be read: it holds the part ${problem.part} twice.`;
    case 'xml-entities':
      return `The workbook's part ${problem.part} declares XML entities, which Excel never writes; it is refused as unsafe.`;
    case 'columns-beyond':
      return `A sheet (${problem.part}) declares columns beyond Excel's last column.`;
    case 'zip-bomb-part':
      return `The file is refused as a possible zip bomb: its part ${problem.part} would expand ${Math.round(problem.ratio)} times, to ${megabytes(problem.bytes)}.`;
    case 'zip-bomb-total':
      return `The file is refused as a possible zip bomb: it would expand to more than ${megabytes(problem.limit)}.`;
    case 'too-many-rows':
      return `A sheet (${problem.part}) has ${problem.rows.toLocaleString('en')} rows; a collection workbook has at most ${problem.limit.toLocaleString('en')}. Send the form as it was made.`;
    case 'not-a-range':
      return `A sheet (${problem.part}) has a range 「${problem.range.slice(0, 40)}」 that is not a cell range.`;
    case 'range-too-large':
      return `A sheet (${problem.part}) has a range ${problem.range} of ${problem.cells.toLocaleString('en')} cells; a collection workbook has none so large.`;
    case 'not-excel':
      return (
        `The file cannot be read as an Excel workbook (${problem.detail}); ` +
        'send the workbook Shinchoku made, filled in and saved as .xlsx.'
      );
    case 'not-collect-workbook':
      return 'This is not a collection workbook made by Shinchoku (its hidden identification sheet is missing); only workbooks from `shinchoku collect make` can be read.';
    case 'identity-unreadable':
      return `The workbook cannot be read safely: ${identity(problem.reason)}`;
    case 'identity-rows-out-of-order':
      return 'The workbook cannot be read safely: its hidden row list is out of order.';
    case 'sheet-missing':
      return `The sheet 「${problem.sheet}」 is missing: it was renamed or deleted.`;
    case 'other-plan':
      return `This workbook is for the plan ${problem.plan}, not ${problem.expected}; it is refused.${problem.chosen ? '' : ' Name the plan with --plan, or read it separately.'}`;
    case 'other-year':
      return `This workbook collects ${formatFiscalYearLong(problem.year)} (${formatFiscalYear(problem.year)}), but ${formatFiscalYearLong(problem.expected)} (${formatFiscalYear(problem.expected)}) is being read; it is refused. Read it separately with --year ${formatFiscalYear(problem.year)}.`;
    case 'read-only-changed':
      return `reads ${quote(problem.actual)}, but the form had ${quote(problem.expected)} here: read-only cells were edited, or rows or columns were moved, inserted or deleted.`;
    case 'outside-form':
      return `${quote(problem.text)} is outside the form; write only in the yellow cells, and add no rows or columns.`;
    case 'more-cells-differ':
      return `…and ${problem.count} more cells differ from the form.`;
    case 'form-changed':
      return 'The form was changed, so its figures cannot be matched to KPIs safely; the workbook is refused. Copy the figures into a fresh workbook from `shinchoku collect make`.';
    case 'kpi-not-in-plan':
      return `${problem.kpi}${problem.series > 0 ? ` (series ${problem.series + 1})` : ''} is no longer in the plan ${problem.plan}; make a new workbook with \`shinchoku collect make\`.`;
    case 'kpi-in-two-workbooks':
      return `${problem.kpi} is also asked for in ${problem.file} (${problem.cell}); take its figures from one workbook only.`;
    case 'figure-and-reason':
      return `both the figure (${problem.valueCell}) and a reason for its absence (${problem.reasonCell}) are filled in; keep one of them.`;
    case 'state-without-figure':
      return `${STATE_LABELS[problem.state]} is given but there is no figure; it is ignored.`;
    case 'value-not-number':
      return `the cell holds ${held(problem.held, 'holds')}; enter the figure itself as a number.`;
    case 'reason-not-text':
      return `the cell holds ${held(problem.held, 'holds')}; a figure goes in ${F}, and ${G} takes only a reason such as 未取得.`;
    case 'assessment-not-text':
      return `the cell holds ${held(problem.held, 'holds')}; write the text itself.`;
    case 'state-unknown':
      return `${held(problem.held, 'state')} is neither 確定 nor 見込; pick one from the list (empty means 確定).`;
    case 'too-many-digits':
      return `${problem.value} has more than ${problem.max} significant digits, which Excel cannot keep exactly; enter fewer digits.`;
    case 'figure': {
      const refusal = problem.problem;
      if (refusal.code === 'unknown-reason') {
        return problem.column === 'value'
          ? describeWorkbookProblem({ code: 'value-is-reason', text: refusal.text })
          : `「${refusal.text}」 is not one of the reasons ${G} takes (${refusal.reasons.join('、')}); pick one from the list.`;
      }
      const { message, hint } = describeFigureProblem(refusal);
      return refusal.code === 'qualified' ? `${message} ${hint}` : message;
    }
    case 'value-is-reason':
      return `「${problem.text}」 is not a number. Enter the figure alone, or leave ${F} empty and pick a reason in ${G} (未入力の理由).`;
    case 'reason-is-figure':
      return `「${problem.text}」 is a figure; enter it in ${F} (実績値) and leave ${G} empty.`;
    case 'read-as':
      return `「${problem.text}」 was read as ${formatNumber(problem.value)}: ${problem.notes.map(describeFigureNote).join('; ')}.`;
    case 'status-without-text':
      return `a status phrase needs the assessment itself in ${J}.`;
    case 'text': {
      const { message } = describeTextProblem(problem.problem);
      return `${message[0]?.toLowerCase() ?? ''}${message.slice(1)}`;
    }
    case 'figure-emptied':
      return `the figure was emptied, but the stored ${figureText(problem.stored, problem.unit)} is kept; to record that there is nothing to report, pick ${NONE_CHOICE} in the reason column.`;
    case 'changed-since-made': {
      const { place } = problem;
      return `${label(place)} was changed in Shinchoku after this workbook was made: it was ${figureText(problem.before, place.unit)}, it is now ${figureText(problem.current, place.unit)}, and the workbook says ${figureText(problem.workbook, place.unit)}. Decide which is right, then enter it in Shinchoku or in a newly made workbook.`;
    }
    case 'confirm':
      return `${label(problem.place)}: ${describeFigureConfirm(problem.confirm)}`;
    case 'assessment-emptied':
      return 'the assessment was emptied, but the stored one is kept.';
    case 'assessment-changed-since-made':
      return `the assessment of ${problem.kpi} ${formatFiscalYear(problem.year)} was changed in Shinchoku after this workbook was made, and the workbook's differs from it. Decide which is right, then enter it in Shinchoku or in a newly made workbook.`;
  }
}
