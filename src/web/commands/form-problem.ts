import { readTextField, type TextFieldKind, type TextProblem } from '../../core/text-field.ts';
import type { DateRefusal } from '../../core/calendar-date.ts';
import type { DecimalString } from '../../core/decimal.ts';
import type { EmailRefusal } from '../../core/email-address.ts';
import type { MunicipalityCodeProblem } from '../../core/municipality-code.ts';
import type { PasswordProblem } from '../../core/password-policy.ts';
import type { PlanProblemDetail } from '../../plan-file/problem-detail.ts';
import type { MasterProblem } from '../../collect/master/problem.ts';
import type { BundleRefusal } from '../../collect/bundle/problem.ts';
import type { FigureConfirm, FigureRefusal } from './figure-feedback.ts';

/** Why a form field was not accepted: data, so the page words it in the reader's language. */
export type FormProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'too-long'; readonly max: number }
  /** Refused by the text-field rule (core/text-field.ts): too long, a line break, a control character. */
  | { readonly kind: 'text'; readonly problem: TextProblem }
  | { readonly kind: 'choice' }
  | { readonly kind: 'login-format' }
  /** Refused by the password rule (core/password-policy.ts). */
  | {
      readonly kind: 'password';
      readonly problem: PasswordProblem;
      /** The user chooses it themselves (a change, not a new account): nothing can be generated. */
      readonly ownChoice?: boolean;
    }
  | { readonly kind: 'login-taken' }
  /** The current password, asked before a change, is not the account's. */
  | { readonly kind: 'current-password' }
  /** The new password and its repetition differ. */
  | { readonly kind: 'password-mismatch' }
  /** The new password is the one being replaced. */
  | { readonly kind: 'password-same' }
  /** The change would leave the office without an active administrator. */
  | { readonly kind: 'last-admin' }
  | { readonly kind: 'department-required' }
  | { readonly kind: 'department-exists' }
  /** Not a 全国地方公共団体コード, or one whose check digit is wrong (core/municipality-code.ts). */
  | { readonly kind: 'municipality-code'; readonly problem?: MunicipalityCodeProblem }
  | { readonly kind: 'municipality-exists' }
  /** The municipality has its code already: a code, once set, is its public address and is not moved. */
  | { readonly kind: 'municipality-code-set'; readonly current: string }
  /** The plan's id is one another municipality's plan has: ids are shared by every municipality's addresses. */
  | { readonly kind: 'plan-slug-taken'; readonly slug: string }
  | { readonly kind: 'year' }
  | { readonly kind: 'figure'; readonly refusal: FigureRefusal }
  /** The entry form's figure field holds text that is no figure: a reason is chosen from the list. */
  | { readonly kind: 'figure-or-reason' }
  /** A figure typed and a reason chosen for the same series. */
  | { readonly kind: 'figure-and-reason' }
  /** A readable but unlikely value (core/figure-checks.ts), saved only once the editor confirms it. */
  | {
      readonly kind: 'confirm-figure';
      readonly value: DecimalString;
      readonly unit: string | null;
      readonly confirms: readonly FigureConfirm[];
    }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'direction' }
  /** A target or baseline revision the plan cannot take (store/revisions.ts). */
  | { readonly kind: 'revision'; readonly reason: 'baseline-year' | 'year-before' | 'baseline-removed' }
  | { readonly kind: 'errata-required' }
  | { readonly kind: 'plan-exists'; readonly slug: string }
  | { readonly kind: 'plan-file'; readonly messages: readonly PlanFileMessage[] }
  /** The office's Excel master refused: each problem at its sheet and cell, `unlisted` beyond the list. */
  | { readonly kind: 'plan-master'; readonly problems: readonly MasterProblem[]; readonly unlisted: number }
  | { readonly kind: 'encoding' }
  /** A zip of plans refused whole before any plan in it is read (collect/bundle/problem.ts). */
  | { readonly kind: 'bundle'; readonly refusal: BundleRefusal }
  /** A bulk import of the municipality is running already: one at a time. */
  | { readonly kind: 'bulk-running' }
  | { readonly kind: 'file-size'; readonly megabytes: number }
  | { readonly kind: 'conflict'; readonly current: string | null; readonly attempted: string | null }
  | { readonly kind: 'incomplete'; readonly figures: number; readonly assessment: boolean }
  | { readonly kind: 'nothing-entered' }
  | { readonly kind: 'confirm-unapproved'; readonly count: number }
  | { readonly kind: 'withdrawn' }
  /** A row of the grid entry this user may not change now: another department's KPI, or one under review. */
  | { readonly kind: 'not-editable'; readonly reason: 'other-department' | 'review-locked' }
  /** A day that is not one (core/calendar-date.ts): a deadline. */
  | { readonly kind: 'date'; readonly refusal: DateRefusal }
  /** Not one plain e-mail address (core/email-address.ts). */
  | { readonly kind: 'email'; readonly refusal: EmailRefusal };

/**
 * One problem of an uploaded plan file: its place (file:line:column and the key path) and what the reader
 * said, as a code and parameters, which the page words in the reader's language.
 */
export interface PlanFileMessage {
  readonly where: string;
  readonly detail: PlanProblemDetail;
}

/** Problems by field name; a form with none was accepted. */
export type Problems = Readonly<Record<string, FormProblem>>;

/** A command's answer to a form: done, or the problems to show beside the fields. */
export type FormOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: Problems };

export const accepted = <T>(value: T): FormOutcome<T> => ({ ok: true, value });
export const rejected = <T = never>(problems: Problems): FormOutcome<T> => ({ ok: false, problems });

export function requiredText(value: string, max: number): FormProblem | null {
  if (value.trim() === '') return { kind: 'required' };
  return value.length > max ? { kind: 'too-long', max } : null;
}

/** A field's text under the one text-field rule: the strict value, or the problem to show beside it. */
export function fieldText(
  kind: TextFieldKind,
  value: string,
  required = false,
):
  | { readonly value: string; readonly problem: null }
  | { readonly value: null; readonly problem: FormProblem } {
  const read = readTextField(kind, value, { required });
  if (read.ok) return { value: read.value, problem: null };
  const problem = read.problem;
  return {
    value: null,
    problem: problem.code === 'text-required' ? { kind: 'required' } : { kind: 'text', problem },
  };
}

/** Browsers send a textarea's line breaks as CRLF; texts are stored with LF, as plan files write them. */
export const unixLines = (text: string): string => text.replace(/\r\n?/g, '\n');
