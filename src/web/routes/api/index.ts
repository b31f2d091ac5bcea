import { Hono } from 'hono';
import { messagesFor } from '../../../render/messages.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { sendJson } from '../../json-response.ts';
import { openApiDocument } from '../../openapi.ts';
import { publishedPlanJson, publishedReportJson } from '../../presenters/published-json.ts';
import { publishedPlan, publishedPlans, publishedReport } from '../../queries/published.ts';
import { reportAddress } from '../public/pages.tsx';
import { apiEntryRoutes } from './entry.ts';

/** The same published data as the pages, as JSON; described at /api/openapi.json. */
export function apiRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = deps.store.db;

  app.get('/openapi.json', (c) => sendJson(c, openApiDocument()));
  app.route('/', apiEntryRoutes(deps));

  app.get('/plans', async (c) => sendJson(c, { plans: (await publishedPlans(db)).map(publishedPlanJson) }));

  app.get('/plans/:plan', async (c) =>
    sendJson(c, publishedPlanJson(await publishedPlan(db, c.req.param('plan'), t(c.var.lang).notFound))),
  );

  app.get('/plans/:plan/:year', async (c) => {
    const report = await publishedReport(db, reportAddress(c), t(c.var.lang).notFound);
    return sendJson(c, publishedReportJson(report, messagesFor(c.var.lang)));
  });

  return app;
}
