import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { importPlanFile } from '../../commands/plan-import.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { Checkbox } from './components/fields.tsx';
import { ErrorSummary, Notice, ProblemText } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

function importPage(
  c: Context<AppEnv>,
  form: { replace: boolean; problems: Problems; notice: string | null },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang).staffImport;
  const fileProblem = form.problems.file;
  const describedBy = ['file-help', fileProblem ? 'file-error' : null].filter(Boolean).join(' ');
  return staffPage(
    c,
    {
      title: m.title,
      children: (
        <>
          <h1>{m.title}</h1>
          <Notice message={form.notice} />
          <ErrorSummary lang={lang} problems={form.problems} labels={{ file: m.file, replace: m.replace }} />
          <p>{m.intro}</p>
          <form method="post" action={staffPaths.importPlan} enctype="multipart/form-data">
            <CsrfField token={signedIn(c).csrfToken} />
            <div class="field">
              <label for="file">{m.file}</label>
              <p id="file-help" class="help">
                {m.fileHelp}
              </p>
              {fileProblem ? (
                <div id="file-error" class="field-error">
                  <ProblemText lang={lang} problem={fileProblem} />
                </div>
              ) : null}
              <input
                type="file"
                id="file"
                name="file"
                accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
                required
                aria-describedby={describedBy}
                aria-invalid={fileProblem ? 'true' : undefined}
              />
            </div>
            {form.problems.replace ? (
              <div id="replace-error" class="field-error">
                <ProblemText lang={lang} problem={form.problems.replace} />
              </div>
            ) : null}
            <Checkbox id="replace" label={m.replace} checked={form.replace} help={m.replaceHelp} />
            <button type="submit">{m.importButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** Importing or replacing a plan from its file: the office only. */
export function importRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/import', requireRole('admin'), (c) =>
    importPage(c, { replace: false, problems: {}, notice: null }),
  );
  app.post('/import', requireRole('admin'), async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    const replace = body.replace === '1';
    const upload =
      file instanceof File
        ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), replace }
        : null;
    const outcome = await importPlanFile(deps.store, signedIn(c).user, upload);
    if (!outcome.ok) return importPage(c, { replace, problems: outcome.problems, notice: null }, 422);
    const m = t(c.get('lang')).staffImport;
    const { slug, replaced } = outcome.value;
    return importPage(c, {
      replace: false,
      problems: {},
      notice: replaced ? m.replaced(slug) : m.imported(slug),
    });
  });
  return app;
}
