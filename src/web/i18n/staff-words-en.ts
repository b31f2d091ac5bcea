import { staffBulkImportEn } from './staff-bulk-import.ts';
import { staffMailEn } from './staff-mail.ts';
import { formatFigure } from '../../core/format.ts';
import type { FigureConfirm, FigureNote, FigureRefusal } from '../commands/figure-feedback.ts';
import type { FormProblem } from '../commands/form-problem.ts';
import { enPasswordProblem } from './password-words.ts';
import {
  codePointLabel,
  type CharacterClass,
  type TextPlace,
  type TextProblem,
} from '../../core/text-field.ts';

/** Figure notes, refusals and form problems in English. */
export const enNote = (note: FigureNote): string => {
  switch (note.code) {
    case 'folded':
      return 'Full-width characters and inner spaces were folded.';
    case 'minus':
      return `${note.mark} was read as a minus sign.`;
    case 'unit':
      return `The unit ${note.unit} was removed.`;
    case 'separators':
      return 'Thousands separators were removed.';
    case 'kanji-multiplier':
      return 'Read 万 and 億 as 10,000 and 100,000,000 (3万2669 → 32669).';
    case 'nakaguro-point':
      return 'Read ・ as a decimal point (1353・7 → 1353.7).';
  }
};

export const enConfirm = (confirm: FigureConfirm, unit: string | null): string => {
  switch (confirm.code) {
    case 'negative-count':
      return `A count (${confirm.unit}) is below zero (${formatFigure(confirm.value, confirm.unit)}).`;
    case 'fractional-count':
      return `A count (${confirm.unit}) has a fraction (${formatFigure(confirm.value, confirm.unit)}).`;
    case 'jump':
      return `The change from the previous value (${formatFigure(confirm.previous, unit)}) is far larger than any change so far (at most ${formatFigure(confirm.largestStep, unit)}).`;
  }
};

const enRefusal = (refusal: FigureRefusal): string => {
  switch (refusal.code) {
    case 'commas':
      return 'The commas are not thousands separators; write the number as 3,908 or 3908.';
    case 'suffix':
      return `It ends in “${refusal.suffix}”, which is not this KPI’s unit (${refusal.unit ?? 'none'}); enter the number alone.`;
    case 'not-number':
    case 'not-finite':
      return 'This is not a number; enter digits such as 3908, 431.5 or △40.';
    case 'integer-digits':
      return `It has more than ${refusal.max} digits before the point.`;
    case 'decimals':
      return `It has more than ${refusal.max} decimals.`;
    case 'qualified':
      return `Enter the number alone${refusal.figure ? ` (for example ${refusal.figure})` : ''}. If it is approximate, cumulative or provisional (“${refusal.qualifier}”), say so in the assessment text.`;
    case 'unknown-reason':
      return `Enter a number, — when there is nothing to report, or one of the reasons a value is missing: ${refusal.reasons.join(', ')}.`;
  }
};

const EN_CHARACTER: Readonly<Record<CharacterClass, string>> = {
  control: 'a control character',
  surrogate: 'an unpaired surrogate',
  noncharacter: 'a noncharacter',
  'bidi-control': 'a control that changes the direction of text',
};

const enPlace = (at: TextPlace): string =>
  at.line > 1 ? `line ${at.line}, character ${at.column}` : `character ${at.index}`;

/** A text refused by the text-field rule, with its limit or the place of the character. */
export const enTextProblem = (problem: TextProblem): string => {
  switch (problem.code) {
    case 'text-required':
      return 'Please fill this in.';
    case 'text-too-long':
      return `Use at most ${problem.max.toLocaleString('en')} characters; this has ${problem.length > problem.max * 10 ? 'more than ' : ''}${Math.min(problem.length, problem.max * 10).toLocaleString('en')}.`;
    case 'text-line-break':
      return `There is a line break at ${enPlace(problem.at)}; this field takes a single line.`;
    case 'text-character':
      return `At ${enPlace(problem.at)} there is ${EN_CHARACTER[problem.character]} (${codePointLabel(problem.codePoint)}), which no text may hold. Remove it and send again.`;
  }
};

