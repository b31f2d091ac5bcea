import type { KpiResult, SeriesResult } from '../../../core/evaluation.ts';
import { baselineText, entryText, gradeText, targetText } from '../../../render/target-text.ts';
import { scoreHeading } from '../../../render/score-cells.ts';
import { ProgressFigures } from '../../components/score-figures.tsx';
import { InterimTargetFact, ShortfallFact } from '../../components/interim-facts.tsx';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { IdSource } from '../../../render/html/ids.ts';
import { messagesFor, type Messages } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { assessmentBullets, revisedBaselines, revisedTargets } from '../../../render/report-model.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { EditionNotice, YearSwitcher } from '../../components/edition.tsx';
import { KpiChart } from '../../components/kpi-chart.tsx';
import { OpinionsSection } from '../../components/opinions.tsx';
import { AssessmentList, ScrollRegion, statusClass } from '../../components/report-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import type { PublishedReport } from '../../queries/published.ts';
import { yearAddress } from './address.ts';
import { KpiYears } from '../../components/kpi-years.tsx';
import type { EditionReport } from '../../queries/published-years.ts';

const seriesName = (s: SeriesResult, m: WebMessages): string => s.label ?? m.dataColumns.value;

/** Baseline, each reported year and the target, one column per series (男性 / 女性). */
export function DataTable(props: { kpi: KpiResult; m: WebMessages; r: Messages }) {
  const { kpi, m, r } = props;
  const years = kpi.series[0]?.history.map((h) => h.year) ?? [];
  return (
    <ScrollRegion labelledBy="data-heading">
      <table aria-labelledby="data-heading">
        <thead>
          <tr>
            <th scope="col">{m.dataColumns.year}</th>
            {kpi.series.map((s) => (
              <th scope="col">{seriesName(s, m)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{r.columns.baseline}</th>
            {kpi.series.map((s) => (
              <td class="number">
                {baselineText(s.baseline, s.unit, r)}
                {revisedBaselines(r)(s).map((words) => (
                  <span class="line revision">※{words}</span>
                ))}
              </td>
            ))}
          </tr>
          {years.map((year, i) => (
            <tr>
              <th scope="row">{r.yearLabel(year)}</th>
              {kpi.series.map((s) => (
                <td class="number">{entryText(s.history[i]?.entry ?? null, s.unit, r)}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{r.columns.target}</th>
            {kpi.series.map((s) => (
              <td class="number">
                {s.target.none
                  ? targetText(s.target, s.unit, r)
                  : m.figureInYear(targetText(s.target, s.unit, r), formatFiscalYear(s.target.year))}
                {revisedTargets(r)(s).map((words) => (
                  <span class="line revision">※{words}</span>
                ))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * A KPI of a published year: its facts and score, the chart, the figures by year, its result in every
 * published year and the assessment.
 */
export function KpiPage(props: {
  lang: Lang;
  report: PublishedReport;
  kpi: KpiResult;
  /** Each published year's latest edition, oldest first: the KPI in every year. */
  years: readonly EditionReport[];
}) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  const { evaluation } = props.report;
  const { kpi } = props;
  const at = yearAddress(props.report);
  const ids = new IdSource();
  const goal = evaluation.goals.find((g) => g.id === kpi.goalId);
  const others = evaluation.goals.filter((g) => g.id !== kpi.goalId && kpi.listedIn.includes(g.id));
  const bullet = goal ? assessmentBullets(goal, evaluation, r).filter((b) => b.kpi.id === kpi.id) : [];
  const goalLabel = goal ? r.goalLabel(goal.kind, goal.number) : '';
  return (
    <>
      <Breadcrumbs
        lang={props.lang}
        trail={[
          { href: '/', label: m.navPlans },
          { href: hrefs.year(at), label: evaluation.plan.title },
          ...(goal ? [{ href: hrefs.goal(at, goal.id), label: goalLabel }] : []),
        ]}
        current={kpi.name}
      />
      <h1 id="kpi-heading">
        {kpi.name}
        <span class="h1-sub">{m.yearStatusTitle(evaluation.year)}</span>
      </h1>
      <EditionNotice
        lang={props.lang}
        report={props.report}
        latestHref={hrefs.kpi({ ...at, edition: null }, kpi.id)}
      />
      <dl class="facts">
        <dt>{m.kpiFacts.goal}</dt>
        <dd>{goal ? <a href={hrefs.goal(at, goal.id)}>{m.goalName(goalLabel, goal.title)}</a> : null}</dd>
        {others.length === 0 ? null : (
          <>
            <dt>{m.kpiFacts.listedIn}</dt>
            <dd>
              {others.map((g) => (
                <span class="line">
                  <a href={hrefs.goal(at, g.id)}>{m.goalName(r.goalLabel(g.kind, g.number), g.title)}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>{m.kpiFacts.category}</dt>
        <dd>{kpi.category.join(m.separator)}</dd>
        <dt>{m.kpiFacts.department}</dt>
        <dd>{kpi.department ?? m.notSet}</dd>
        <dt>{m.kpiFacts.unit}</dt>
        <dd>{kpi.unit ?? m.noUnit}</dd>
        <dt>{m.kpiFacts.status}</dt>
        <dd class={statusClass(kpi.status)}>
          {kpi.unscored && kpi.status === 'not_evaluated' ? r.targets.noTarget : r.status(kpi.status)}
          {kpi.judgement ? ` ${gradeText(kpi, r)}` : null}
        </dd>
        <dt>{scoreHeading(evaluation, r)}</dt>
        <dd>
          <ProgressFigures kpi={kpi} ids={ids} lang={props.lang} evaluation={evaluation} />
        </dd>
        <InterimTargetFact kpi={kpi} evaluation={evaluation} lang={props.lang} />
        <ShortfallFact kpi={kpi} evaluation={evaluation} lang={props.lang} ids={ids} />
      </dl>
      <p class="help">{m.formulaHelp}</p>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{m.chartHeading}</h2>
        <KpiChart kpi={kpi} evaluation={evaluation} messages={r} labelledBy="kpi-heading" ids={ids} />
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{m.dataHeading}</h2>
        <DataTable kpi={kpi} m={m} r={r} />
      </section>

      <KpiYears lang={props.lang} plan={at.plan} kpiId={kpi.id} shown={evaluation} years={props.years} />

      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">{r.headings.assessments}</h2>
        {bullet.length === 0 ? <p>{m.noAssessment}</p> : <AssessmentList bullets={bullet} />}
      </section>

      <OpinionsSection
        lang={props.lang}
        evaluation={props.report.evaluation}
        opinions={props.report.opinions}
        kpi={props.kpi.id}
      />

      <YearSwitcher lang={props.lang} report={props.report} hrefFor={(to) => hrefs.kpi(to, kpi.id)} />
    </>
  );
}
