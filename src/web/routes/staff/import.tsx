import { Hono, type Context } from 'hono';
import type { Lang } from '../../../core/language.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { importPlanFile, type PlanUpload } from '../../commands/plan-import.ts';
import {
  exportPlanMaster,
  importPlanMaster,
  masterExportChoices,
  planMasterTemplate,
} from '../../commands/plan-master.ts';
import { runningBulkImport, startBulkImport } from '../../commands/bulk-import.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { Checkbox } from './components/fields.tsx';
import { ErrorSummary, Notice, ProblemText } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportForm {
  readonly replace: boolean;
  readonly masterReplace: boolean;
  readonly bundleReplace: boolean;
  /** The municipality's bulk import that runs now, linked from the page. */
  readonly running: { readonly id: number } | null;
  readonly problems: Problems;
  readonly notice: string | null;
  readonly plans: readonly { slug: string; title: string }[];
}

/** A file input with its help and its problem, described by both. */
function FileField(props: {
  id: string;
  label: string;
  help: string;
  accept: string;
  problems: Problems;
  lang: Lang;
}) {
  const problem = props.problems[props.id];
  const describedBy = [`${props.id}-help`, problem ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <p id={`${props.id}-help`} class="help">
        {props.help}
      </p>
      {problem ? (
        <div id={`${props.id}-error`} class="field-error">
          <ProblemText lang={props.lang} problem={problem} />
        </div>
      ) : null}
      <input
        type="file"
        id={props.id}
        name={props.id}
        accept={props.accept}
        required
        aria-describedby={describedBy}
        aria-invalid={problem ? 'true' : undefined}
      />
    </div>
  );
}

function importPage(c: Context<AppEnv>, form: ImportForm, status: ContentfulStatusCode = 200) {
  const lang = c.get('lang');
  const m = t(lang).staffImport;
  const b = t(lang).staffBulkImport;
  const csrf = signedIn(c).csrfToken;
  const replaceProblem = (field: string) =>
    form.problems[field] ? (
      <div id={`${field}-error`} class="field-error">
        <ProblemText lang={lang} problem={form.problems[field]} />
      </div>
    ) : null;
  return staffPage(
    c,
    {
      title: m.title,
      children: (
        <>
          <h1>{m.title}</h1>
          <Notice message={form.notice} />
          <ErrorSummary
            lang={lang}
            problems={form.problems}
            labels={{
              file: m.file,
              replace: m.replace,
              master: m.masterFile,
              masterReplace: m.replace,
              bundle: b.file,
              bundleReplace: m.replace,
            }}
          />
          {form.running ? (
            <div class="notice" role="status">
              <p>
                {b.running} <a href={staffPaths.bulkJob(form.running.id)}>{b.runningLink}</a>
              </p>
            </div>
          ) : null}
          <h2>{m.fileHeading}</h2>
          <p>{m.intro}</p>
          <form method="post" action={staffPaths.importPlan} enctype="multipart/form-data">
            <CsrfField token={csrf} />
            <FileField
              id="file"
              label={m.file}
              help={m.fileHelp}
              accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
              problems={form.problems}
              lang={lang}
            />
            {replaceProblem('replace')}
            <Checkbox id="replace" label={m.replace} checked={form.replace} help={m.replaceHelp} />
            <button type="submit">{m.importButton}</button>
          </form>

          <h2>{m.masterHeading}</h2>
          <p>{m.masterIntro}</p>
          <p>
            <a href={staffPaths.masterTemplate} download>
              {m.templateLink}
            </a>
          </p>
          <form method="post" action={staffPaths.importMaster} enctype="multipart/form-data">
            <CsrfField token={csrf} />
            <FileField
              id="master"
              label={m.masterFile}
              help={m.masterFileHelp}
              accept={`.xlsx,${XLSX}`}
              problems={form.problems}
              lang={lang}
            />
            {replaceProblem('masterReplace')}
            <Checkbox
              id="masterReplace"
              label={m.replace}
              checked={form.masterReplace}
              help={m.replaceHelp}
            />
            <button type="submit">{m.masterButton}</button>
          </form>

          <h2>{b.heading}</h2>
          <p>{b.intro}</p>
          <form method="post" action={staffPaths.importBulk} enctype="multipart/form-data">
            <CsrfField token={csrf} />
            <FileField
              id="bundle"
              label={b.file}
              help={b.fileHelp}
              accept=".zip,application/zip"
              problems={form.problems}
              lang={lang}
            />
            {replaceProblem('bundleReplace')}
            <Checkbox
              id="bundleReplace"
              label={m.replace}
              checked={form.bundleReplace}
              help={m.replaceHelp}
            />
            <button type="submit">{b.button}</button>
          </form>

          <h2>{m.exportHeading}</h2>
          <p>{m.exportIntro}</p>
          {form.plans.length === 0 ? (
            <p>{m.noPlans}</p>
          ) : (
            <form method="get" action={staffPaths.masterExport}>
              <div class="field">
                <label for="plan">{m.exportPlan}</label>
                <select id="plan" name="plan">
                  {form.plans.map((p) => (
                    <option value={p.slug}>{`${p.title}（${p.slug}）`}</option>
                  ))}
                </select>
              </div>
              <button type="submit">{m.exportButton}</button>
            </form>
          )}
        </>
      ),
    },
    status,
  );
}

