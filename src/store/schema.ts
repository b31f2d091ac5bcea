import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * One PostgreSQL schema for PGlite and a real server alike. Figures are `numeric`, which keeps the scale
 * they were written with (19.00 stays 19.00) and comes back as a decimal string; never a float.
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A municipality (団体) served by this installation: the tenant that holds plans, departments and users.
 * Row 1 is the installation's own municipality, created by the migration, and every column that names a
 * municipality defaults to it, so a single-municipality installation never has to name one. A host adds
 * others, each identified by its 全国地方公共団体コード.
 */
export const municipalities = pgTable('municipalities', {
  id: serial('id').primaryKey(),
  /** Six digits with a verified check digit; null only for row 1 until its code is known. */
  code: text('code').unique(),
  name: text('name').notNull(),
  createdAt: created(),
});

/** The installation's own municipality (row 1), which the migration creates. */
export const HOME_MUNICIPALITY_ID = 1;

const municipalityRef = () =>
  integer('municipality_id')
    .notNull()
    .default(HOME_MUNICIPALITY_ID)
    .references(() => municipalities.id, { onDelete: 'restrict' });

export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    municipalityId: municipalityRef(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    municipality: text('municipality').notNull(),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    /** The plan file's `evaluation` block, as normalised settings. */
    settings: jsonb('settings').notNull(),
    /** The English the plan gives for its texts (store/plan-translation.ts); null where it gives none. */
    translation: jsonb('translation'),
    /** The residents a per-capita comparison divides by: `{ value, year }` (core/plan.ts Population); null: none. */
    population: jsonb('population'),
    /** The 全国地方公共団体コード the plan file states (`municipalityCode`), kept as written; null: none. */
    municipalityCode: text('municipality_code'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('plans_municipality').on(t.municipalityId)],
);

export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    municipalityId: municipalityRef(),
    name: text('name').notNull(),
    createdAt: created(),
  },
  (t) => [unique('departments_municipality_name').on(t.municipalityId, t.name)],
);

export const goals = pgTable(
  'goals',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [unique().on(t.planId, t.key), check('goals_kind', sql`${t.kind} in ('basic', 'cross-cutting')`)],
);

export const kpis = pgTable(
  'kpis',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** The goal that defines it; other goals list it through goal_kpis (再掲). */
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: jsonb('category').notNull(),
    unit: text('unit'),
    departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
    direction: text('direction'),
    /** The common indicator (core/indicators.ts) the KPI measures; null: none. */
    indicator: text('indicator'),
    position: integer('position').notNull(),
  },
  // The comparison finds the plans that tag an indicator by this index, never by reading every plan.
  (t) => [unique().on(t.planId, t.key), index('kpis_indicator').on(t.indicator, t.planId)],
);

export const goalKpis = pgTable(
  'goal_kpis',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    kpiId: integer('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.kpiId] })],
);

export const series = pgTable(
  'series',
  {
    id: serial('id').primaryKey(),
    kpiId: integer('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label'),
    unit: text('unit'),
    baselineValue: numeric('baseline_value'),
    baselineFrom: integer('baseline_from'),
    baselineTo: integer('baseline_to'),
    baselineQualifier: text('baseline_qualifier'),
    targetValue: numeric('target_value').notNull(),
    targetYear: integer('target_year').notNull(),
    direction: text('direction').notNull(),
    /** The target's and baseline's published forms, cumulative, year kind (stored-forms.ts); null: none. */
    forms: jsonb('forms'),
  },
  (t) => [
    unique().on(t.kpiId, t.position),
    check('series_direction', sql`${t.direction} in ('increase', 'decrease')`),
  ],
);

export const milestones = pgTable(
  'milestones',
  {
    seriesId: integer('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    value: numeric('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.fiscalYear] })],
);

/**
 * A series's target or baseline changed from a fiscal year on (目標値の上方修正), with why. The series row
 * keeps the values the plan first set; a year is evaluated with those in force then (core/revisions.ts).
 */
export const seriesRevisions = pgTable(
  'series_revisions',
  {
    seriesId: integer('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    fromYear: integer('from_year').notNull(),
    /** Null where the revision leaves the target as it was. */
    targetValue: numeric('target_value'),
    targetYear: integer('target_year'),
    /** Null where the revision leaves the baseline as it was. */
    baselineValue: numeric('baseline_value'),
    baselineFrom: integer('baseline_from'),
    baselineTo: integer('baseline_to'),
    baselineQualifier: text('baseline_qualifier'),
    note: text('note').notNull(),
    /** The revised target's and baseline's published forms (stored-forms.ts); null: none. */
    forms: jsonb('forms'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.fromYear] }),
    check('series_revisions_changes', sql`${t.targetValue} is not null or ${t.baselineValue} is not null`),
    check('series_revisions_target', sql`(${t.targetValue} is null) = (${t.targetYear} is null)`),
    check('series_revisions_note', sql`btrim(${t.note}) <> ''`),
  ],
);

