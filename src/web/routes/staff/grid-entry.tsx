import { municipalityOf } from '../../commands/access.ts';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FiscalYear } from '../../../core/fiscal-year.ts';
import type { Lang } from '../../../core/language.ts';
import { listDepartments, type Department } from '../../../store/departments.ts';
import type { User } from '../../../store/users.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import {
  gridFields,
  gridSheets,
  saveGrid,
  type GridResult,
  type GridRow,
  type GridScope,
} from '../../commands/grid-entry.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam, readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { GridTable, gridLabels, gridProblems } from './grid-table.tsx';
import { staffPage } from './page.tsx';
import { staffPaths, yearParam } from './paths.ts';

/** The scope a request asks for: a department user always gets their own; the office chooses. */
function scopeOf(user: User, asked: string, departments: readonly Department[]): GridScope | null {
  if (user.role === 'department')
    return user.departmentId === null ? null : { department: user.departmentId };
  if (asked === 'none') return { department: null };
  const id = Number(asked);
  if (asked !== '' && departments.some((d) => d.id === id)) return { department: id };
  const first = departments.find((d) => d.kpis > 0) ?? departments[0];
  return first ? { department: first.id } : { department: null };
}

/**
 * The scope's rows, each replaced by the posted row of the same KPI (what was typed, its problems), and
 * any posted row no longer in the scope after them: the page keeps its rows and their order whatever came
 * back, and nothing typed is dropped.
 */
function merged(scope: readonly GridRow[], posted: readonly GridRow[]): GridRow[] {
  const byKey = new Map(posted.map((r) => [r.sheet.key, r]));
  const inScope = new Set(scope.map((r) => r.sheet.key));
  return [
    ...scope.map((r) => byKey.get(r.sheet.key) ?? r),
    ...posted.filter((r) => !inScope.has(r.sheet.key)),
  ];
}

const scopeValue = (scope: GridScope): string =>
  scope.department === null ? 'none' : String(scope.department);

function DepartmentChooser(props: {
  lang: Lang;
  action: string;
  scope: GridScope;
  departments: readonly Department[];
}) {
  const g = t(props.lang).staffGrid;
  const chosen = scopeValue(props.scope);
  return (
    <form method="get" action={props.action} class="year-select">
      <label for="department">{g.departmentLabel}</label>
      <select id="department" name="department">
        {props.departments.map((d) => (
          <option value={String(d.id)} selected={String(d.id) === chosen}>
            {d.name}
          </option>
        ))}
        <option value="none" selected={chosen === 'none'}>
          {g.noDepartment}
        </option>
      </select>{' '}
      <button type="submit" class="secondary">
        {g.showButton}
      </button>
    </form>
  );
}

interface GridState {
  readonly rows: readonly GridRow[];
  readonly notice: string | null;
  readonly result: GridResult | null;
}

async function gridPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  at: { plan: string; year: FiscalYear },
  scope: GridScope | null,
  state: GridState | null,
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const g = m.staffGrid;
  const session = signedIn(c);
  const departments = await listDepartments(deps.store.db, municipalityOf(session.user));
  const action = staffPaths.grid(at.plan, at.year);
  const title = g.title(at.year);
  const loaded = scope ? await gridSheets(deps.store, session.user, at.plan, at.year, scope) : null;
  const rows = merged(loaded?.rows ?? [], state?.rows ?? []);
  const departmentName =
    scope?.department === null
      ? g.noDepartment
      : (departments.find((d) => d.id === scope?.department)?.name ?? '');
  const result = state?.result ?? null;
  const problems = gridProblems(rows);
  return staffPage(
    c,
    {
      title,
      context: loaded?.summary.title ?? null,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(at.plan, at.year), label: m.staffWorklist.title(at.year) },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <p class="lead">{g.intro}</p>
          {session.user.role === 'admin' && scope ? (
            <DepartmentChooser lang={lang} action={action} scope={scope} departments={departments} />
          ) : null}
          <Notice message={state?.notice ?? null} />
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={gridLabels(lang, at.year, rows)}
            intro={result?.conflict ? g.conflictNotice : g.problemsNotice}
          />
          {scope === null ? (
            <p>{g.noDepartmentUser}</p>
          ) : rows.length === 0 ? (
            <p>{g.empty}</p>
          ) : (
            <form method="post" action={action} novalidate data-unsaved={m.staffEntry.unsavedWarning}>
              <CsrfField token={session.csrfToken} />
              <input type="hidden" name={gridFields.department} value={scopeValue(scope)} />
              <GridTable
                lang={lang}
                year={at.year}
                caption={g.caption(departmentName, at.year)}
                rows={rows}
              />
              <div class="actions">
                <button type="submit">{g.saveButton}</button>
              </div>
            </form>
          )}
        </>
      ),
    },
    status,
  );
}

/**
 * A department's KPIs for a year on one page (the grid entry): the figures, their state and the
 * assessments, saved together under the single entry form's rules.
 */
export function gridRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const PATH = '/plans/:plan/:year/grid';

  const at = (c: Context<AppEnv>) => {
    const year = yearParam(c.req.param('year'));
    const plan = keyParam(c.req.param('plan'));
    return year === null || plan === null ? null : { plan, year };
  };

  app.get(PATH, requireRole('admin', 'department'), async (c) => {
    const where = at(c);
    if (!where) return c.notFound();
    const departments = await listDepartments(deps.store.db, municipalityOf(signedIn(c).user));
    const scope = scopeOf(signedIn(c).user, c.req.query('department') ?? '', departments);
    return gridPage(c, deps, where, scope, null);
  });

  app.post(PATH, requireRole('admin', 'department'), async (c) => {
    const where = at(c);
    if (!where) return c.notFound();
    const form = await readForm(c);
    const { user } = signedIn(c);
    const departments = await listDepartments(deps.store.db, municipalityOf(user));
    const scope = scopeOf(user, form.raw(gridFields.department), departments);
    const result = await saveGrid(deps.store, user, where.plan, where.year, form);
    const g = t(c.get('lang')).staffGrid;
    if (!result.saved) {
      return gridPage(
        c,
        deps,
        where,
        scope,
        { rows: result.rows, notice: null, result },
        result.conflict ? 409 : 422,
      );
    }
    const changed = result.figures + result.assessments;
    const notice = changed > 0 ? g.saved(result.figures, result.assessments) : g.nothingChanged;
    return gridPage(c, deps, where, scope, { rows: result.rows, notice, result });
  });

  return app;
}
