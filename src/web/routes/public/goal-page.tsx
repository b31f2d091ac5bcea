import { explainRate } from '../../../core/explain.ts';
import type { GoalResult } from '../../../core/evaluation.ts';
import { formatRate } from '../../../core/format.ts';
import { IdSource } from '../../../render/html/ids.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { assessmentBullets, goalTable } from '../../../render/report-model.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { Calc } from '../../components/calc.tsx';
import { EditionNotice, YearSwitcher } from '../../components/edition.tsx';
import { AssessmentList, GoalTableView } from '../../components/report-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import type { PublishedReport } from '../../queries/published.ts';
import { yearAddress } from './address.ts';

/** A goal of a published year: the seed's table of its KPIs, then 達成状況・要因及び対策等. */
export function GoalPage(props: { lang: Lang; report: PublishedReport; goal: GoalResult }) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  const { evaluation } = props.report;
  const { goal } = props;
  const at = yearAddress(props.report);
  const ids = new IdSource();
  return (
    <>
      <Breadcrumbs
        lang={props.lang}
        trail={[
          { href: '/', label: m.navPlans },
          { href: hrefs.year(at), label: evaluation.plan.title },
        ]}
        current={r.goalLabel(goal.kind, goal.number)}
      />
      <h1>
        {m.goalName(r.goalLabel(goal.kind, goal.number), goal.title)}
        <span class="h1-sub">{m.yearStatusTitle(evaluation.year)}</span>
      </h1>
      <EditionNotice
        lang={props.lang}
        report={props.report}
        latestHref={hrefs.goal({ ...at, edition: null }, goal.id)}
      />
      <p>
        <span class="notice-label">{m.labelled(m.goalRate)}</span>
        <Calc text={formatRate(goal.rate)} formula={explainRate(goal)} ids={ids} />
      </p>
      <p>
        {m.overallSentence(goal.achieved, goal.evaluated)}
        {goal.notEvaluated > 0 ? m.notEvaluatedSentence(goal.notEvaluated) : null}
      </p>

      <section aria-labelledby="goal-table-heading">
        <h2 id="goal-table-heading">{r.headings.goalTable}</h2>
        <p class="help">{m.formulaHelp}</p>
        <GoalTableView
          table={goalTable(goal, evaluation, r)}
          labelledBy="goal-table-heading"
          kpiHref={(kpi) => hrefs.kpi(at, kpi.id)}
          ids={ids}
        />
      </section>

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{r.headings.assessments}</h2>
        <AssessmentList bullets={assessmentBullets(goal, evaluation, r)} />
      </section>

      <YearSwitcher lang={props.lang} report={props.report} hrefFor={(to) => hrefs.goal(to, goal.id)} />
    </>
  );
}
