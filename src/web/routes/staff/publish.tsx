import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { collectionYear } from '../../../store/collection-year.ts';
import { listEditions } from '../../../store/editions.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { approvalsOf, publishYear } from '../../commands/publish.ts';
import { planSummary } from '../../commands/sheets.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { SelectField, TextArea } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

const formText = (value: unknown): string => (typeof value === 'string' ? value : '');

async function publishPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  form: { year: string | null; errata: string; problems: Problems },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const p = m.staffPublish;
  const plan = await planSummary(deps.store.db, c.req.param('plan') ?? '');
  const editions = await listEditions(deps.store.db, plan.slug);
  const year = form.year ?? formatFiscalYear(await collectionYear(deps.store.db, plan.slug));
  const years = Array.from({ length: plan.periodTo - plan.periodFrom + 1 }, (_, i) => plan.periodFrom + i);
  const shownYear = years.find((y) => formatFiscalYear(y) === year) ?? plan.periodFrom;
  const approvals = await approvalsOf(deps.store.db, plan.slug, shownYear);
  return staffPage(
    c,
    {
      title: p.title,
      context: plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(plan.slug), label: plan.title },
            ]}
            current={p.title}
          />
          <h1>{p.title}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary lang={lang} problems={form.problems} labels={{ year: p.year, errata: p.errata }} />
          <p>{p.intro}</p>
          <h2>{p.editionsHeading}</h2>
          {editions.length === 0 ? (
            <p>{p.noEditions}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{p.editionsHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{p.columns.year}</th>
                    <th scope="col">{p.columns.edition}</th>
                    <th scope="col">{p.columns.at}</th>
                    <th scope="col">{p.columns.errata}</th>
                  </tr>
                </thead>
                <tbody>
                  {editions.map((e) => (
                    <tr>
                      <th scope="row">{m.staff.year(e.fiscalYear)}</th>
                      <td>{p.edition(e.number)}</td>
                      <td>{m.staff.time(e.publishedAt)}</td>
                      <td class="assessment-text">{e.errata ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{p.publishButton}</h2>
          <p>{p.approvals(approvals.approved, approvals.total)}</p>
          {approvals.approved < approvals.total ? <p class="notice">{p.notAllApproved}</p> : null}
          <form method="post" action={staffPaths.publish(plan.slug)}>
            <CsrfField token={signedIn(c).csrfToken} />
            <SelectField
              lang={lang}
              id="year"
              label={p.year}
              value={year}
              options={years.map((y) => ({ value: formatFiscalYear(y), label: m.staff.year(y) }))}
              problem={form.problems.year}
            />
            <TextArea
              lang={lang}
              id="errata"
              label={p.errata}
              help={p.errataHelp}
              value={form.errata}
              rows={4}
              problem={form.problems.errata}
            />
            <button type="submit">{p.publishButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** Publishing a year's edition: the office only; a published edition is never edited, only succeeded. */
export function publishRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/plans/:plan/publish', requireRole('admin'), (c) =>
    publishPage(c, deps, { year: c.req.query('year') ?? null, errata: '', problems: {} }),
  );
  app.post('/plans/:plan/publish', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody();
    const form = { year: formText(body.year), errata: formText(body.errata) };
    const outcome = await publishYear(deps.store, signedIn(c).user, c.req.param('plan'), form);
    if (outcome.ok) return c.redirect(staffPaths.publish(c.req.param('plan'), 'published'), 303);
    return publishPage(c, deps, { ...form, problems: outcome.problems }, 422);
  });
  return app;
}