async function uploadOf(
  body: Record<string, unknown>,
  field: string,
  replace: boolean,
): Promise<PlanUpload | null> {
  const file = body[field];
  return file instanceof File
    ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), replace }
    : null;
}

const xlsxAnswer = (c: Context<AppEnv>, bytes: Uint8Array, name: string) =>
  c.body(new Uint8Array(bytes), 200, {
    'Content-Type': XLSX,
    // The name is a plan's slug (a-z, 0-9, -) or fixed, so it needs no quoting beyond this.
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });

/** Importing or replacing a plan from its file or the office's Excel master, and the master's downloads: the office only. */
export function importRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const blank = async (c: Context<AppEnv>): Promise<ImportForm> => ({
    replace: false,
    masterReplace: false,
    bundleReplace: false,
    running: await runningBulkImport(deps.store, signedIn(c).user),
    problems: {},
    notice: null,
    plans: await masterExportChoices(deps.store, signedIn(c).user),
  });
  app.get('/import', requireRole('admin'), async (c) => importPage(c, await blank(c)));
  app.post('/import', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody();
    const replace = body.replace === '1';
    const outcome = await importPlanFile(deps.store, signedIn(c).user, await uploadOf(body, 'file', replace));
    const form = await blank(c);
    if (!outcome.ok) return importPage(c, { ...form, replace, problems: outcome.problems }, 422);
    const m = t(c.get('lang')).staffImport;
    const { slug, replaced } = outcome.value;
    return importPage(c, { ...form, notice: replaced ? m.replaced(slug) : m.imported(slug) });
  });
  app.post('/import/master', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody();
    const replace = body.masterReplace === '1';
    const outcome = await importPlanMaster(
      deps.store,
      signedIn(c).user,
      await uploadOf(body, 'master', replace),
    );
    const form = await blank(c);
    if (!outcome.ok)
      return importPage(c, { ...form, masterReplace: replace, problems: outcome.problems }, 422);
    const m = t(c.get('lang')).staffImport;
    const { slug, replaced } = outcome.value;
    return importPage(c, { ...form, notice: replaced ? m.replaced(slug) : m.imported(slug) });
  });
  app.post('/import/bulk', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody();
    const replace = body.bundleReplace === '1';
    const upload = await uploadOf(body, 'bundle', replace);
    const outcome = await startBulkImport(deps.store, signedIn(c).user, upload);
    if (!outcome.ok) {
      const form = await blank(c);
      const status = outcome.problems.bundle?.kind === 'bulk-running' ? 409 : 422;
      return importPage(c, { ...form, bundleReplace: replace, problems: outcome.problems }, status);
    }
    // The job goes on after the answer; it stores its own failure, so nothing is left to catch here.
    void outcome.value.finished;
    return c.redirect(staffPaths.bulkJob(outcome.value.jobId), 303);
  });
  app.get('/import/master-template.xlsx', requireRole('admin'), async (c) =>
    xlsxAnswer(c, await planMasterTemplate(signedIn(c).user), 'plan-master-template.xlsx'),
  );
  app.get('/import/master-export', requireRole('admin'), async (c) => {
    const slug = c.req.query('plan') ?? '';
    const bytes = await exportPlanMaster(deps.store, signedIn(c).user, slug);
    if (!bytes) return c.notFound();
    return xlsxAnswer(c, bytes, `${slug}.xlsx`);
  });
  return app;
}
