import { Hono, type Context } from 'hono';
import type { BulkReport } from '../../../collect/bundle/import.ts';
import type { BulkJob } from '../../../store/bulk-jobs.ts';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { bulkImportJob } from '../../commands/bulk-import.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { BulkReportView } from './components/bulk-report.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

/** A running job's page reloads itself this often; a finished one stays still. */
const REFRESH_SECONDS = 2;

function jobPage(c: Context<AppEnv>, job: BulkJob, stopped: boolean) {
  const lang = c.get('lang');
  const m = t(lang).staffBulkImport;
  const running = job.state === 'running';
  return staffPage(c, {
    title: m.jobTitle,
    refreshSeconds: running && !stopped ? REFRESH_SECONDS : null,
    children: (
      <>
        <h1>{m.jobTitle}</h1>
        <p>{m.fileLine(job.fileName)}</p>
        <div class="field bulk-progress">
          <label for="bulk-progress">{m.progressLabel}</label>
          <progress id="bulk-progress" max={job.total} value={job.done}>
            {m.progressText(job.done, job.total)}
          </progress>
          <p>{m.progressText(job.done, job.total)}</p>
        </div>
        {running && !stopped ? (
          <p class="help">
            {m.refreshNote} <a href={`${staffPaths.bulkJob(job.id)}?refresh=off`}>{m.stopRefresh}</a>
          </p>
        ) : null}
        {running && stopped ? (
          <p class="help">
            {m.refreshStopped} <a href={staffPaths.bulkJob(job.id)}>{m.resumeRefresh}</a>
          </p>
        ) : null}
        {job.state === 'failed' ? (
          <div class="notice" role="alert">
            <p>{m.interrupted}</p>
          </div>
        ) : null}
        {job.state === 'done' && job.report ? (
          <BulkReportView lang={lang} report={job.report as BulkReport} />
        ) : null}
        <p>
          <a href={staffPaths.importPlan}>{m.backLink}</a>
        </p>
      </>
    ),
  });
}

/** The page of one bulk import job: its progress while it runs, then its report. The office only. */
export function bulkImportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/import/bulk/:id', requireRole('admin'), async (c) => {
    const id = c.req.param('id');
    if (!/^[1-9][0-9]{0,8}$/.test(id)) return c.notFound();
    const job = await bulkImportJob(deps.store, signedIn(c).user, Number(id));
    if (!job) return c.notFound();
    // WCAG 2.2.1: whoever the reloading disturbs (a screen reader starts the page again) can turn it off.
    return jobPage(c, job, c.req.query('refresh') === 'off');
  });
  return app;
}
