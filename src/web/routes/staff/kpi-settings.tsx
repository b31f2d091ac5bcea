import { municipalityOf } from '../../commands/access.ts';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatBaseline, formatFigure } from '../../../core/format.ts';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import type { Lang } from '../../../core/language.ts';
import { listDepartments } from '../../../store/departments.ts';
import type { SeriesHistory } from '../../../store/revisions.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { Problems } from '../../commands/form-problem.ts';
import {
  editKpiSettings,
  settingsContext,
  settingsFields,
  type KpiSettingsForm,
} from '../../commands/kpi-settings.ts';
import { loadSheet } from '../../commands/sheets.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam, readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { SelectField, TextArea, TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

/** The plan and KPI the address names; null when neither could be a stored key. */
function settingsAt(c: Context<AppEnv>): { plan: string; kpi: string } | null {
  const plan = keyParam(c.req.param('plan'));
  const kpi = keyParam(c.req.param('kpi'));
  return plan === null || kpi === null ? null : { plan, kpi };
}

/** Every value each series has had: the plan's own, then each revision with its year and reason. */
function HistoryTable(props: { lang: Lang; history: readonly SeriesHistory[]; kpiUnit: string | null }) {
  const m = t(props.lang);
  const k = m.staffKpi;
  const labelled = props.history.some((h) => h.label !== null);
  const unitOf = (h: SeriesHistory) => h.unit ?? props.kpiUnit;
  const targetText = (h: SeriesHistory, target: SeriesHistory['target'] | null) =>
    target === null
      ? k.unchanged
      : m.figureInYear(formatFigure(target.value, unitOf(h)), formatFiscalYear(target.year));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{k.historyHeading}</h2>
      {props.history.every((h) => h.revisions.length === 0) ? <p>{k.noHistory}</p> : null}
      <div class="table-scroll">
        <table class="revision-history" aria-labelledby="history-heading">
          <thead>
            <tr>
              {labelled ? <th scope="col">{k.historyColumns.series}</th> : null}
              <th scope="col">{k.historyColumns.from}</th>
              <th scope="col">{k.historyColumns.target}</th>
              <th scope="col">{k.historyColumns.baseline}</th>
              <th scope="col">{k.historyColumns.note}</th>
              <th scope="col">{k.historyColumns.recorded}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.flatMap((h) => [
              <tr>
                {labelled ? <td>{h.label ?? ''}</td> : null}
                <th scope="row">{k.original}</th>
                <td class="number">{targetText(h, h.target)}</td>
                <td class="number">{formatBaseline(h.baseline, unitOf(h))}</td>
                <td class="revision-note"></td>
                <td></td>
              </tr>,
              ...h.revisions.map((r) => (
                <tr>
                  {labelled ? <td>{h.label ?? ''}</td> : null}
                  <th scope="row">{k.fromYear(r.from)}</th>
                  <td class="number">{targetText(h, r.target)}</td>
                  <td class="number">
                    {r.baseline === null ? k.unchanged : formatBaseline(r.baseline, unitOf(h))}
                  </td>
                  <td class="revision-note">{r.note}</td>
                  <td>{k.recorded(r.recordedBy, m.staff.time(r.recordedAt))}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
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
  const {
    summary: plan,
    history,
    latest,
    defaultFrom,
  } = await settingsContext(deps.store.db, at.plan, at.kpi);
  const sheet = await loadSheet(deps.store.db, plan.slug, at.kpi, plan.periodFrom);
  const departments = await listDepartments(deps.store.db, municipalityOf(signedIn(c).user));
  const form: KpiSettingsForm = state.form ?? {
    name: sheet.name,
    unit: sheet.unit ?? '',
    department: sheet.departmentId === null ? '' : String(sheet.departmentId),
    series: latest,
    from: String(defaultFrom),
    note: '',
  };
  const labels: Record<string, string> = {
    name: k.name,
    unit: k.unit,
    department: k.department,
    [settingsFields.from]: k.from,
    [settingsFields.note]: k.note,
  };
  for (const s of history) {
    labels[settingsFields.targetValue(s.position)] = m.staff.withSeriesLabel(s.label, k.targetValue);
    labels[settingsFields.targetYear(s.position)] = m.staff.withSeriesLabel(s.label, k.targetYear);
    labels[settingsFields.baselineValue(s.position)] = m.staff.withSeriesLabel(s.label, k.baselineValue);
    labels[settingsFields.baselineYear(s.position)] = m.staff.withSeriesLabel(s.label, k.baselineYear);
  }
  const years = Array.from({ length: plan.periodTo - plan.periodFrom + 1 }, (_, i) => plan.periodFrom + i);
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
            {history.map((s) => {
              const typed = form.series.find((f) => f.position === s.position);
              const field = (id: string, label: string, value: string, size: number, help?: string) => (
                <TextField
                  lang={lang}
                  id={id}
                  label={label}
                  help={help}
                  value={value}
                  size={size}
                  problem={state.problems[id]}
                />
              );
              return (
                <fieldset>
                  <legend>{k.figuresLegend(s.label)}</legend>
                  <p class="help">{k.figuresHelp}</p>
                  {field(settingsFields.targetValue(s.position), k.targetValue, typed?.targetValue ?? '', 12)}
                  {field(settingsFields.targetYear(s.position), k.targetYear, typed?.targetYear ?? '', 8)}
                  {field(
                    settingsFields.baselineValue(s.position),
                    k.baselineValue,
                    typed?.baselineValue ?? '',
                    12,
                  )}
                  {field(
                    settingsFields.baselineYear(s.position),
                    k.baselineYear,
                    typed?.baselineYear ?? '',
                    16,
                    k.baselineYearHelp,
                  )}
                </fieldset>
              );
            })}
            <fieldset>
              <legend>{k.revisionLegend}</legend>
              <SelectField
                lang={lang}
                id={settingsFields.from}
                label={k.from}
                help={k.fromHelp}
                value={form.from}
                options={years.map((y) => ({ value: String(y), label: k.yearOption(y) }))}
                problem={state.problems[settingsFields.from]}
              />
              <TextArea
                lang={lang}
                id={settingsFields.note}
                label={k.note}
                help={k.noteHelp}
                value={form.note}
                rows={2}
                problem={state.problems[settingsFields.note]}
              />
            </fieldset>
            <button type="submit">{k.saveButton}</button>
          </form>
          <HistoryTable lang={lang} history={history} kpiUnit={sheet.unit} />
        </>
      ),
    },
    status,
  );
}

/** The office edits a KPI: its name, unit and department, and revises its targets and baselines. */
export function kpiSettingsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const PATH = '/plans/:plan/kpis/:kpi/settings';
  app.get(PATH, requireRole('admin'), (c) =>
    settingsPage(c, deps, { form: null, problems: {}, notice: null }),
  );
  app.post(PATH, requireRole('admin'), async (c) => {
    const at = settingsAt(c);
    if (!at) return c.notFound();
    const { history } = await settingsContext(deps.store.db, at.plan, at.kpi);
    const fields = await readForm(c);
    const form: KpiSettingsForm = {
      name: fields.text('name', 'kpi-name', { required: true }),
      unit: fields.text('unit', 'unit'),
      department: fields.raw('department'),
      series: history.map((s) => ({
        position: s.position,
        targetValue: fields.text(settingsFields.targetValue(s.position), 'figure'),
        targetYear: fields.text(settingsFields.targetYear(s.position), 'year-label'),
        baselineValue: fields.text(settingsFields.baselineValue(s.position), 'figure'),
        baselineYear: fields.text(settingsFields.baselineYear(s.position), 'year-label'),
      })),
      from: fields.raw(settingsFields.from),
      note: fields.text(settingsFields.note, 'revision-note'),
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
