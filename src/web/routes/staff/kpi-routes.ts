import { Hono, type Context } from 'hono';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { ROLES } from '../../../store/users.ts';
import { markCommentOpinion } from '../../commands/comment.ts';
import { editableSheet, saveEntry, type EntryResult } from '../../commands/entry.ts';
import { entryFields, entryInputFrom } from '../../commands/entry-input.ts';
import { submitForReview, type KpiYear } from '../../commands/review.ts';
import { approveAndTell, commentAndTell, returnAndTell } from '../../commands/review-notices.ts';
import { withMail, withMailNotice } from './mail-notice.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam, readForm, type FormFields } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { doneMessage } from './done.ts';
import { renderKpiPage } from './kpi-page.tsx';
import { staffPaths, yearParam } from './paths.ts';

const PATH = '/plans/:plan/:year/kpis/:kpi';

function kpiYearOf(c: Context<AppEnv>): KpiYear | null {
  const year = yearParam(c.req.param('year'));
  const plan = keyParam(c.req.param('plan'));
  const kpi = keyParam(c.req.param('kpi'));
  return year === null || plan === null || kpi === null ? null : { plan, kpi, year };
}

/** A KPI's page for a year and the forms on it: entry, submission, review and comments. */
export function kpiRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  const notifier = { store, mailer: deps.mailer ?? null };

  app.get(PATH, requireRole(...ROLES), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    return renderKpiPage(c, deps, at, {
      notice: withMailNotice(c, doneMessage(c.get('lang'), c.req.query('done'))),
    });
  });

  /** Saves the posted entry form; a refusal comes back as the page, with everything typed kept. */
  async function save(c: Context<AppEnv>, at: KpiYear, form: FormFields) {
    const { user } = signedIn(c);
    const sheet = await editableSheet(store.db, user, at.plan, at.kpi, at.year);
    const input = entryInputFrom(form, sheet);
    if (!form.ok) {
      const refused = { saved: false, changed: 0, conflict: false, readAs: {}, input, sheet };
      return {
        entry: null,
        page: await renderKpiPage(c, deps, at, { entry: { ...refused, problems: form.problems } }, 422),
      };
    }
    const entry = await saveEntry(store, user, { ...at, input });
    if (entry.saved) return { entry, page: null };
    return { entry: null, page: await renderKpiPage(c, deps, at, { entry }, entry.conflict ? 409 : 422) };
  }

  app.post(PATH, requireRole('admin', 'department'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const { entry, page } = await save(c, at, await readForm(c));
    if (!entry) return page;
    const m = t(c.get('lang')).staff;
    return renderKpiPage(c, deps, at, { entry, notice: entry.changed > 0 ? m.saved : m.nothingChanged });
  });

  /**
   * 企画担当に提出 posts the entry form itself: what was typed is saved first, then submitted, so nothing
   * typed is lost. A refused save or submission comes back with every value kept (the saved ones stored).
   * A post without the form's fields (an older page, a script) submits what is stored.
   */
  app.post(`${PATH}/submit`, requireRole('admin', 'department'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const form = await readForm(c);
    let saved: EntryResult | null = null;
    if (form.raw(entryFields.assessmentVersion) !== '') {
      const { entry, page } = await save(c, at, form);
      if (!entry) return page;
      saved = entry;
    }
    const outcome = await submitForReview(store, signedIn(c).user, at);
    if (outcome.ok) return c.redirect(staffPaths.kpi(at.plan, at.year, at.kpi, 'submitted'), 303);
    const notice = saved && saved.changed > 0 ? t(c.get('lang')).staff.saved : null;
    return renderKpiPage(
      c,
      deps,
      at,
      { ...(saved ? { entry: saved } : {}), problems: outcome.problems, notice },
      422,
    );
  });

  app.post(`${PATH}/review`, requireRole('admin'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const form = await readForm(c);
    const { user } = signedIn(c);
    if (form.raw('decision') === 'approve') {
      const told = await approveAndTell(notifier, user, at);
      return c.redirect(withMail(staffPaths.kpi(at.plan, at.year, at.kpi, 'approved'), told.mail), 303);
    }
    const comment = form.text('comment', 'review-note', { required: true });
    if (!form.ok) return renderKpiPage(c, deps, at, { problems: form.problems, typed: { comment } }, 422);
    const outcome = await returnAndTell(notifier, user, at, comment);
    if (outcome.ok)
      return c.redirect(
        withMail(staffPaths.kpi(at.plan, at.year, at.kpi, 'returned'), outcome.value.mail),
        303,
      );
    return renderKpiPage(c, deps, at, { problems: outcome.problems, typed: { comment } }, 422);
  });

  app.post(`${PATH}/comments`, requireRole('committee', 'admin'), async (c) => {
    const at = kpiYearOf(c);
    if (!at) return c.notFound();
    const form = await readForm(c);
    const body = form.text('body', 'comment', { required: true });
    if (!form.ok) return renderKpiPage(c, deps, at, { problems: form.problems, typed: { body } }, 422);
    const outcome = await commentAndTell(notifier, signedIn(c).user, at, body);
    if (outcome.ok)
      return c.redirect(
        withMail(staffPaths.kpi(at.plan, at.year, at.kpi, 'commented'), outcome.value.mail),
        303,
      );
    return renderKpiPage(c, deps, at, { problems: outcome.problems, typed: { body } }, 422);
  });

  app.post(`${PATH}/comments/:comment/opinion`, requireRole('admin'), async (c) => {
    const at = kpiYearOf(c);
    const id = c.req.param('comment');
    if (!at || !/^[1-9][0-9]{0,8}$/.test(id)) return c.notFound();
    const form = await readForm(c);
    const publish = form.raw('publish');
    if (publish !== 'yes' && publish !== 'no') return c.notFound();
    await markCommentOpinion(store, signedIn(c).user, at, Number(id), publish === 'yes');
    const done = publish === 'yes' ? 'opinion-marked' : 'opinion-unmarked';
    return c.redirect(`${staffPaths.kpi(at.plan, at.year, at.kpi, done)}#comments-heading`, 303);
  });

  return app;
}
