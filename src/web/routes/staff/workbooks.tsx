import { Hono, type Context } from 'hono';
import { formatFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { attachment, departmentWorkbooks, workbooksZip } from '../../commands/workbooks.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { staffPage } from './page.tsx';
import { staffPaths, yearParam } from './paths.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The departments' workbooks made on the web, as `shinchoku collect make` makes them: a page listing
 * one per department, each downloadable, and all of them in one zip.
 */
export function workbookRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const PATH = '/plans/:plan/:year/workbooks';

  const at = (c: Context<AppEnv>): { plan: string; year: FiscalYear } | null => {
    const year = yearParam(c.req.param('year'));
    const plan = keyParam(c.req.param('plan'));
    return year === null || plan === null ? null : { plan, year };
  };

  app.get(PATH, requireRole('admin'), async (c) => {
    const where = at(c);
    if (!where) return c.notFound();
    const lang = c.get('lang');
    const m = t(lang);
    const w = m.staffWorkbooks;
    const made = await departmentWorkbooks(deps.store, signedIn(c).user, where.plan, where.year);
    const years: FiscalYear[] = [];
    for (let y = made.plan.periodFrom; y <= made.plan.periodTo; y++) years.push(y);
    const title = w.title(where.year);
    return staffPage(c, {
      title,
      context: made.plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(where.plan, where.year), label: m.staffWorklist.title(where.year) },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <p class="lead">{w.intro}</p>
          <form method="get" action={staffPaths.workbooksOf(where.plan)} class="year-select">
            <label for="year">{w.yearLabel}</label>
            <select id="year" name="year">
              {years.map((y) => (
                <option value={formatFiscalYear(y)} selected={y === where.year}>
                  {m.staff.year(y)}
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="secondary">
              {w.showButton}
            </button>
          </form>
          {made.workbooks.length === 0 ? (
            <p>{w.empty}</p>
          ) : (
            <>
              <p>
                <a href={staffPaths.workbookFile(where.plan, where.year, 'all.zip')} download>
                  {w.all(made.workbooks.length)}
                </a>
              </p>
              <div class="table-scroll">
                <table>
                  <caption>{w.caption(where.year)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{w.columns.department}</th>
                      <th scope="col">{w.columns.kpis}</th>
                      <th scope="col">{w.columns.rows}</th>
                      <th scope="col">{w.columns.file}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {made.workbooks.map((workbook, i) => (
                      <tr>
                        <th scope="row">{workbook.department}</th>
                        <td class="number">{workbook.kpis}</td>
                        <td class="number">{workbook.rows}</td>
                        <td>
                          <a href={staffPaths.workbookFile(where.plan, where.year, `${i + 1}.xlsx`)} download>
                            {w.download(workbook.fileName)}
                          </a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      ),
    });
  });

  /** The year chosen on the page's selector, as an address. */
  app.get('/plans/:plan/workbooks', requireRole('admin'), (c) => {
    const plan = keyParam(c.req.param('plan'));
    const year = yearParam(c.req.query('year'));
    if (plan === null || year === null) return c.notFound();
    return c.redirect(staffPaths.workbooks(plan, year), 303);
  });

  app.get(`${PATH}/:file`, requireRole('admin'), async (c) => {
    const where = at(c);
    const file = c.req.param('file');
    const one = /^([1-9][0-9]{0,5})\.xlsx$/.exec(file);
    if (!where || (file !== 'all.zip' && !one)) return c.notFound();
    const made = await departmentWorkbooks(deps.store, signedIn(c).user, where.plan, where.year);
    const year = formatFiscalYear(where.year);
    c.header('Cache-Control', 'no-store');
    if (file === 'all.zip') {
      if (made.workbooks.length === 0) return c.notFound();
      c.header('Content-Type', 'application/zip');
      c.header(
        'Content-Disposition',
        attachment(t(c.get('lang')).staffWorkbooks.zipName(where.year), `${year}_workbooks.zip`),
      );
      return c.body(new Uint8Array(await workbooksZip(made.workbooks)));
    }
    const workbook = made.workbooks[Number(one?.[1]) - 1];
    if (!workbook) return c.notFound();
    c.header('Content-Type', XLSX);
    c.header('Content-Disposition', attachment(workbook.fileName, `${year}_${one?.[1]}.xlsx`));
    return c.body(new Uint8Array(await workbook.make()));
  });

  return app;
}
