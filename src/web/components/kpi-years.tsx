import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import { withSeriesLabel } from '../../core/format.ts';
import { messagesFor, type Messages } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { scoreCell, scoreHeading } from '../../render/score-cells.ts';
import { entryText } from '../../render/target-text.ts';
import { hrefs } from '../hrefs.ts';
import { t } from '../i18n/index.ts';
import type { EditionReport } from '../queries/published-years.ts';
import { ScrollRegion, statusClass } from './report-tables.tsx';

/** The KPI's actual in the evaluated year, a line per series (男性：18.88年). */
export function actualLines(kpi: KpiResult, r: Messages): string[] {
  return kpi.series.map((s) => withSeriesLabel(s.label, entryText(s.actual, s.unit, r)));
}

/** The KPI's status in words, as its own page prints it (評価なし for a KPI without a numeric target). */
export function statusText(kpi: KpiResult, r: Messages): string {
  return kpi.unscored && kpi.status === 'not_evaluated' ? r.targets.noTarget : r.status(kpi.status);
}

const Lines = (props: { lines: readonly string[] }) => (
  <>
    {props.lines.map((line) => (
      <span class="line">{line}</span>
    ))}
  </>
);

/**
 * 年度ごとの評価: the KPI in each published year's latest edition, oldest first, each year linking to
 * the KPI's page of that year; the year shown is marked in words. Figures come from each year's own
 * evaluation, so they equal that year's page.
 */
export function KpiYears(props: {
  lang: Lang;
  plan: string;
  kpiId: string;
  shown: Evaluation;
  years: readonly EditionReport[];
}) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  return (
    <section aria-labelledby="kpi-years-heading">
      <h2 id="kpi-years-heading">{m.kpiYears.heading}</h2>
      <p>{m.kpiYears.intro}</p>
      <ScrollRegion labelledBy="kpi-years-heading">
        <table class="kpi-years-table" aria-labelledby="kpi-years-heading">
          <thead>
            <tr>
              <th scope="col">{m.kpiYears.year}</th>
              <th scope="col">{m.kpiYears.edition}</th>
              <th scope="col">{m.kpiYears.actual}</th>
              <th scope="col">{scoreHeading(props.shown, r)}</th>
              <th scope="col">{m.kpiYears.status}</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map(({ edition, evaluation }) => {
              const kpi = evaluation.kpis.find((k) => k.id === props.kpiId);
              const year = evaluation.year;
              return (
                <tr>
                  <th scope="row">
                    {kpi ? (
                      <a href={hrefs.kpi({ plan: props.plan, year, edition: null }, props.kpiId)}>
                        {m.yearLong(year)}
                      </a>
                    ) : (
                      m.yearLong(year)
                    )}
                    {year === props.shown.year ? m.currentMarker : null}
                  </th>
                  <td>{m.edition(edition.number)}</td>
                  {kpi ? (
                    <>
                      <td class="number">
                        <Lines lines={actualLines(kpi, r)} />
                      </td>
                      <td class="number">
                        <Lines lines={scoreCell(kpi, evaluation, r).lines} />
                      </td>
                      <td class={statusClass(kpi.status)}>{statusText(kpi, r)}</td>
                    </>
                  ) : (
                    <td colspan={3}>{m.kpiYears.notInPlan}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
