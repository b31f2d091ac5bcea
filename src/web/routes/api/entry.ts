import { Hono, type Context } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { figureFromNumber } from '../../../core/figure-text.ts';
import type { Lang } from '../../../core/language.ts';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { planScope } from '../../auth/plan-scope.ts';
import { writeGuard } from '../../auth/write-guard.ts';
import { editableSheet, saveEntry, type EntryResult } from '../../commands/entry.ts';
import { assessmentInputOf, seriesInputOf, type EntryInput } from '../../commands/entry-input.ts';
import { fieldText, type FormProblem } from '../../commands/form-problem.ts';
import { entryFields } from '../../commands/entry-input.ts';
import type { KpiYear } from '../../commands/review.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { sendJson } from '../../json-response.ts';
import type { JsonValue } from '../../../render/json-text.ts';
import { formatEntry } from '../../../core/format.ts';
import { yearParam } from '../staff/paths.ts';

/** A JSON entry is a handful of fields: far below the forms' limit. */
const MAX_ENTRY_BODY = 64 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const bad = (what: string): ShinchokuError =>
  new ShinchokuError('usage', `The entry is not in the expected shape: ${what}.`, null, [], {
    reason: 'entry-shape',
  });

/** A figure sent as JSON: a string as typed, or a number, read exactly (never through a float's text). */
function figureText(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const read = figureFromNumber(value);
    if (!read.ok) throw bad(`${where} is not a finite number`);
    return read.value;
  }
  throw bad(`${where} must be a string or a number`);
}

const optionalString = (value: unknown, where: string): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw bad(`${where} must be a string`);
  return value;
};

const version = (value: unknown, where: string): number => {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw bad(`${where} must be a whole number ≥ 0`);
  return value as number;
};

/**
 * The request as the form would have sent it. Each series names its position and the version it was
 * read at; it carries a `value` or a `reason` from the list, and `confirm: true` to save a value the
 * checks would otherwise question. A series or the assessment left out is left as it is.
 */
function entryInput(body: unknown, current: EntryInput): EntryInput {
  if (!isRecord(body)) throw bad('the body must be a JSON object');
  const sent = body.series ?? [];
  if (!Array.isArray(sent) || sent.length > current.series.length) throw bad('series must be a short list');
  const series = current.series.map((stored) => {
    const item = sent.find((s) => isRecord(s) && s.position === stored.position) as
      Record<string, unknown> | undefined;
    if (!item) return stored;
    const where = `series ${stored.position}`;
    const text = figureText(item.value, `${where}.value`);
    const confirm = item.confirm ?? false;
    if (typeof confirm !== 'boolean') throw bad(`${where}.confirm must be true or false`);
    return {
      ...stored,
      text,
      reason: optionalString(item.reason, `${where}.reason`) ?? '',
      state: optionalString(item.state, `${where}.state`) ?? 'final',
      version: version(item.version ?? 0, `${where}.version`),
      // The value confirmed is the one sent beside it: confirming never reaches another request's value.
      confirmed: confirm ? text : '',
    };
  });
  const a = body.assessment;
  if (a === undefined || a === null) return { series, assessment: current.assessment };
  if (!isRecord(a)) throw bad('assessment must be an object');
  return {
    series,
    assessment: {
      ...current.assessment,
      status: optionalString(a.status, 'assessment.status') ?? '',
      text: optionalString(a.text, 'assessment.text') ?? '',
      version: version(a.version ?? 0, 'assessment.version'),
    },
  };
}

/** A field's problem as data and in words; a value to confirm also lists what to confirm. */
function problemJson(lang: Lang, field: string, problem: FormProblem): JsonValue {
  const words = { field, code: problem.kind, message: t(lang).staff.problem(problem) };
  if (problem.kind === 'figure') return { ...words, reason: problem.refusal.code };
  if (problem.kind === 'confirm-figure') {
    return { ...words, value: problem.value, confirm: problem.confirms.map((c) => c.code) };
  }
  return words;
}

function resultJson(lang: Lang, entry: EntryResult): JsonValue {
  return {
    saved: entry.saved,
    changed: entry.changed,
    series: entry.sheet.series.map((s) => ({
      position: s.position,
      entry: s.observation ? formatEntry(s.observation.entry, s.unit) : null,
      version: s.observation?.version ?? 0,
    })),
    problems: Object.entries(entry.problems).map(([field, problem]) => problemJson(lang, field, problem)),
  };
}

function kpiYearOf(c: Context<AppEnv>): KpiYear | null {
  const year = yearParam(c.req.param('year'));
  const plan = keyParam(c.req.param('plan'));
  const kpi = keyParam(c.req.param('kpi'));
  return year === null || plan === null || kpi === null ? null : { plan, kpi, year };
}

const refuseForgery = (): never => {
  throw new ShinchokuError('forbidden', 'The request did not come from this site’s pages.', null, [], {
    reason: 'csrf',
  });
};

/**
 * A KPI's figures for a year, entered as JSON by a signed-in department or the office, with the same
 * checks as the entry form: the session's forgery token in the x-csrf-token header, a reason from the
 * list, no qualified figure, and `confirm: true` for a value the checks question. 200 when saved, 422
 * with each problem (a code and its words) when not, 409 on a concurrent change.
 */
export function apiEntryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    '/plans/:plan/:year/kpis/:kpi/entry',
    writeGuard(deps, { policy: () => ({ maxBytes: MAX_ENTRY_BODY, anonymous: false }), refuseForgery }),
  );
  app.use('/plans/:plan/:year/kpis/:kpi/entry', planScope(deps.store.db));
  app.put('/plans/:plan/:year/kpis/:kpi/entry', requireRole('admin', 'department'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const { user } = signedIn(c);
    if (user.mustChangePassword) {
      throw new ShinchokuError('forbidden', 'Change the password first.', null, [], {
        reason: 'must-change',
      });
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw bad('the body is not JSON');
    }
    const sheet = await editableSheet(deps.store.db, user, at.plan, at.kpi, at.year);
    const current = {
      series: sheet.series.map(seriesInputOf),
      assessment: assessmentInputOf(sheet.assessment),
    };
    // Sent values are compared with nothing typed before: every series sent is a change to save.
    const fresh = {
      ...current,
      series: current.series.map((s) => ({ ...s, original: '\u0000', originalReason: '\u0000' })),
    };
    const input = entryInput(body, fresh);
    const untouched = {
      series: input.series.map((s, i) => (s === fresh.series[i] ? (current.series[i] ?? s) : s)),
      assessment: input.assessment,
    };
    // The texts meet the same text-field rule as the form's (length, lines, no control characters).
    const refused: Record<string, FormProblem> = {};
    for (const s of untouched.series) {
      const read = fieldText('figure', s.text);
      if (read.problem) refused[entryFields.value(s.position)] = read.problem;
    }
    for (const [field, kind, text] of [
      [entryFields.status, 'assessment-status', untouched.assessment.status],
      [entryFields.text, 'assessment-text', untouched.assessment.text],
    ] as const) {
      const read = fieldText(kind, text);
      if (read.problem) refused[field] = read.problem;
    }
    if (Object.keys(refused).length > 0) {
      const problems = Object.entries(refused).map(([field, problem]) =>
        problemJson(c.get('lang'), field, problem),
      );
      return sendJson(c, { saved: false, changed: 0, series: [], problems }, 422);
    }
    const entry = await saveEntry(deps.store, user, { ...at, input: untouched });
    const status = entry.saved ? 200 : entry.conflict ? 409 : 422;
    return sendJson(c, resultJson(c.get('lang'), entry), status);
  });
  return app;
}
