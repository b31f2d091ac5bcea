import { Hono, type Context } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { localizeEvaluation, untranslatedNote } from '../../../render/plan-text.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { renderPage } from '../../layout.tsx';
import { pageHtml } from './page-html.tsx';
import {
  publishedPlan,
  publishedReport,
  withdrawnAt,
  type PublishedReport,
  type ReportAddress,
} from '../../queries/published.ts';
import { editionCacheFor } from '../../../publish/cache-for-store.ts';
import { PLAN_LIST_TAG } from '../../../publish/edition-cache.ts';
import { publishedPlanPage } from '../../../store/published-editions.ts';
import { publishingMunicipalityCount } from '../../../store/municipality-directory.ts';
import { GoalPage } from './goal-page.tsx';
import { cachedAnswer, type Fresh } from './http-cache.ts';
import { KpiPage } from './kpi-page.tsx';
import { PlanList } from './plan-list.tsx';
import { PLANS_PER_PAGE, readPlanListQuery } from './plan-list-query.ts';
import { PlanOverview } from './plan-overview.tsx';
import { WithdrawnNotice } from './withdrawn.tsx';
import { compareAnswer } from './compare-route.tsx';
import { latestOfEachYear, publishedEditions, type EditionReport } from '../../queries/published-years.ts';

/** The plan, year and edition a public URL names: /plans/:plan/:year?edition=N. */
export function reportAddress(c: Context<AppEnv>): ReportAddress {
  return {
    plan: c.req.param('plan') ?? '',
    year: c.req.param('year') ?? '',
    edition: c.req.query('edition'),
  };
}

/** The report with the plan's texts in the reader's language (the plan's English, or marked Japanese). */
export function inLanguage(report: PublishedReport, lang: Lang): PublishedReport {
  return { ...report, evaluation: localizeEvaluation(report.evaluation, lang) };
}

