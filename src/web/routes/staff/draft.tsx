import { markedOpinionsOf } from '../../../store/comments.ts';
import { Hono } from 'hono';
import { messagesFor } from '../../../render/messages.ts';
import { downloadFile, formatByName } from '../../../publish/formats.ts';
import { requireRole } from '../../auth/require-role.ts';
import { currentEvaluation } from '../../commands/current-results.ts';
import { assertYearInPlan } from '../../commands/sheets.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { downloads } from '../public/downloads.ts';
import { staffPage } from './page.tsx';
import { DRAFT_FORMATS, staffPaths, yearParam, type DraftFormat } from './paths.ts';
import { DraftLinks } from './publish.tsx';

/** Staff drafts are read in the browser where it can (HTML, PDF) and saved where it cannot. */
const INLINE: ReadonlySet<DraftFormat> = new Set(['html', 'pdf']);

/**
 * The year's report as it would be published now, in every format, stamped 案 on every page and with
 * the reviewers' pages: rendered through the public downloads' own entries from the current figures,
 * never cached (they change), and for the office and the committee only, since they are unpublished.
 */
export function draftRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const files = downloads(deps);

  app.get('/plans/:plan/:year/draft', requireRole('admin', 'committee'), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const year = yearParam(c.req.param('year'));
    if (year === null) return c.notFound();
    const plan = await assertYearInPlan(deps.store.db, c.req.param('plan'), year);
    const title = m.staffDraft.title(year);
    return staffPage(c, {
      title,
      context: plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(plan.slug, year), label: m.staffWorklist.title(year) },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <p>{m.staffDraft.intro}</p>
          <DraftLinks lang={lang} plan={plan.slug} year={year} />
        </>
      ),
    });
  });

  for (const format of DRAFT_FORMATS) {
    const path = downloadFile(formatByName(format));
    const file = files[path];
    if (!file) continue;
    app.get(`/plans/:plan/:year/draft/${path}`, requireRole('admin', 'committee'), async (c) => {
      const year = yearParam(c.req.param('year'));
      if (year === null) return c.notFound();
      const plan = await assertYearInPlan(deps.store.db, c.req.param('plan'), year);
      const messages = messagesFor(c.var.lang);
      const evaluation = await currentEvaluation(deps.store.db, plan.slug, year);
      // The draft previews the opinions the office has marked: what the next edition would freeze.
      const opinions = await markedOpinionsOf(deps.store.db, plan.slug, year);
      const body = await file.make({ evaluation, opinions }, messages, t(c.var.lang), {
        draft: true,
        diagnostics: true,
      });
      const name = file.format.fileName({ plan: plan.slug, year, lang: messages.lang, draft: true });
      c.header('Content-Type', file.type);
      c.header('Content-Disposition', `${INLINE.has(format) ? 'inline' : 'attachment'}; filename="${name}"`);
      c.header('Cache-Control', 'no-store');
      if (file.policy) c.header('Content-Security-Policy', file.policy);
      return c.body(typeof body === 'string' ? body : new Uint8Array(body));
    });
  }

  return app;
}
