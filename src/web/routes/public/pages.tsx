import { Hono, type Context } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { messagesFor, type Lang } from '../../../render/messages.ts';
import { localizeEvaluation, untranslatedNote } from '../../../render/plan-text.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { renderPage } from '../../layout.tsx';
import {
  publishedPlan,
  publishedPlans,
  publishedReport,
  withdrawnAt,
  type PublishedReport,
  type ReportAddress,
} from '../../queries/published.ts';
import { GoalPage } from './goal-page.tsx';
import { KpiPage } from './kpi-page.tsx';
import { PlanList } from './plan-list.tsx';
import { PlanOverview } from './plan-overview.tsx';
import { WithdrawnNotice } from './withdrawn.tsx';

/** The plan, year and edition a public URL names: /plans/:plan/:year?edition=N. */
export function reportAddress(c: Context<AppEnv>): ReportAddress {
  return {
    plan: c.req.param('plan') ?? '',
    year: c.req.param('year') ?? '',
    edition: c.req.query('edition'),
  };
}

/** The report with the plan's texts in the reader's language (the plan's English, or marked Japanese). */
function inLanguage(report: PublishedReport, lang: Lang): PublishedReport {
  return { ...report, evaluation: localizeEvaluation(report.evaluation, lang) };
}

/** The public pages: no login, published editions only. */
export function publicPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = deps.store.db;

  app.get('/', async (c) => {
    const lang = c.var.lang;
    const plans = await publishedPlans(db);
    return renderPage(c, { title: t(lang).planListTitle, children: <PlanList lang={lang} plans={plans} /> });
  });

  const overview = async (c: Context<AppEnv>, address: ReportAddress) => {
    const lang = c.var.lang;
    const report = await publishedReport(db, address, t(lang).notFound).catch(async (error: unknown) => {
      const withdrawn = await withdrawnAt(db, address);
      if (withdrawn) return withdrawn;
      throw error;
    });
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
    const note = untranslatedNote(local.evaluation);
    return renderPage(c, {
      title: t(lang).pageTitle([t(lang).yearStatusTitle(local.evaluation.year), local.evaluation.plan.title]),
      context: local.evaluation.plan.title,
      children: (
        <>
          {note ? <p class="translation-note">{note}</p> : null}
          <PlanOverview lang={lang} report={local} />
        </>
      ),
    });
  };

  // The plan's own address shows its latest published year.
  app.get('/plans/:plan', async (c) => {
    const plan = c.req.param('plan');
    const published = await publishedPlan(db, plan, t(c.var.lang).notFound);
    const latest = published.years[0];
    return overview(c, { plan, year: latest ? formatFiscalYear(latest.year) : '', edition: undefined });
  });

  app.get('/plans/:plan/:year', (c) => overview(c, reportAddress(c)));

  app.get('/plans/:plan/:year/goals/:goal', async (c) => {
    const lang = c.var.lang;
    const m = t(lang);
    const report = inLanguage(await publishedReport(db, reportAddress(c), m.notFound), lang);
    const id = c.req.param('goal');
    const goal = report.evaluation.goals.find((g) => g.id === id);
    if (!goal) throw new ShinchokuError('not-found', m.notFound.goal(id), m.notFound.hint);
    const label = messagesFor(lang).goalLabel(goal.kind, goal.number);
    return renderPage(c, {
      title: m.pageTitle([m.goalName(label, goal.title), m.yearLong(report.evaluation.year)]),
      context: report.evaluation.plan.title,
      children: <GoalPage lang={lang} report={report} goal={goal} />,
    });
  });

  app.get('/plans/:plan/:year/kpis/:kpi', async (c) => {
    const lang = c.var.lang;
    const m = t(lang);
    const report = inLanguage(await publishedReport(db, reportAddress(c), m.notFound), lang);
    const id = c.req.param('kpi');
    const kpi = report.evaluation.kpis.find((k) => k.id === id);
    if (!kpi) throw new ShinchokuError('not-found', m.notFound.kpi(id), m.notFound.hint);
    return renderPage(c, {
      title: m.pageTitle([kpi.name, m.yearLong(report.evaluation.year)]),
      context: report.evaluation.plan.title,
      children: <KpiPage lang={lang} report={report} kpi={kpi} />,
    });
  });

  return app;
}
