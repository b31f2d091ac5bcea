import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { listDepartments } from '../../../store/departments.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { editKpiSettings, settingsFields, type KpiSettingsForm } from '../../commands/kpi-settings.ts';
import { loadSheet, planSummary } from '../../commands/sheets.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam, readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { SelectField, TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

/** The plan and KPI the address names; null when neither could be a stored key. */
function settingsAt(c: Context<AppEnv>): { plan: string; kpi: string } | null {
  const plan = keyParam(c.req.param('plan'));
  const kpi = keyParam(c.req.param('kpi'));
  return plan === null || kpi === null ? null : { plan, kpi };
}

async function settingsPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  state: { form: KpiSettingsForm | null; problems: Problems; notice: string | null },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const k = m.staffKpi;
  const at = settingsAt(c);
  if (!at) return c.notFound();
  const plan = await planSummary(deps.store.db, at.plan);
  const sheet = await loadSheet(deps.store.db, plan.slug, at.kpi, plan.periodFrom);
  const departments = await listDepartments(deps.store.db);
  const form: KpiSettingsForm = state.form ?? {
    name: sheet.name,
    unit: sheet.unit ?? '',
    department: sheet.departmentId === null ? '' : String(sheet.departmentId),
    targets: sheet.series.map((s) => ({
      position: s.position,
      value: s.target.value,
      year: formatFiscalYear(s.target.year),
    })),
  };
  const labels: Record<string, string> = { name: k.name, unit: k.unit, department: k.department };
  for (const s of sheet.series) {
    labels[settingsFields.targetValue(s.position)] = m.staff.withSeriesLabel(s.label, k.targetValue);
    labels[settingsFields.targetYear(s.position)] = m.staff.withSeriesLabel(s.label, k.targetYear);
  }
  const title = k.title(sheet.name);
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
              { href: staffPaths.overview(plan.slug), label: plan.title },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <Notice message={state.notice} />
          <ErrorSummary lang={lang} problems={state.problems} labels={labels} />
          <form method="post" action={staffPaths.kpiSettings(plan.slug, sheet.key)}>
            <CsrfField token={signedIn(c).csrfToken} />
            <TextField
              lang={lang}
              id="name"
              label={k.name}
              value={form.name}
              problem={state.problems.name}
              required
            />
            <TextField
              lang={lang}
              id="unit"
              label={k.unit}
              help={k.unitHelp}
              value={form.unit}
              size={8}
              problem={state.problems.unit}
            />
            <SelectField
              lang={lang}
              id="department"
              label={k.department}
              value={form.department}
              options={[
                { value: '', label: k.noDepartment },
                ...departments.map((d) => ({ value: String(d.id), label: d.name })),
              ]}
              problem={state.problems.department}
            />
            {sheet.series.map((s) => {
              const typed = form.targets.find((target) => target.position === s.position);
              return (
                <fieldset>
                  <legend>{k.targetLegend(s.label)}</legend>
                  <TextField
                    lang={lang}
                    id={settingsFields.targetValue(s.position)}
                    label={k.targetValue}
                    value={typed?.value ?? ''}
                    size={12}
                    problem={state.problems[settingsFields.targetValue(s.position)]}
                  />
                  <TextField
                    lang={lang}
                    id={settingsFields.targetYear(s.position)}
                    label={k.targetYear}
                    value={typed?.year ?? ''}
                    size={8}
                    problem={state.problems[settingsFields.targetYear(s.position)]}
                  />
                </fieldset>
              );
            })}
            <button type="submit">{k.saveButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** The office edits a KPI: its name, unit, department and targets. */
export function kpiSettingsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const PATH = '/plans/:plan/kpis/:kpi/settings';
  app.get(PATH, requireRole('admin'), (c) =>
    settingsPage(c, deps, { form: null, problems: {}, notice: null }),
  );
  app.post(PATH, requireRole('admin'), async (c) => {
    const at = settingsAt(c);
    if (!at) return c.notFound();
    const plan = await planSummary(deps.store.db, at.plan);
    const sheet = await loadSheet(deps.store.db, at.plan, at.kpi, plan.periodFrom);
    const fields = await readForm(c);
    const form: KpiSettingsForm = {
      name: fields.text('name', 'kpi-name', { required: true }),
      unit: fields.text('unit', 'unit'),
      department: fields.raw('department'),
      targets: sheet.series.map((s) => ({
        position: s.position,
        value: fields.text(settingsFields.targetValue(s.position), 'figure'),
        year: fields.text(settingsFields.targetYear(s.position), 'year-label'),
      })),
    };
    if (!fields.ok) return settingsPage(c, deps, { form, problems: fields.problems, notice: null }, 422);
    const outcome = await editKpiSettings(deps.store, signedIn(c).user, at, form);
    if (!outcome.ok) return settingsPage(c, deps, { form, problems: outcome.problems, notice: null }, 422);
    const m = t(c.get('lang')).staff;
    return settingsPage(c, deps, {
      form: null,
      problems: {},
      notice: outcome.value > 0 ? m.saved : m.nothingChanged,
    });
  });
  return app;
}
