import { Hono, type Context } from 'hono';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { postComment } from '../../commands/comment.ts';
import { editableSheet, saveEntry } from '../../commands/entry.ts';
import { entryInputFrom } from '../../commands/entry-input.ts';
import { approve, returnToDepartment, submitForReview, type KpiYear } from '../../commands/review.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { doneMessage } from './done.ts';
import { renderKpiPage } from './kpi-page.tsx';
import { staffPaths, yearParam } from './paths.ts';

const PATH = '/plans/:plan/:year/kpis/:kpi';

function kpiYearOf(c: Context<AppEnv>): KpiYear | null {
  const year = yearParam(c.req.param('year'));
  const plan = c.req.param('plan');
  const kpi = c.req.param('kpi');
  return year === null || !plan || !kpi ? null : { plan, kpi, year };
}

const formText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A KPI's page for a year and the forms on it: entry, submission, review and comments. */
export function kpiRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.get(PATH, requireRole(), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    return renderKpiPage(c, deps, at, { notice: doneMessage(c.get('lang'), c.req.query('done')) });
  });

  app.post(PATH, requireRole('admin', 'department'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const { user } = signedIn(c);
    const sheet = await editableSheet(store.db, user, at.plan, at.kpi, at.year);
    const input = entryInputFrom(await c.req.parseBody(), sheet);
    const entry = await saveEntry(store, user, { ...at, input });
    const m = t(c.get('lang')).staff;
    if (entry.saved) {
      return renderKpiPage(c, deps, at, { entry, notice: entry.changed > 0 ? m.saved : m.nothingChanged });
    }
    return renderKpiPage(c, deps, at, { entry }, entry.conflict ? 409 : 422);
  });

  app.post(`${PATH}/submit`, requireRole('admin', 'department'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const outcome = await submitForReview(store, signedIn(c).user, at);
    if (outcome.ok) return c.redirect(staffPaths.kpi(at.plan, at.year, at.kpi, 'submitted'), 303);
    return renderKpiPage(c, deps, at, { problems: outcome.problems }, 422);
  });

  app.post(`${PATH}/review`, requireRole('admin'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const body = await c.req.parseBody();
    const { user } = signedIn(c);
    if (body.decision === 'approve') {
      await approve(store, user, at);
      return c.redirect(staffPaths.kpi(at.plan, at.year, at.kpi, 'approved'), 303);
    }
    const comment = formText(body.comment);
    const outcome = await returnToDepartment(store, user, at, comment);
    if (outcome.ok) return c.redirect(staffPaths.kpi(at.plan, at.year, at.kpi, 'returned'), 303);
    return renderKpiPage(c, deps, at, { problems: outcome.problems, typed: { comment } }, 422);
  });

  app.post(`${PATH}/comments`, requireRole('committee', 'admin'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const body = formText((await c.req.parseBody()).body);
    const outcome = await postComment(store, signedIn(c).user, at, body);
    if (outcome.ok) return c.redirect(staffPaths.kpi(at.plan, at.year, at.kpi, 'commented'), 303);
    return renderKpiPage(c, deps, at, { problems: outcome.problems, typed: { body } }, 422);
  });

  return app;
}