/** The public pages: no login, published editions only, each kept in the edition cache once rendered. */
export function publicPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = deps.store.db;
  const cache = deps.editionCache ?? editionCacheFor(deps.store);

  app.get('/', (c) =>
    cachedAnswer(c, cache, PLAN_LIST_TAG, async () => {
      const m = t(c.var.lang);
      const query = readPlanListQuery(c.req.query('q'), c.req.query('page'));
      const at = (page: number) =>
        publishedPlanPage(db, {
          terms: query.terms,
          limit: PLANS_PER_PAGE,
          offset: (page - 1) * PLANS_PER_PAGE,
        });
      let page = query.page;
      let list = await at(page);
      // A page past the end (an old link, a typed number) shows the last page rather than nothing.
      if (list.plans.length === 0 && list.total > 0) {
        page = Math.ceil(list.total / PLANS_PER_PAGE);
        list = await at(page);
      }
      const pages = Math.max(1, Math.ceil(list.total / PLANS_PER_PAGE));
      // One municipality's installation shows its plans as ever; a host of several links its directory.
      const directory = (await publishingMunicipalityCount(db)) > 1;
      return pageHtml(c, {
        title: pages > 1 ? m.pageTitle([m.planPages.of(page, pages), m.planListTitle]) : m.planListTitle,
        children: <PlanList lang={c.var.lang} query={query} list={list} page={page} directory={directory} />,
      });
    }),
  );

  /** Each published year's latest edition, in the reader's language: the trend's and a KPI's years. */
  const yearsInLanguage = async (slug: string, lang: Lang): Promise<EditionReport[]> => {
    const editions = await publishedEditions(db, slug, t(lang).notFound);
    const years = await latestOfEachYear(db, editions, cache);
    return years.map((y) => ({ ...y, evaluation: localizeEvaluation(y.evaluation, lang) }));
  };

  const overview = async (c: Context<AppEnv>, address: ReportAddress): Promise<Fresh | Response> => {
    const lang = c.var.lang;
    const report = await publishedReport(db, address, t(lang).notFound, cache).catch(
      async (error: unknown) => {
        const withdrawn = await withdrawnAt(db, address);
        if (withdrawn) return withdrawn;
        throw error;
      },
    );
    if (!('evaluation' in report)) {
      // 410 Gone: the report was there and was taken down on purpose, which the page says.
      return renderPage(
        c,
        {
          title: t(lang).pageTitle([t(lang).withdrawnEdition.title, t(lang).yearLong(report.fiscalYear)]),
          children: <WithdrawnNotice lang={lang} edition={report} />,
        },
        410,
      );
    }
    const local = inLanguage(report, lang);
    const years = await yearsInLanguage(address.plan, lang);
    const note = untranslatedNote(local.evaluation);
    return pageHtml(c, {
      title: t(lang).pageTitle([t(lang).yearStatusTitle(local.evaluation.year), local.evaluation.plan.title]),
      context: local.evaluation.plan.title,
      children: (
        <>
          {note ? <p class="translation-note">{note}</p> : null}
          <PlanOverview lang={lang} report={local} years={years} />
        </>
      ),
    });
  };

  // The plan's own address shows its latest published year.
  app.get('/plans/:plan', (c) =>
    cachedAnswer(c, cache, c.req.param('plan'), async () => {
      const plan = c.req.param('plan');
      const published = await publishedPlan(db, plan, t(c.var.lang).notFound);
      const latest = published.years[0];
      return overview(c, { plan, year: latest ? formatFiscalYear(latest.year) : '', edition: undefined });
    }),
  );

  // Before /plans/:plan/:year, which would take `compare` for a year.
  app.get('/plans/:plan/compare', (c) =>
    cachedAnswer(c, cache, c.req.param('plan'), () => compareAnswer(c, db, cache)),
  );

  app.get('/plans/:plan/:year', (c) =>
    cachedAnswer(c, cache, c.req.param('plan'), () => overview(c, reportAddress(c))),
  );

  const goalPage = async (c: Context<AppEnv>): Promise<Fresh> => {
    const lang = c.var.lang;
    const m = t(lang);
    const report = inLanguage(await publishedReport(db, reportAddress(c), m.notFound, cache), lang);
    const id = c.req.param('goal') ?? '';
    const goal = report.evaluation.goals.find((g) => g.id === id);
    if (!goal) throw new ShinchokuError('not-found', m.notFound.goal(id), m.notFound.hint);
    const label = messagesFor(lang).goalLabel(goal.kind, goal.number);
    return pageHtml(c, {
      title: m.pageTitle([m.goalName(label, goal.title), m.yearLong(report.evaluation.year)]),
      context: report.evaluation.plan.title,
      children: <GoalPage lang={lang} report={report} goal={goal} />,
    });
  };
  app.get('/plans/:plan/:year/goals/:goal', (c) =>
    cachedAnswer(c, cache, c.req.param('plan') ?? '', () => goalPage(c)),
  );

  const kpiPage = async (c: Context<AppEnv>): Promise<Fresh> => {
    const lang = c.var.lang;
    const m = t(lang);
    const report = inLanguage(await publishedReport(db, reportAddress(c), m.notFound, cache), lang);
    const id = c.req.param('kpi') ?? '';
    const kpi = report.evaluation.kpis.find((k) => k.id === id);
    if (!kpi) throw new ShinchokuError('not-found', m.notFound.kpi(id), m.notFound.hint);
    const years = await yearsInLanguage(report.published.plan.slug, lang);
    return pageHtml(c, {
      title: m.pageTitle([kpi.name, m.yearLong(report.evaluation.year)]),
      context: report.evaluation.plan.title,
      children: <KpiPage lang={lang} report={report} kpi={kpi} years={years} />,
    });
  };
  app.get('/plans/:plan/:year/kpis/:kpi', (c) =>
    cachedAnswer(c, cache, c.req.param('plan') ?? '', () => kpiPage(c)),
  );

  return app;
}
