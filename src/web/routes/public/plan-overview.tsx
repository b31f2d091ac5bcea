import { explainRate } from '../../../core/explain.ts';
import { formatRate } from '../../../core/format.ts';
import { IdSource } from '../../../render/html/ids.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { summaryTable } from '../../../render/report-model.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { Calc } from '../../components/calc.tsx';
import { Downloads } from '../../components/downloads.tsx';
import { OpinionsSection } from '../../components/opinions.tsx';
import { EditionNotice, YearSwitcher } from '../../components/edition.tsx';
import { ScrollRegion, SummaryTableView } from '../../components/report-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import type { PublishedReport } from '../../queries/published.ts';
import { yearAddress } from './address.ts';
import { RateTrend } from '../../components/rate-trend.tsx';
import type { EditionReport } from '../../queries/published-years.ts';

/**
 * A published year of a plan: the overall rate, each goal's rate, their trend over the published years,
 * the summary, downloads, other years.
 */
export function PlanOverview(props: {
  lang: Lang;
  report: PublishedReport;
  /** Each published year's latest edition, oldest first: the trend of the rates. */
  years: readonly EditionReport[];
}) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  const { evaluation } = props.report;
  const at = yearAddress(props.report);
  const ids = new IdSource();
  const overall = evaluation.overall;
  return (
    <>
      <Breadcrumbs
        lang={props.lang}
        trail={[{ href: '/', label: m.navPlans }]}
        current={evaluation.plan.title}
      />
      <h1>
        {evaluation.plan.title}
        <span class="h1-sub">{m.yearStatusTitle(evaluation.year)}</span>
      </h1>
      <EditionNotice
        lang={props.lang}
        report={props.report}
        latestHref={hrefs.year({ ...at, edition: null })}
      />
      <p class="help">{m.formulaHelp}</p>

      <section aria-labelledby="overall-heading">
        <h2 id="overall-heading">{m.overallHeading}</h2>
        <p class="rate-figure">
          <Calc text={formatRate(overall.rate)} formula={explainRate(overall)} ids={ids} />
        </p>
        <p>
          {m.overallSentence(overall.achieved, overall.evaluated)}
          {overall.notEvaluated > 0 ? m.notEvaluatedSentence(overall.notEvaluated) : null}
        </p>
      </section>

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{m.goalRatesHeading}</h2>
        <ScrollRegion labelledBy="goals-heading">
          <table class="rates-table" aria-labelledby="goals-heading">
            <thead>
              <tr>
                <th scope="col">{m.goalColumns.goal}</th>
                <th scope="col">{m.goalColumns.achieved}</th>
                <th scope="col">{m.goalColumns.evaluated}</th>
                <th scope="col">{m.goalColumns.rate}</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.goals.map((goal) => (
                <tr>
                  <th scope="row">
                    <a href={hrefs.goal(at, goal.id)}>
                      {m.goalName(r.goalLabel(goal.kind, goal.number), goal.title)}
                    </a>
                  </th>
                  <td class="number">{goal.achieved}</td>
                  <td class="number">{goal.evaluated}</td>
                  <td class="number">
                    <Calc text={formatRate(goal.rate)} formula={explainRate(goal)} ids={ids} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <RateTrend lang={props.lang} plan={at.plan} shown={evaluation} years={props.years} ids={ids} />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{r.headings.summary}</h2>
        <p class="help">{m.board.summaryNote}</p>
        <SummaryTableView
          table={summaryTable(evaluation, r)}
          labelledBy="summary-heading"
          ids={ids}
          kpiHref={(kpi) => hrefs.kpi(at, kpi.id)}
        />
        <p>
          <a href={hrefs.board(at)}>{m.board.link}</a>
        </p>
      </section>

      <OpinionsSection
        lang={props.lang}
        evaluation={evaluation}
        opinions={props.report.opinions}
        kpiHref={(item) => hrefs.kpi(at, item.kpiId)}
      />

      <Downloads lang={props.lang} at={at} />
      <YearSwitcher lang={props.lang} report={props.report} hrefFor={hrefs.year} />
    </>
  );
}
