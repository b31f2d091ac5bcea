import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FiscalYear } from '../../../core/fiscal-year.ts';
import { formatEntry } from '../../../core/format.ts';
import { IdSource } from '../../../render/html/ids.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { reviewQueue, type BatchResult, type ReviewQueue } from '../../commands/review.ts';
import { approveSeveralAndTell } from '../../commands/review-notices.ts';
import { deadlineStatus } from '../../commands/deadlines.ts';
import { DeadlineSummary } from './components/overdue.tsx';
import { Notice } from './components/problem.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { statusClass } from '../../components/report-tables.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { ProgressFigures } from './kpi-results.tsx';
import { staffPage } from './page.tsx';
import { staffPaths, yearParam } from './paths.ts';

/** What became of each KPI the reviewer ticked: approved, or left as it was and why. */
function Outcomes(props: { lang: Lang; plan: string; year: FiscalYear; reported: readonly BatchResult[] }) {
  const q = t(props.lang).staffQueue;
  if (props.reported.length === 0) return null;
  const failed = props.reported.some((r) => r.outcome !== 'approved');
  return (
    <div class={failed ? 'notice error-summary' : 'notice'} role={failed ? 'alert' : 'status'}>
      <p class="notice-label">{q.resultsHeading}</p>
      <ul>
        {props.reported.map((r) => (
          <li>
            {r.name === null ? null : (
              <>
                <a href={staffPaths.kpi(props.plan, props.year, r.kpi)}>{r.name}</a>
                {t(props.lang).labelled('')}
              </>
            )}
            {q.outcomes[r.outcome]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function QueueTable(props: { lang: Lang; queue: ReviewQueue; csrf: string }) {
  const m = t(props.lang);
  const q = m.staffQueue;
  const r = messagesFor(props.lang);
  const { plan, year, items } = props.queue;
  const ids = new IdSource();
  return (
    <form method="post" action={staffPaths.reviewQueue(plan.slug, year)}>
      <CsrfField token={props.csrf} />
      <div class="table-scroll">
        <table>
          <caption>{q.caption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{q.columns.select}</th>
              <th scope="col">{q.columns.kpi}</th>
              <th scope="col">{q.columns.actual}</th>
              <th scope="col">{q.columns.progress}</th>
              <th scope="col">{q.columns.status}</th>
              <th scope="col">{q.columns.department}</th>
              <th scope="col">{q.columns.submittedAt}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ sheet, submittedAt, result }) => {
              const box = `approve-${sheet.key}`;
              return (
                <tr>
                  <td>
                    <input type="checkbox" id={box} name="kpi" value={sheet.key} />
                    <label for={box}>
                      <span class="visually-hidden">{q.select(sheet.name)}</span>
                    </label>
                  </td>
                  <th scope="row">
                    <a href={staffPaths.kpi(plan.slug, year, sheet.key)}>{sheet.name}</a>
                  </th>
                  <td class="number">
                    {sheet.series.map((s) => (
                      <span class="line">
                        {m.staff.withSeriesLabel(
                          s.label,
                          s.observation ? formatEntry(s.observation.entry, s.unit) : m.staffEntry.notEntered,
                        )}
                      </span>
                    ))}
                  </td>
                  <td class="number">
                    {result ? <ProgressFigures kpi={result} ids={ids} lang={props.lang} /> : null}
                  </td>
                  <td class={statusClass(result?.status)}>{result ? r.status(result.status) : null}</td>
                  <td>{sheet.departmentName ?? m.staffWorklist.noDepartment}</td>
                  <td>{m.staff.time(submittedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit">{q.approveButton}</button>
    </form>
  );
}

async function queuePage(
  c: Context<AppEnv>,
  deps: AppDeps,
  year: FiscalYear,
  reported: readonly BatchResult[],
  problem: string | null,
  status: ContentfulStatusCode = 200,
  mailFailed = false,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const q = m.staffQueue;
  const session = signedIn(c);
  const queue = await reviewQueue(deps.store.db, session.user, c.req.param('plan') ?? '', year);
  const deadline = await deadlineStatus(deps.store.db, queue.plan.slug, year, deps.clock.now());
  const title = q.title(year);
  return staffPage(
    c,
    {
      title,
      context: queue.plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(queue.plan.slug, year), label: m.staffWorklist.title(year) },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          {problem ? (
            <div class="notice error-summary" role="alert">
              <p>{problem}</p>
            </div>
          ) : null}
          <Outcomes lang={lang} plan={queue.plan.slug} year={year} reported={reported} />
          {mailFailed ? <Notice message={m.staffMail.mailFailedAfterAction} /> : null}
          <DeadlineSummary
            lang={lang}
            status={deadline}
            deadlinesHref={staffPaths.deadlines(queue.plan.slug)}
          />
          <p>{q.intro}</p>
          {queue.items.length === 0 ? (
            <p>{q.empty}</p>
          ) : (
            <QueueTable lang={lang} queue={queue} csrf={session.csrfToken} />
          )}
        </>
      ),
    },
    status,
  );
}

/** The office's queue of submitted KPIs for a plan and year, and approving several at once. */
export function reviewQueueRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const PATH = '/plans/:plan/:year/review-queue';

  app.get(PATH, requireRole('admin'), (c) => {
    const year = yearParam(c.req.param('year'));
    if (year === null) return c.notFound();
    return queuePage(c, deps, year, [], null);
  });

  app.post(PATH, requireRole('admin'), async (c) => {
    const year = yearParam(c.req.param('year'));
    if (year === null) return c.notFound();
    const plan = c.req.param('plan');
    const body = await c.req.parseBody({ all: true });
    const ticked = ([] as unknown[]).concat(body.kpi ?? []).filter((v): v is string => typeof v === 'string');
    if (ticked.length === 0)
      return queuePage(c, deps, year, [], t(c.get('lang')).staffQueue.noneSelected, 422);
    const notifier = { store: deps.store, mailer: deps.mailer ?? null };
    const told = await approveSeveralAndTell(notifier, signedIn(c).user, plan, year, ticked);
    const failed = told.value.some((o) => o.outcome !== 'approved');
    return queuePage(c, deps, year, told.value, null, failed ? 409 : 200, told.mail === 'failed');
  });

  return app;
}
