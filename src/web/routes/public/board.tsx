import { Hono, type Context } from 'hono';
import { editionCacheFor } from '../../../publish/cache-for-store.ts';
import { untranslatedNote } from '../../../render/plan-text.ts';
import { DEFAULT_BOARD_QUERY, readBoardQuery, type BoardParam } from '../../commands/board-query.ts';
import { boardRowsOf, choicesOf, filterAndSort, type Board } from '../../commands/kpi-board.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { EditionNotice } from '../../components/edition.tsx';
import { BoardFilters, KpiBoard, type BoardLinks } from '../../components/kpi-board.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import { renderPage } from '../../layout.tsx';
import { boardCsv, csvDisposition } from '../../presenters/board-csv.ts';
import { publishedReport, type PublishedReport } from '../../queries/published.ts';
import { yearAddress } from './address.ts';
import { cachedAnswer } from './http-cache.ts';
import { pageHtml } from './page-html.tsx';
import { inLanguage, reportAddress } from './pages.tsx';

/**
 * The public 数値目標一覧: every KPI of a published edition, from the edition's own Evaluation (the one the
 * cache keeps for its pages and downloads). No entry states and no points to check: those are internal.
 */
function boardOf(c: Context<AppEnv>, report: PublishedReport) {
  const evaluation = report.evaluation;
  const rows = boardRowsOf(evaluation, (kpi) => ({ department: kpi.department, entry: null }));
  const choices = choicesOf(rows, evaluation, false);
  const read = readBoardQuery((name: BoardParam) => c.req.query(name), choices);
  const board = (shown: Board['rows']): Board => ({ evaluation, rows: shown, total: rows.length, choices });
  return { rows, read, board };
}

export function publicBoardRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = deps.store.db;
  const cache = deps.editionCache ?? editionCacheFor(deps.store);

  app.get('/plans/:plan/:year/board', (c) =>
    cachedAnswer(c, cache, c.req.param('plan'), async () => {
      const lang = c.var.lang;
      const m = t(lang);
      const report = inLanguage(await publishedReport(db, reportAddress(c), m.notFound, cache), lang);
      const { rows, read, board } = boardOf(c, report);
      const at = yearAddress(report);
      const edition = report.pinned === null ? undefined : { edition: String(report.pinned) };
      const links: BoardLinks = {
        self: hrefs.boardPath(at),
        csv: hrefs.boardCsvPath(at),
        kpi: (row) => hrefs.kpi(at, row.kpi.id),
        ...(edition ? { keep: edition } : {}),
      };
      const evaluation = report.evaluation;
      const title = m.board.title(evaluation.year);
      const note = untranslatedNote(evaluation);
      const children = (
        <>
          {note ? <p class="translation-note">{note}</p> : null}
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: '/', label: m.navPlans },
              { href: hrefs.year(at), label: evaluation.plan.title },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <EditionNotice lang={lang} report={report} latestHref={hrefs.board({ ...at, edition: null })} />
          <p class="lead">{m.board.publicIntro}</p>
          {read.ok ? (
            <KpiBoard
              lang={lang}
              board={board(filterAndSort(rows, evaluation, read.query))}
              query={read.query}
              internal={false}
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
                internal={false}
                links={links}
              />
            </>
          )}
        </>
      );
      const props = {
        title: m.pageTitle([title, evaluation.plan.title]),
        context: evaluation.plan.title,
        children,
      };
      // A refused filter is answered, not kept: any number of bad addresses must not fill the cache.
      return read.ok ? pageHtml(c, props) : renderPage(c, props, 400);
    }),
  );

  app.get('/plans/:plan/:year/board.csv', (c) =>
    cachedAnswer(c, cache, c.req.param('plan'), async () => {
      const lang = c.var.lang;
      const m = t(lang);
      const report = inLanguage(await publishedReport(db, reportAddress(c), m.notFound, cache), lang);
      const { rows, read, board } = boardOf(c, report);
      if (!read.ok)
        return c.text(m.board.problem(m.board.labels[read.problem.param], read.problem.kind), 400);
      const year = report.evaluation.year;
      const csv = boardCsv(board(filterAndSort(rows, report.evaluation, read.query)), lang, false);
      return {
        body: csv,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': csvDisposition(m.board.csvFile(year), 'kpis.csv'),
        },
      };
    }),
  );

  return app;
}
