import { formatFiscalYear, parseFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { downloadFile, formatByName, REPORT_FORMATS } from '../../../publish/formats.ts';

/** Where staffRoutes is mounted; every staff link is built here, so the pages never spell a URL. */
export const STAFF_BASE = '/staff';

const segment = encodeURIComponent;
const planBase = (plan: string): string => `${STAFF_BASE}/plans/${segment(plan)}`;

/** The formats a staff draft of the report comes in: those of the published report. */
export const DRAFT_FORMATS = REPORT_FORMATS.map((f) => f.name);
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** One-word outcomes a redirect carries to the next page, which words them in the reader's language. */
export type Done =
  | 'submitted'
  | 'approved'
  | 'returned'
  | 'commented'
  | 'opinion-marked'
  | 'opinion-unmarked'
  | 'published'
  | 'withdrawn'
  | 'user-changed'
  | 'password-changed'
  | 'logged-out'
  | 'deadline-set'
  | 'contact-saved'
  | 'municipality-named'
  | 'municipality-unchanged';

const withDone = (path: string, done?: Done): string => (done ? `${path}?done=${done}` : path);

export const staffPaths = {
  home: STAFF_BASE,
  login: (next?: string): string => `${STAFF_BASE}/login${next ? `?next=${segment(next)}` : ''}`,
  logout: `${STAFF_BASE}/logout`,
  loggedOut: `${STAFF_BASE}/logout?done=logged-out`,
  overview: (plan: string, year?: FiscalYear): string =>
    `${planBase(plan)}${year === undefined ? '' : `?year=${formatFiscalYear(year)}`}`,
  kpi: (plan: string, year: FiscalYear, kpi: string, done?: Done): string =>
    withDone(`${planBase(plan)}/${formatFiscalYear(year)}/kpis/${segment(kpi)}`, done),
  submit: (plan: string, year: FiscalYear, kpi: string): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/kpis/${segment(kpi)}/submit`,
  review: (plan: string, year: FiscalYear, kpi: string): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/kpis/${segment(kpi)}/review`,
  comments: (plan: string, year: FiscalYear, kpi: string): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/kpis/${segment(kpi)}/comments`,
  /** Marks one comment for publication as a committee opinion, or takes the mark off (office only). */
  opinion: (plan: string, year: FiscalYear, kpi: string, comment: number): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/kpis/${segment(kpi)}/comments/${comment}/opinion`,
  kpiSettings: (plan: string, kpi: string): string => `${planBase(plan)}/kpis/${segment(kpi)}/settings`,
  publish: (plan: string, done?: Done): string => withDone(`${planBase(plan)}/publish`, done),
  /** The publish page of one year: what would go public, and the form; never a year by default. */
  publishYear: (plan: string, year: FiscalYear, done?: Done): string =>
    withDone(`${planBase(plan)}/publish/${formatFiscalYear(year)}`, done),
  withdraw: (plan: string, year: FiscalYear, edition: number): string =>
    `${planBase(plan)}/publish/${formatFiscalYear(year)}/editions/${edition}/withdraw`,
  reviewQueue: (plan: string, year: FiscalYear): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/review-queue`,
  /** Every KPI of a plan's year on one page (数値目標一覧), and the same rows as CSV. */
  board: (plan: string, year: FiscalYear): string => `${planBase(plan)}/${formatFiscalYear(year)}/board`,
  boardCsv: (plan: string, year: FiscalYear): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/board.csv`,
  /** The menu's entry: the one plan's board, or a choice of plans. */
  boardHome: `${STAFF_BASE}/board`,
  /** The grid entry: a department's KPIs for a year on one page; the office picks the department. */
  grid: (plan: string, year: FiscalYear, department?: number | 'none'): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/grid${department === undefined ? '' : `?department=${department}`}`,
  /** The departments' workbooks for a year, and each file (1.xlsx, …, all.zip). */
  workbooks: (plan: string, year: FiscalYear): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/workbooks`,
  workbooksOf: (plan: string): string => `${planBase(plan)}/workbooks`,
  workbookFile: (plan: string, year: FiscalYear, file: string): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/workbooks/${segment(file)}`,
  draft: (plan: string, year: FiscalYear): string => `${planBase(plan)}/${formatFiscalYear(year)}/draft`,
  draftFile: (plan: string, year: FiscalYear, format: DraftFormat): string =>
    `${planBase(plan)}/${formatFiscalYear(year)}/draft/${downloadFile(formatByName(format))}`,
  audit: (plan: string): string => `${planBase(plan)}/audit`,
  importPlan: `${STAFF_BASE}/import`,
  importMaster: `${STAFF_BASE}/import/master`,
  importBulk: `${STAFF_BASE}/import/bulk`,
  bulkJob: (id: number): string => `${STAFF_BASE}/import/bulk/${id}`,
  masterTemplate: `${STAFF_BASE}/import/master-template.xlsx`,
  masterExport: `${STAFF_BASE}/import/master-export`,
  collect: `${STAFF_BASE}/collect`,
  collectPreview: `${STAFF_BASE}/collect/preview`,
  collectApply: `${STAFF_BASE}/collect/apply`,
  users: (done?: Done): string => withDone(`${STAFF_BASE}/users`, done),
  userStatus: (id: number): string => `${STAFF_BASE}/users/${id}/status`,
  user: (id: number, done?: Done): string => withDone(`${STAFF_BASE}/users/${id}`, done),
  userReset: (id: number): string => `${STAFF_BASE}/users/${id}/password-reset`,
  /** One's own password; while a password must be changed, every staff page leads here. */
  password: (done?: Done): string => withDone(`${STAFF_BASE}/account/password`, done),
  departments: `${STAFF_BASE}/departments`,
  /** Many KPIs of a plan given one department at once. */
  assignDepartments: (plan: string): string => `${planBase(plan)}/departments`,
  /** A plan's collection deadlines and the reminders form. */
  deadlines: (plan: string, done?: Done): string => withDone(`${planBase(plan)}/deadlines`, done),
  reminders: (plan: string): string => `${planBase(plan)}/reminders`,
  notices: `${STAFF_BASE}/notices`,
  noticesRead: `${STAFF_BASE}/notices/read`,
  settings: `${STAFF_BASE}/settings`,
  /** One's own e-mail address and mail language. */
  contact: (done?: Done): string => withDone(`${STAFF_BASE}/account/contact`, done),
  userContact: (id: number): string => `${STAFF_BASE}/users/${id}/contact`,
  accountAudit: `${STAFF_BASE}/audit`,
  /** The host administrator's pages: municipalities and their administrators. */
  host: {
    home: (done?: Done): string => withDone(`${STAFF_BASE}/host`, done),
    municipalities: `${STAFF_BASE}/host/municipalities`,
    municipality: (id: number, done?: Done): string =>
      withDone(`${STAFF_BASE}/host/municipalities/${id}`, done),
    name: (id: number): string => `${STAFF_BASE}/host/municipalities/${id}/name`,
    admins: (id: number): string => `${STAFF_BASE}/host/municipalities/${id}/admins`,
    audit: `${STAFF_BASE}/host/audit`,
    adminStatus: (id: number, user: number): string =>
      `${STAFF_BASE}/host/municipalities/${id}/admins/${user}/status`,
    adminReset: (id: number, user: number): string =>
      `${STAFF_BASE}/host/municipalities/${id}/admins/${user}/password-reset`,
  },
};

/** A year as a staff URL writes it (R5); null for anything else, which the route answers with 404. */
export function yearParam(text: string | undefined): FiscalYear | null {
  if (text === undefined || text === '') return null;
  const read = parseFiscalYear(text);
  return read.ok ? read.value : null;
}

/**
 * Where to go after signing in: only a staff page of this site, never an address another site chose,
 * and nothing a Location header cannot carry (a control character, or a surrogate that encodeURI throws on).
 */
export function safeNext(next: string | undefined): string {
  if (
    !next ||
    !next.startsWith(`${STAFF_BASE}/`) ||
    next.startsWith('//') ||
    // eslint-disable-next-line no-control-regex
    /[\\\s\u0000-\u001f\u007f\ud800-\udfff]/.test(next)
  )
    return STAFF_BASE;
  return next;
}