/** A series's figure for one fiscal year: a value, nothing to report (—), or missing for a reason (未取得). */
export const observations = pgTable(
  'observations',
  {
    id: serial('id').primaryKey(),
    seriesId: integer('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    kind: text('kind').notNull(),
    value: numeric('value'),
    reason: text('reason'),
    /** A value known only as a bound (「75%以上」: at-least), and the figure as printed; null: exact, none. */
    bound: text('bound'),
    label: text('label'),
    /** provisional (見込) or final (確定). */
    state: text('state').notNull().default('final'),
    /** Raised by every change: a save names the version it read, so a concurrent edit is caught. */
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updated(),
  },
  (t) => [
    unique().on(t.seriesId, t.fiscalYear),
    check('observations_kind', sql`${t.kind} in ('value', 'none', 'missing')`),
    check('observations_state', sql`${t.state} in ('provisional', 'final')`),
    check(
      'observations_bound',
      sql`${t.bound} is null or (${t.kind} = 'value' and ${t.bound} in ('at-least', 'more-than', 'at-most', 'less-than'))`,
    ),
    check('observations_label', sql`${t.label} is null or ${t.kind} = 'value'`),
    check(
      'observations_shape',
      sql`(${t.kind} = 'value' and ${t.value} is not null and ${t.reason} is null) or (${t.kind} = 'none' and ${t.value} is null and ${t.reason} is null) or (${t.kind} = 'missing' and ${t.value} is null and ${t.reason} is not null)`,
    ),
  ],
);

export const assessments = pgTable(
  'assessments',
  {
    id: serial('id').primaryKey(),
    kpiId: integer('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    status: text('status'),
    text: text('text').notNull(),
    /** The office's hand grade and grade note (stored-forms.ts); null: none. */
    forms: jsonb('forms'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updated(),
  },
  (t) => [unique().on(t.kpiId, t.fiscalYear)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** The municipality whose data the user works on; null only for a host administrator (role host). */
    municipalityId: integer('municipality_id')
      .default(HOME_MUNICIPALITY_ID)
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    login: text('login').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
    disabled: boolean('disabled').notNull().default(false),
    /** Set for a password someone else knows (generated at first start, or reset): changed at next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Where reminders and notices are mailed; null: the user reads them in the app only. */
    email: text('email'),
    /** The language of the mails the user receives (the pages follow the browser). */
    mailLang: text('mail_lang').notNull().default('ja'),
    createdAt: created(),
  },
  (t) => [
    check('users_role', sql`${t.role} in ('host', 'admin', 'department', 'committee')`),
    check('users_host_municipality', sql`(${t.role} = 'host') = (${t.municipalityId} is null)`),
    index('users_municipality').on(t.municipalityId),
    check('users_mail_lang', sql`${t.mailLang} in ('ja', 'en')`),
  ],
);

export const sessions = pgTable('sessions', {
  /** The SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
  id: text('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: created(),
});

/** The review of one KPI's figures and assessment for a year; keyed by the KPI's key so it survives a re-import. */
export const reviews = pgTable(
  'reviews',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kpiKey: text('kpi_key').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    state: text('state').notNull(),
    comment: text('comment'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updated(),
  },
  (t) => [
    unique().on(t.planId, t.kpiKey, t.fiscalYear),
    check('reviews_state', sql`${t.state} in ('submitted', 'approved', 'returned')`),
  ],
);

/** The committee's comments (有識者会議), per KPI and year. */
export const comments = pgTable(
  'comments',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kpiKey: text('kpi_key').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: created(),
    /** Set when the planning office marks the comment for publication (委員会意見); the next edition freezes it. */
    opinionMarkedAt: timestamp('opinion_marked_at', { withTimezone: true }),
    opinionMarkedBy: integer('opinion_marked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('comments_kpi').on(t.planId, t.kpiKey, t.fiscalYear)],
);

/** A published edition: frozen. A correction publishes a new edition with an errata note. */
export const editions = pgTable(
  'editions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    fiscalYear: integer('fiscal_year').notNull(),
    number: integer('number').notNull(),
    /** The plan as it stood, as a plan file: the edition renders from this alone. */
    planYaml: text('plan_yaml').notNull(),
    errata: text('errata'),
    publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why the office published with KPIs not approved or not entered; null when all were approved. */
    publishReason: text('publish_reason'),
    /** The committee's opinions marked for publication, frozen as JSON when published; null: none. */
    opinions: text('opinions'),
    /**
     * The edition's counts for comparisons across municipalities (core/kind-tally.ts EditionCounts), worked
     * out when published, so that a nation's comparison never reads 1,741 frozen plans back; null for an
     * edition published before they were kept, which the comparison then evaluates.
     */
    counts: jsonb('counts'),
    /**
     * The edition's figures of the KPIs it tags with a common indicator (core/indicator-figures.ts), kept
     * when published for the same reason as `counts`; [] when it tags none, null when published before.
     */
    indicatorFigures: jsonb('indicator_figures'),
    /** A withdrawn edition leaves the public pages (which say so) but stays here and in the audit log. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: integer('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [unique().on(t.planId, t.fiscalYear, t.number)],
);

/** Every change to a value or a text: who, when, what it was and what it became. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    /**
     * The municipality whose account log shows a change that belongs to no plan (users, departments);
     * null for a host's own changes. A plan's changes are found through the plan.
     */
    municipalityId: integer('municipality_id').references(() => municipalities.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    /** What changed, e.g. "births/2023" or "births:男性/2023". */
    subject: text('subject').notNull(),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [index('audit_plan_at').on(t.planId, t.at), index('audit_municipality').on(t.municipalityId)],
);

/** The day by which departments submit a year's figures (提出期限); the last day on which they are on time. */
export const collectionDeadlines = pgTable(
  'collection_deadlines',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updated(),
  },
  (t) => [unique().on(t.planId, t.fiscalYear)],
);

/** An in-app notice for one user: a KPI returned, approved or commented on; kept whether or not a mail went. */
export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kpiKey: text('kpi_key').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The return's reason or the comment, as written. */
    note: text('note'),
    /** null: no mail (no server or no address); sent; failed (the failure is in mail_log). */
    mail: text('mail'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    index('notices_user').on(t.userId, t.readAt),
    check('notices_kind', sql`${t.kind} in ('returned', 'approved', 'commented')`),
  ],
);

/** Every mail the app tried to send, for the office: what, to whom, and why it failed. */
export const mailLog = pgTable(
  'mail_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** reminder or notice. */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    ok: boolean('ok').notNull(),
    /** The mail server's answer or the connection's error, short; null when sent. */
    error: text('error'),
  },
  (t) => [index('mail_log_at').on(t.at)],
);

/**
 * Sign-in limits shared by every app process on one database: each row is one attempt counted against one
 * budget (kind login, address or global, under the login-and-address, the address or 'all'), one password
 * check under way (check, by address), or an address known from a success (known). Rows past their
 * window are deleted by the next admission, so the table holds minutes of attempts, not history.
 */
export const loginLimits = pgTable(
  'login_limits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('login_limits_key').on(t.kind, t.key, t.at),
    index('login_limits_at').on(t.at),
    check('login_limits_kind', sql`${t.kind} in ('login', 'address', 'global', 'check', 'known')`),
  ],
);

/** Binary data as PostgreSQL's bytea: a Buffer from node-postgres, a Uint8Array from PGlite, both read as Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Uploaded workbooks between the preview and the apply, for the person who sent them, one row per file. In
 * the database, not in a process's memory: behind a proxy, the apply may reach another process than the
 * preview did.
 */
export const uploadStash = pgTable(
  'upload_stash',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The SHA-256 of the token the apply form sends back, never the token itself. */
    token: text('token').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    bytes: bytea('bytes').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('upload_stash_file').on(t.token, t.position), index('upload_stash_expires').on(t.expiresAt)],
);

/**
 * A bulk import of a zip of plans run by the server in the background (store/bulk-jobs.ts). Its state is
 * here, not in the process that runs it, so any app process can show its progress; at most one runs per
 * municipality at a time (the partial unique index decides, so two uploads at once get one job).
 */
export const bulkImportJobs = pgTable(
  'bulk_import_jobs',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The zip's name as uploaded, for the job page's heading. */
    fileName: text('file_name').notNull(),
    /** running, done, or failed (the server stopped it, or it stopped answering: see bulk-jobs.ts). */
    state: text('state').notNull().default('running'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    /** The report (collect/bundle/report.ts) once done; null while running. */
    report: jsonb('report'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    check('bulk_import_jobs_state', sql`${t.state} in ('running', 'done', 'failed')`),
    uniqueIndex('bulk_import_jobs_one_running')
      .on(t.municipalityId)
      .where(sql`${t.state} = 'running'`),
  ],
);
