import { parseFiscalYear } from '../../core/fiscal-year.ts';
import type { Lang } from '../../core/language.ts';
import type { AuditRow } from '../../store/audit.ts';
import { ALL_ROLES, type Role } from '../../store/users.ts';
import { t } from '../i18n/index.ts';

/** What the log's table shows for one entry: every part in words of the reader's language. */
export interface AuditLine {
  readonly id: number;
  readonly at: Date;
  /** The login of whoever made the change; null for the system (first start, command line). */
  readonly user: string | null;
  readonly action: string;
  readonly subject: string;
  readonly field: string;
  readonly oldValue: string;
  readonly newValue: string;
}

export interface AuditContext {
  /** KPI names by key; a key not in it belongs to a KPI no longer in the plan. */
  readonly kpiNames: ReadonlyMap<string, string>;
  /** The plan's title, for the entries whose subject is the plan itself. */
  readonly planTitle: string | null;
}

const lookup = (words: Readonly<Record<string, string>>, code: string): string | null =>
  Object.hasOwn(words, code) ? (words[code] as string) : null;

/** "R5", "2023": the year as the log wrote it, or null. */
function yearWords(lang: Lang, text: string): string | null {
  const read = parseFiscalYear(text);
  return read.ok ? t(lang).staffAuditWords.year(read.value) : null;
}

/**
 * The entry's subject in words. Entries name a KPI's year as "key/R5" or "key:series/R5" (a revision
 * writes "key/2023"), an edition as "R5#2", a batch of workbooks by its year, a plan by its id and an
 * account by its login; anything else is shown as a dash, never as a code.
 */
function subjectWords(lang: Lang, row: AuditRow, context: AuditContext): string {
  const w = t(lang).staffAuditWords;
  const { subject } = row;
  if (row.action === 'plan.import' || row.action === 'plan.replace')
    return context.planTitle ?? w.unknownSubject;
  if (row.action.startsWith('user.') || row.action.startsWith('department.')) return subject;
  // A municipality's entries name it by its code; one without a code yet (row 1) by a dash.
  if (row.action.startsWith('municipality.')) return subject === '' ? w.unknownSubject : subject;
  const edition = /^(.+)#(\d+)$/.exec(subject);
  if (edition) {
    const year = yearWords(lang, edition[1] as string);
    return year ? w.edition(year, Number(edition[2])) : w.unknownSubject;
  }
  const kpiYear = /^([^:/]+)(?::([^/]+))?\/([^/]+)$/.exec(subject);
  if (kpiYear) {
    const [, key = '', series = null, yearText = ''] = kpiYear;
    const year = yearWords(lang, yearText);
    if (year) return w.kpiYear(context.kpiNames.get(key) ?? w.removedKpi, series, year);
  }
  if (row.action === 'kpi.update') return context.kpiNames.get(subject) ?? w.removedKpi;
  return yearWords(lang, subject) ?? w.unknownSubject;
}

const PROVISIONAL = ' (見込)';
/** The figures save writes a provisional figure with this mark; the reader's language says it instead. */
function figureWords(lang: Lang, value: string | null): string {
  if (value === null) return '';
  return value.endsWith(PROVISIONAL)
    ? t(lang).staffAuditWords.provisional(value.slice(0, -PROVISIONAL.length))
    : value;
}

function reviewWords(lang: Lang, value: string | null): string {
  if (value === null) return t(lang).staffWorklist.reviewStates.none;
  const states = t(lang).staffWorklist.reviewStates as Readonly<Record<string, string>>;
  const [state = '', ...rest] = value.split(': ');
  const word = lookup(states, state);
  if (word === null) return value;
  return rest.length > 0 ? t(lang).staffAuditWords.reviewWithComment(word, rest.join(': ')) : word;
}

const roleWords = (lang: Lang, value: string | null): string =>
  value !== null && (ALL_ROLES as readonly string[]).includes(value)
    ? t(lang).staff.roles[value as Role]
    : (value ?? '');

const accessWords = (lang: Lang, value: string | null): string => {
  const w = t(lang).staffAuditWords.account;
  return value === 'true' ? w.disabled : value === 'false' ? w.active : (value ?? '');
};

/** "3 figures and 1 assessments from kodomo.xlsx", as the workbook apply records it. */
function collectWords(lang: Lang, value: string | null): string {
  const batch = /^(\d+) figures and (\d+) assessments from (.*)$/s.exec(value ?? '');
  if (!batch) return value ?? '';
  return t(lang).staffAuditWords.collected(Number(batch[1]), Number(batch[2]), batch[3] as string);
}

/** A value as recorded, worded where the log stores a code (a state, a role, a flag). */
function valueWords(lang: Lang, row: AuditRow, value: string | null): string {
  if (row.field === 'password') return value === null ? '' : t(lang).staffAuditWords.passwordHidden;
  if (row.action === 'collect.apply') return collectWords(lang, value);
  if (row.action === 'observation.save') return figureWords(lang, value);
  if (row.field === 'state' && row.action.startsWith('review.')) return reviewWords(lang, value);
  if (row.field === 'role') return roleWords(lang, value);
  if (row.field === 'disabled') return accessWords(lang, value);
  if (row.field === 'opinion') return lookup(t(lang).staffAuditWords.opinion, value ?? '') ?? value ?? '';
  if (row.field === 'mailLang' && (value === 'ja' || value === 'en'))
    return t(lang).staffMail.langNames[value];
  return value ?? '';
}

/** One log entry in words. An action or field the catalog does not know yet gets a generic word. */
export function auditLine(lang: Lang, row: AuditRow, context: AuditContext): AuditLine {
  const w = t(lang).staffAuditWords;
  return {
    id: row.id,
    at: row.at,
    user: row.user,
    action: lookup(w.actions, row.action) ?? w.otherAction,
    subject: subjectWords(lang, row, context),
    field: row.field === null ? '' : (lookup(w.fields, row.field) ?? w.otherField),
    oldValue: valueWords(lang, row, row.oldValue),
    newValue: valueWords(lang, row, row.newValue),
  };
}
