import { Hono, type Context } from 'hono';
import { formatFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { listPlans } from '../../../store/plan-repository.ts';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { municipalityOf } from '../../commands/access.ts';
import { DEFAULT_BOARD_QUERY, readBoardQuery, type BoardParam } from '../../commands/board-query.ts';
import {
  choicesOf,
  filterAndSort,
  staffBoardRows,
  type Board,
  type BoardRow,
} from '../../commands/kpi-board.ts';
import { collectionYear } from '../../../store/collection-year.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { BoardFilters, KpiBoard } from '../../components/kpi-board.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { boardCsv, csvDisposition } from '../../presenters/board-csv.ts';
import { staffPage } from './page.tsx';
import { staffPaths, yearParam } from './paths.ts';

/** The board's rows for the request, or the refused parameter; null for a year that is no year. */
async function boardFor(c: Context<AppEnv>, deps: AppDeps, year: FiscalYear) {
  const found = await staffBoardRows(deps.store.db, signedIn(c).user, c.req.param('plan') ?? '', year);
  const choices = choicesOf(found.rows, found.evaluation, true);
  const read = readBoardQuery((name: BoardParam) => c.req.query(name), choices);
  const board = (rows: Board['rows']): Board => ({
    evaluation: found.evaluation,
    rows,
    total: found.rows.length,
    choices,
  });
  return { found, read, board };
}

/** 数値目標一覧 for the office and the committee: every KPI of a plan's year, from the current figures. */
export function boardRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const OFFICE = ['admin', 'committee'] as const;

  app.get('/board', requireRole(...OFFICE), async (c) => {
    const m = t(c.get('lang'));
    const plans = await listPlans(deps.store.db, municipalityOf(signedIn(c).user));
    const [only] = plans;
    if (plans.length === 1 && only) {
      return c.redirect(staffPaths.board(only.slug, await collectionYear(deps.store.db, only.slug)), 303);
    }
    return staffPage(c, {
      title: m.board.nav,
      children: (
        <>
          <h1>{m.board.nav}</h1>
          <p>{plans.length === 0 ? m.staffWorklist.noPlans : m.board.choosePlan}</p>
          <ul class="plain-list">
            {await Promise.all(
              plans.map(async (plan) => (
                <li>
                  <a href={staffPaths.board(plan.slug, await collectionYear(deps.store.db, plan.slug))}>
                    {plan.title}
                  </a>
                </li>
              )),
            )}
          </ul>
        </>
      ),
    });
  });

  app.get('/plans/:plan/:year/board', requireRole(...OFFICE), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const year = yearParam(c.req.param('year'));
    if (year === null) return c.notFound();
    const { found, read, board } = await boardFor(c, deps, year);
    const title = m.board.title(year);
    const links = {
      self: staffPaths.board(found.plan.slug, year),
      csv: staffPaths.boardCsv(found.plan.slug, year),
      kpi: (row: BoardRow) => staffPaths.kpi(found.plan.slug, year, row.kpi.id),
    };
    const plan = found.plan;
    const years = Array.from({ length: plan.periodTo - plan.periodFrom + 1 }, (_, i) => plan.periodFrom + i);
    return staffPage(
      c,
      {
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
            <p class="lead">{m.board.staffIntro}</p>
            {read.ok ? (
              <KpiBoard
                lang={lang}
                board={board(filterAndSort(found.rows, found.evaluation, read.query))}
                query={read.query}
                internal
                links={links}
              />
            ) : (
              <>
                <div class="notice error-summary" role="alert">
                  <p>{m.board.problem(m.board.labels[read.problem.param], read.problem.kind)}</p>
                </div>
                <BoardFilters
                  lang={lang}
                  board={board([])}
                  query={DEFAULT_BOARD_QUERY}
                  internal
                  links={links}
                />
              </>
            )}
            <nav class="board-years" aria-label={m.board.otherYears}>
              <h2>{m.board.otherYears}</h2>
              <ul class="plain-list">
                {years.map((y) => (
                  <li>
                    {y === year ? (
                      <span aria-current="page">{m.board.yearLink(y)}</span>
                    ) : (
                      <a href={staffPaths.board(plan.slug, y)}>{m.board.yearLink(y)}</a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </>
        ),
      },
      read.ok ? 200 : 400,
    );
  });

  app.get('/plans/:plan/:year/board.csv', requireRole(...OFFICE), async (c) => {
    const lang = c.get('lang');
    const m = t(lang);
    const year = yearParam(c.req.param('year'));
    if (year === null) return c.notFound();
    const { found, read, board } = await boardFor(c, deps, year);
    if (!read.ok) {
      c.header('Cache-Control', 'no-store');
      return c.text(m.board.problem(m.board.labels[read.problem.param], read.problem.kind), 400);
    }
    const csv = boardCsv(board(filterAndSort(found.rows, found.evaluation, read.query)), lang, true);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': csvDisposition(m.board.csvFile(year), `kpis-${formatFiscalYear(year)}.csv`),
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
