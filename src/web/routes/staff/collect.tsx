import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CollectReport } from '../../../collect/read/collect.ts';
import { figureText } from '../../../collect/read/changes.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { municipalityOf } from '../../commands/access.ts';
import { applyStashed, CollectStash, previewCollected, type Preview } from '../../commands/collect-upload.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import type { FiscalYear } from '../../../core/fiscal-year.ts';
import type { Lang } from '../../../core/language.ts';
import { collectionYear } from '../../../store/collection-year.ts';
import { listPlans } from '../../../store/plan-repository.ts';
import { t } from '../../i18n/index.ts';
import { Notice } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

type Words = ReturnType<typeof t>['staffCollect'];

function UploadForm(props: { words: Words; csrf: string }) {
  const w = props.words;
  return (
    <form method="post" action={staffPaths.collectPreview} enctype="multipart/form-data">
      <CsrfField token={props.csrf} />
      <div class="field">
        <label for="files">{w.files}</label>
        <p id="files-help" class="help">
          {w.filesHelp}
        </p>
        <input
          type="file"
          id="files"
          name="files"
          multiple
          accept=".xlsx"
          aria-describedby="files-help"
          required
        />
      </div>
      <button type="submit">{w.previewButton}</button>
    </form>
  );
}

function ProblemTable(props: { words: Words; report: CollectReport }) {
  const w = props.words;
  if (props.report.problems.length === 0) return null;
  return (
    <section aria-labelledby="collect-problems">
      <h2 id="collect-problems">{w.problemsHeading}</h2>
      <p>{w.problemsIntro}</p>
      <div class="table-scroll">
        <table>
          <caption>{w.problemsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{w.columns.file}</th>
              <th scope="col">{w.columns.place}</th>
              <th scope="col">{w.columns.severity}</th>
              <th scope="col">{w.columns.message}</th>
            </tr>
          </thead>
          <tbody>
            {props.report.problems.map((p) => (
              <tr>
                <td>{p.file}</td>
                <td>{p.sheet && p.cell ? `${p.sheet}!${p.cell}` : '—'}</td>
                <td>{w.severity[p.severity]}</td>
                <td>{w.problem(p.problem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ChangeTable(props: { words: Words; report: CollectReport; none: string }) {
  const w = props.words;
  const { report } = props;
  if (report.plan === null || report.year === null) return null;
  const { figures, assessments, unchanged } = report.changes;
  const heading = w.changesHeading(report.planTitle ?? report.plan, report.year);
  return (
    <section aria-labelledby="collect-changes">
      <h2 id="collect-changes">{heading}</h2>
      {figures.length + assessments.length === 0 ? (
        <p>{w.noChanges}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{w.columns.file}</th>
                <th scope="col">{w.columns.place}</th>
                <th scope="col">{w.columns.kpi}</th>
                <th scope="col">{w.columns.from}</th>
                <th scope="col">{w.columns.to}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((d) => {
                const series = d.kpi.series[d.series];
                const unit = series?.unit ?? d.kpi.unit;
                return (
                  <tr>
                    <td>{d.file}</td>
                    <td>{d.cell}</td>
                    <th scope="row">{series?.label ? `${d.kpi.name}（${series.label}）` : d.kpi.name}</th>
                    <td>{d.from ? figureText(d.from, unit) : props.none}</td>
                    <td>{figureText(d.to, unit)}</td>
                  </tr>
                );
              })}
              {assessments.map((d) => (
                <tr>
                  <td>{d.file}</td>
                  <td>{d.cell}</td>
                  <th scope="row">{`${d.kpi.name}（${w.assessment}）`}</th>
                  <td>{d.from?.text ?? props.none}</td>
                  <td>{d.to.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unchanged > 0 ? <p>{w.unchanged(unchanged)}</p> : null}
    </section>
  );
}

/** Where the workbooks are made: each plan's page for the year being collected. */
async function MakeSection(props: { lang: Lang; deps: AppDeps; municipalityId: number }) {
  const w = t(props.lang).staffWorkbooks;
  const plans = await listPlans(props.deps.store.db, props.municipalityId);
  if (plans.length === 0) return null;
  const years = await Promise.all(plans.map((p) => collectionYear(props.deps.store.db, p.slug)));
  return (
    <section aria-labelledby="collect-make">
      <h2 id="collect-make">{w.makeHeading}</h2>
      <p>{w.makeIntro}</p>
      <ul class="plain-list">
        {plans.map((plan, i) => (
          <li>
            <a href={staffPaths.workbooks(plan.slug, years[i] as FiscalYear)}>
              {t(props.lang).labelled(plan.title)}
              {w.link(years[i] as FiscalYear)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

async function collectPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  state: { preview: Preview | null; notice: string | null },
  status: ContentfulStatusCode = 200,
) {
  const w = t(c.get('lang')).staffCollect;
  const municipalityId = municipalityOf(signedIn(c).user);
  const make = state.preview ? null : await MakeSection({ lang: c.get('lang'), deps, municipalityId });
  const csrf = signedIn(c).csrfToken;
  const { preview } = state;
  return staffPage(
    c,
    {
      title: w.title,
      children: (
        <>
          <h1>{w.title}</h1>
          <Notice message={state.notice} />
          {preview ? (
            <>
              <ProblemTable words={w} report={preview.report} />
              <ChangeTable words={w} report={preview.report} none={t(c.get('lang')).staff.none} />
              {preview.token ? (
                <form method="post" action={staffPaths.collectApply}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="token" value={preview.token} />
                  <p class="help">{w.applyHelp}</p>
                  <button type="submit">{w.applyButton}</button>
                </form>
              ) : null}
            </>
          ) : (
            <p>{w.intro}</p>
          )}
          <UploadForm words={w} csrf={csrf} />
          {make}
        </>
      ),
    },
    status,
  );
}

/** The web counterpart of `shinchoku collect read`: upload, see every problem and the diff, then apply. */
export function collectRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const stash = new CollectStash(deps.store.db, deps.clock);
  app.get('/collect', requireRole('admin'), (c) => collectPage(c, deps, { preview: null, notice: null }));
  app.post('/collect/preview', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody({ all: true });
    const chosen = ([] as unknown[])
      .concat(body.files ?? [])
      .filter((f): f is File => f instanceof File && f.size > 0);
    const files = await Promise.all(
      chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const preview = await previewCollected(deps.store, stash, signedIn(c).user, files);
    const failed = preview.report.problems.some((p) => p.severity === 'error');
    return collectPage(c, deps, { preview, notice: null }, failed ? 422 : 200);
  });
  app.post('/collect/apply', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody();
    const applied = await applyStashed(deps.store, stash, signedIn(c).user, String(body.token ?? ''));
    const w = t(c.get('lang')).staffCollect;
    return collectPage(c, deps, { preview: null, notice: w.applied(applied.figures, applied.assessments) });
  });
  return app;
}
