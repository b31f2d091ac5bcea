import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listDepartments } from '../../../store/departments.ts';
import { listPlans } from '../../../store/plan-repository.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { municipalityOf } from '../../commands/access.ts';
import { addDepartment } from '../../commands/accounts.ts';
import type { Problems } from '../../commands/form-problem.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

async function departmentsPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  state: { name: string; problems: Problems; notice: string | null },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const d = t(lang).staffDepartments;
  const municipalityId = municipalityOf(signedIn(c).user);
  const departments = await listDepartments(deps.store.db, municipalityId);
  const plans = await listPlans(deps.store.db, municipalityId);
  const a = t(lang).staffAssign;
  return staffPage(
    c,
    {
      title: d.title,
      children: (
        <>
          <h1>{d.title}</h1>
          <Notice message={state.notice} />
          <ErrorSummary lang={lang} problems={state.problems} labels={{ name: d.name }} />
          <div class="table-scroll">
            <table>
              <caption>{d.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{d.columns.name}</th>
                  <th scope="col">{d.columns.kpis}</th>
                </tr>
              </thead>
              <tbody>
                {departments.map((department) => (
                  <tr>
                    <th scope="row">{department.name}</th>
                    <td class="number">{department.kpis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plans.length > 0 ? (
            <>
              <h2>{a.plansHeading}</h2>
              <ul class="plain-list">
                {plans.map((plan) => (
                  <li>
                    <a href={staffPaths.assignDepartments(plan.slug)}>
                      {t(lang).labelled(plan.title)}
                      {a.link}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{d.createHeading}</h2>
          <form method="post" action={staffPaths.departments}>
            <CsrfField token={signedIn(c).csrfToken} />
            <TextField
              lang={lang}
              id="name"
              label={d.name}
              value={state.name}
              problem={state.problems.name}
              required
            />
            <button type="submit">{d.createButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** The departments (担当課) that KPIs and department users are assigned to. */
export function departmentRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/departments', requireRole('admin'), (c) =>
    departmentsPage(c, deps, { name: '', problems: {}, notice: null }),
  );
  app.post('/departments', requireRole('admin'), async (c) => {
    const form = await readForm(c);
    const name = form.text('name', 'department-name', { required: true });
    if (!form.ok) return departmentsPage(c, deps, { name, problems: form.problems, notice: null }, 422);
    const outcome = await addDepartment(deps.store, signedIn(c).user, name);
    if (!outcome.ok) return departmentsPage(c, deps, { name, problems: outcome.problems, notice: null }, 422);
    const notice = t(c.get('lang')).staffDepartments.created(outcome.value.name);
    return departmentsPage(c, deps, { name: '', problems: {}, notice });
  });
  return app;
}
