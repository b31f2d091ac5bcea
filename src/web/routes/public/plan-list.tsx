import type { Lang } from '../../../render/messages.ts';
import { PlanText } from '../../components/plan-text.tsx';
import { ScrollRegion } from '../../components/report-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import type { PublishedPlan } from '../../queries/published.ts';

/** The top page: every plan with a published report, and the latest year each has published. */
export function PlanList(props: { lang: Lang; plans: readonly PublishedPlan[] }) {
  const m = t(props.lang);
  return (
    <>
      <h1 id="plans-heading">{m.planListTitle}</h1>
      <p class="lead">{m.planListIntro}</p>
      {props.plans.length === 0 ? (
        <p>{m.noPlans}</p>
      ) : (
        <ScrollRegion labelledBy="plans-heading">
          <table aria-labelledby="plans-heading">
            <thead>
              <tr>
                <th scope="col">{m.planColumns.plan}</th>
                <th scope="col">{m.planColumns.municipality}</th>
                <th scope="col">{m.planColumns.period}</th>
                <th scope="col">{m.planColumns.latest}</th>
              </tr>
            </thead>
            <tbody>
              {props.plans.map(({ plan, years }) => {
                const latest = years[0];
                return (
                  <tr>
                    <th scope="row">
                      <a href={hrefs.plan(plan.slug)}>
                        <PlanText lang={props.lang} ja={plan.title} en={plan.english?.title} />
                      </a>
                    </th>
                    <td>
                      <PlanText lang={props.lang} ja={plan.municipality} en={plan.english?.municipality} />
                    </td>
                    <td>{m.period(plan.periodFrom, plan.periodTo)}</td>
                    <td>
                      {latest ? (
                        <a href={hrefs.year({ plan: plan.slug, year: latest.year, edition: null })}>
                          {m.yearLong(latest.year)}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