export const enProblem = (problem: FormProblem): string => {
  switch (problem.kind) {
    case 'text':
      return enTextProblem(problem.problem);
    case 'required':
      return 'Please fill this in.';
    case 'too-long':
      return `Please use at most ${problem.max} characters.`;
    case 'choice':
      return 'Please choose one of the options.';
    case 'login-format':
      return 'A login is 3–40 lower-case letters, digits, dots, hyphens or underscores.';
    case 'password':
      return enPasswordProblem(problem.problem, !problem.ownChoice);
    case 'login-taken':
      return 'This login is already taken.';
    case 'current-password':
      return 'The current password is not correct.';
    case 'password-mismatch':
      return 'The two new passwords differ. Type the same password twice.';
    case 'password-same':
      return 'Choose a password other than the current one.';
    case 'last-admin':
      return 'This is the only active administrator, so they cannot be disabled or given another role. Make another user an administrator first.';
    case 'department-required':
      return 'A department user needs a department.';
    case 'department-exists':
      return 'A department with this name already exists.';
    case 'municipality-code':
      return (
        'Enter the six-digit local government code (such as 112330) with a correct check digit.' +
        (problem.problem?.reason === 'check-digit'
          ? ` The sixth digit, the check digit, is ${problem.problem.written} here; it should be ${problem.problem.expected}.`
          : '')
      );
    case 'municipality-exists':
      return 'A municipality with this code is already registered.';
    case 'municipality-code-set':
      return `This municipality’s code is already ${problem.current}. A code is also the address of its public pages, so it cannot be changed.`;
    case 'plan-slug-taken':
      return `The plan id “${problem.slug}” is used by another municipality’s plan. Change the id in the plan file.`;
    case 'year':
      return 'Enter a fiscal year within the plan’s period, such as R5, 令和5年度 or 2023.';
    case 'figure':
      return enRefusal(problem.refusal);
    case 'cleared':
      return 'This cannot be left empty: when there is no value, choose the reason (nothing to report, 未取得 and so on) from the list.';
    case 'figure-or-reason':
      return 'Enter a number (such as 3908, 431.5 or △40). When there is no value, choose the reason from the list.';
    case 'figure-and-reason':
      return 'Either type a number or choose a reason, not both.';
    case 'confirm-figure':
      return `${problem.confirms.map((c) => enConfirm(c, problem.unit)).join(' ')} If the value is right, tick the box below and save again.`;
    case 'direction':
      return 'This target lies on the other side of the baseline and would reverse the KPI’s direction; change the direction in the plan file.';
    case 'revision':
      return {
        'baseline-year': 'Choose a year after the baseline year.',
        'year-before':
          'The target year is before the year the change applies from; choose that year or a later one.',
        'baseline-removed':
          'The baseline cannot be left empty: enter the revised baseline (a KPI loses its baseline only in the plan file).',
      }[problem.reason];
    case 'errata-required':
      return 'This year is already published: say in the correction note what the new edition corrects.';
    case 'plan-exists':
      return `A plan with the id “${problem.slug}” already exists. Tick “Replace the plan with the same id” to overwrite it.`;
    case 'plan-file':
      return 'The plan file has problems. Correct the points below and import it again.';
    case 'plan-master':
      return 'The Excel plan master has problems, so nothing was imported. Correct the points below and import it again.';
    case 'file-size':
      return `The file is too large (at most ${problem.megabytes} MB).`;
    case 'bundle':
      return staffBulkImportEn.staffBulkImport.bundleRefusal(problem.refusal);
    case 'bulk-running':
      return staffBulkImportEn.staffBulkImport.bulkRunningProblem;
    case 'encoding':
      return 'The file is not UTF-8. Save it as UTF-8 (files from older Japanese Excel are often Shift_JIS).';
    case 'conflict':
      return 'Someone else changed this value while you were editing it. Compare the saved value with yours, then save again: saving again replaces the saved value with yours.';
    case 'incomplete':
      return `Fill in what is missing before submitting (${problem.figures} actual value(s)${problem.assessment ? ' and the assessment' : ''}).`;
    case 'nothing-entered':
      return 'No actual value has been entered for this year, so there is nothing to publish.';
    case 'confirm-unapproved':
      return `${problem.count} KPI(s) are not approved. Tick the box to publish anyway, and give the reason.`;
    case 'withdrawn':
      return 'This edition has already been withdrawn.';
    case 'not-editable':
      return problem.reason === 'review-locked'
        ? 'Not saved: this KPI is now waiting for the office or approved. What you typed is kept below.'
        : 'Not saved: this KPI now belongs to another department. What you typed is kept below.';
    case 'date':
      return staffMailEn.staffMail.dateProblem(problem.refusal);
    case 'email':
      return staffMailEn.staffMail.emailProblem(problem.refusal);
  }
};
