import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { GoalKind } from '../../../core/plan.ts';
import { messagesFor } from '../../../render/messages.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import {
  assignDepartments,
  assignmentView,
  NO_DEPARTMENT,
  type AssignmentForm,
} from '../../commands/department-assignment.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { ErrorSummary, Notice, ProblemText } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

interface AssignState {
  readonly form: AssignmentForm;
  readonly problems: Problems;
  readonly notice: string | null;
}

async function assignPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  plan: string,
  state: AssignState,
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const a = m.staffAssign;
  const view = await assignmentView(deps.store, signedIn(c).user, plan);
  const ticked = new Set(state.form.kpis);
  const { problems } = state;
  return staffPage(
    c,
    {
      title: a.title,
      context: view.plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.departments, label: m.staffDepartments.title },
            ]}
            current={a.title}
          />
          <h1>{a.title}</h1>
          <p class="lead">{a.intro}</p>
          <Notice message={state.notice} />
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{ kpis: a.kpisLabel, department: a.departmentLabel }}
          />
          <form method="post" action={staffPaths.assignDepartments(view.plan.slug)}>
            <CsrfField token={signedIn(c).csrfToken} />
            <fieldset id="kpis" tabindex={-1} aria-describedby={problems.kpis ? 'kpis-error' : undefined}>
              <legend>{a.kpisLabel}</legend>
              {problems.kpis ? (
                <div id="kpis-error" class="field-error">
                  <ProblemText lang={lang} problem={problems.kpis} />
                </div>
              ) : null}
              <div class="table-scroll">
                <table>
                  <caption>{a.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{a.columns.select}</th>
                      <th scope="col">{a.columns.kpi}</th>
                      <th scope="col">{a.columns.goal}</th>
                      <th scope="col">{a.columns.department}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.kpis.map((kpi, i) => (
                      <tr>
                        <td>
                          <input
                            type="checkbox"
                            id={`kpi-${i}`}
                            name="kpi"
                            value={kpi.key}
                            checked={ticked.has(kpi.key)}
                          />
                          <label for={`kpi-${i}`}>
                            <span class="visually-hidden">{a.select(kpi.name)}</span>
                          </label>
                        </td>
                        <th scope="row">{kpi.name}</th>
                        <td>{messagesFor(lang).goalLabel(kpi.goal.kind as GoalKind, kpi.goal.number)}</td>
                        <td>{kpi.departmentName ?? a.noDepartment}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </fieldset>
            <div class="field">
              <label for="department">{a.departmentLabel}</label>
              {problems.department ? (
                <div id="department-error" class="field-error">
                  <ProblemText lang={lang} problem={problems.department} />
                </div>
              ) : null}
              <select
                id="department"
                name="department"
                aria-invalid={problems.department ? 'true' : undefined}
                aria-describedby={problems.department ? 'department-error' : undefined}
              >
                <option value="" selected={state.form.department === ''}>
                  {a.chooseDepartment}
                </option>
                {view.departments.map((d) => (
                  <option value={String(d.id)} selected={state.form.department === String(d.id)}>
                    {d.name}
                  </option>
                ))}
                <option value={NO_DEPARTMENT} selected={state.form.department === NO_DEPARTMENT}>
                  {a.noDepartment}
                </option>
              </select>
            </div>
            <button type="submit">{a.assignButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** The office gives many KPIs of a plan one department at once. */
export function departmentAssignmentRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const PATH = '/plans/:plan/departments';
  const empty: AssignmentForm = { kpis: [], department: '' };

  app.get(PATH, requireRole('admin'), (c) => {
    const plan = keyParam(c.req.param('plan'));
    if (plan === null) return c.notFound();
    return assignPage(c, deps, plan, { form: empty, problems: {}, notice: null });
  });

  app.post(PATH, requireRole('admin'), async (c) => {
    const plan = keyParam(c.req.param('plan'));
    if (plan === null) return c.notFound();
    const body = await c.req.parseBody({ all: true });
    const kpis = ([] as unknown[]).concat(body.kpi ?? []).filter((v): v is string => typeof v === 'string');
    const department = typeof body.department === 'string' ? body.department : '';
    const form = { kpis, department };
    const outcome = await assignDepartments(deps.store, signedIn(c).user, plan, form);
    if (!outcome.ok)
      return assignPage(c, deps, plan, { form, problems: outcome.problems, notice: null }, 422);
    const notice = t(c.get('lang')).staffAssign.assigned(outcome.value.changed, outcome.value.department);
    return assignPage(c, deps, plan, { form: empty, problems: {}, notice });
  });

  return app;
}
