import { Hono } from 'hono';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import type { GoalKind } from '../../../core/plan.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { listPlans } from '../../../store/plan-repository.ts';
import { ROLES } from '../../../store/users.ts';
import { municipalityOf } from '../../commands/access.ts';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { progressOf, type Progress, type ProgressRow } from '../../commands/progress.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { statusClass } from '../../components/report-tables.tsx';
import { IdSource } from '../../../render/html/ids.ts';
import { ProgressFigures } from './kpi-results.tsx';
import { staffPage } from './page.tsx';
import { staffPaths, yearParam } from './paths.ts';
import { isPastDeadline, type CalendarDate } from '../../../core/calendar-date.ts';
import { deadlineOf } from '../../../store/deadlines.ts';
import { pendingByDepartment, type DeadlineStatus } from '../../commands/deadlines.ts';
import { DeadlineSummary, OverdueBadge } from './components/overdue.tsx';

function ProgressTable(props: {
  lang: Lang;
  progress: Progress;
  rows: readonly ProgressRow[];
  caption: string;
  /** KPIs not submitted after the deadline, marked 期限超過 beside their name. */
  overdue?: ReadonlySet<string>;
}) {
  const m = t(props.lang).staffWorklist;
  const results = t(props.lang).staffResults;
  const { plan, year } = props.progress;
  const ids = new IdSource();
  if (props.rows.length === 0) return <p>{m.nothingHere}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.kpi}</th>
            <th scope="col">{m.columns.figures}</th>
            <th scope="col">{m.columns.assessment}</th>
            <th scope="col">{results.columns.progress}</th>
            <th scope="col">{results.columns.status}</th>
            <th scope="col">{m.columns.review}</th>
            <th scope="col">{m.columns.goal}</th>
            <th scope="col">{m.columns.department}</th>
            <th scope="col">{m.columns.comments}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ sheet, missing, comments, result }) => (
            <tr>
              <th scope="row">
                <a href={staffPaths.kpi(plan.slug, year, sheet.key)}>{sheet.name}</a>
                {props.overdue?.has(sheet.key) ? <OverdueBadge lang={props.lang} /> : null}
              </th>
              <td>{missing.figures > 0 ? m.figuresMissing(missing.figures) : m.entered}</td>
              <td>{missing.assessment ? m.missing : m.entered}</td>
              <td class="number">
                {result ? <ProgressFigures kpi={result} ids={ids} lang={props.lang} /> : null}
              </td>
              <td class={statusClass(result?.status)}>
                {result ? messagesFor(props.lang).status(result.status) : null}
              </td>
              <td>{m.reviewStates[sheet.review?.state ?? 'none']}</td>
              <td>{messagesFor(props.lang).goalLabel(sheet.goal.kind as GoalKind, sheet.goal.number)}</td>
              <td>{sheet.departmentName ?? m.noDepartment}</td>
              <td class="number">{comments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function YearSelector(props: { lang: Lang; progress: Progress }) {
  const m = t(props.lang);
  return (
    <form method="get" action={staffPaths.overview(props.progress.plan.slug)} class="year-select">
      <label for="year">{m.staffWorklist.yearLabel}</label>
      <select id="year" name="year">
        {props.progress.years.map((year) => (
          <option value={formatFiscalYear(year)} selected={year === props.progress.year}>
            {m.staff.year(year)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="secondary">
        {m.staffWorklist.showButton}
      </button>
    </form>
  );
}

/**
 * The year's deadline over the rows this user sees (a department its own KPIs only), so the summary and the
 * 期限超過 marks never count what the reader cannot open.
 */
function overviewDeadline(deadline: CalendarDate | null, progress: Progress, now: Date): DeadlineStatus {
  const pending = pendingByDepartment(progress.open.map((r) => r.sheet));
  const late = deadline !== null && isPastDeadline(deadline, now) && pending.length > 0;
  return {
    deadline,
    overdue: late,
    pending,
    pendingKeys: late ? new Set(progress.open.map((r) => r.sheet.key)) : new Set(),
  };
}

/** The staff home (the plans) and each plan's progress for a year: the department's to-do list. */
export function overviewRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', requireRole(...ROLES), async (c) => {
    const m = t(c.get('lang'));
    const plans = await listPlans(deps.store.db, municipalityOf(signedIn(c).user));
    return staffPage(c, {
      title: m.staff.title,
      children: (
        <>
          <h1>{m.staff.title}</h1>
          <h2>{m.staffWorklist.plansHeading}</h2>
          {plans.length === 0 ? (
            <p>{m.staffWorklist.noPlans}</p>
          ) : (
            <ul class="plain-list">
              {plans.map((plan) => (
                <li>
                  <a href={staffPaths.overview(plan.slug)}>{plan.title}</a>
                  {m.staffWorklist.planMeta(plan.municipality, m.period(plan.periodFrom, plan.periodTo))}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  });

  app.get('/plans/:plan', requireRole(...ROLES), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const user = signedIn(c).user;
    const asked = c.req.query('year');
    const year = yearParam(asked);
    if (asked && year === null) return c.notFound();
    const progress = await progressOf(deps.store.db, user, c.req.param('plan'), year);
    const title = m.staffWorklist.title(progress.year);
    const shown = overviewDeadline(
      await deadlineOf(deps.store.db, progress.plan.slug, progress.year),
      progress,
      deps.clock.now(),
    );
    return staffPage(c, {
      title,
      context: progress.plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[{ href: staffPaths.home, label: m.staff.title }]}
            current={title}
          />
          <h1>{title}</h1>
          {user.role === 'department' ? <p class="lead">{m.staffWorklist.intro}</p> : null}
          <YearSelector lang={lang} progress={progress} />
          {user.role === 'admin' || user.role === 'committee' ? (
            <p>
              <a href={staffPaths.board(progress.plan.slug, progress.year)}>{m.board.link}</a>
            </p>
          ) : null}
          {user.role === 'admin' || user.role === 'department' ? (
            <p>
              <a href={staffPaths.grid(progress.plan.slug, progress.year)}>
                {m.staffGrid.link(progress.year)}
              </a>
            </p>
          ) : null}
          <DeadlineSummary
            lang={lang}
            status={shown}
            deadlinesHref={user.role === 'admin' ? staffPaths.deadlines(progress.plan.slug) : null}
          />
          {user.role === 'department' && progress.open.length + progress.closed.length === 0 ? (
            <p>{m.staffWorklist.noKpis}</p>
          ) : (
            <>
              <h2>{m.staffWorklist.worklistHeading}</h2>
              {progress.open.length === 0 ? (
                <p>{m.staffWorklist.allDone}</p>
              ) : (
                <ProgressTable
                  lang={lang}
                  progress={progress}
                  rows={progress.open}
                  caption={m.staffWorklist.worklistHeading}
                  overdue={shown.pendingKeys}
                />
              )}
              <h2>{m.staffWorklist.otherHeading}</h2>
              <ProgressTable
                lang={lang}
                progress={progress}
                rows={progress.closed}
                caption={m.staffWorklist.otherHeading}
              />
            </>
          )}
          {user.role === 'admin' ? (
            <>
              <h2>{m.staffWorklist.adminHeading}</h2>
              <ul class="plain-list">
                <li>
                  <a href={staffPaths.reviewQueue(progress.plan.slug, progress.year)}>
                    {m.staffQueue.link(progress.waiting)}
                  </a>
                </li>
                <li>
                  <a href={staffPaths.draft(progress.plan.slug, progress.year)}>{m.staffDraft.link}</a>
                </li>
                <li>
                  <a href={staffPaths.assignDepartments(progress.plan.slug)}>{m.staffAssign.link}</a>
                </li>
                <li>
                  <a href={staffPaths.workbooks(progress.plan.slug, progress.year)}>
                    {m.staffWorkbooks.link(progress.year)}
                  </a>
                </li>
                <li>
                  <a href={staffPaths.deadlines(progress.plan.slug)}>{m.staffMail.deadlineLink}</a>
                </li>
                <li>
                  <a href={staffPaths.publish(progress.plan.slug)}>{m.staffWorklist.publishLink}</a>
                </li>
                <li>
                  <a href={staffPaths.audit(progress.plan.slug)}>{m.staffWorklist.auditLink}</a>
                </li>
              </ul>
            </>
          ) : null}
        </>
      ),
    });
  });

  return app;
}
