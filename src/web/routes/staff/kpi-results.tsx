import { DIAGNOSTIC_SEVERITY } from '../../../core/diagnostic.ts';
import type { Evaluation, KpiResult } from '../../../core/evaluation.ts';
import { scoreHeading } from '../../../render/score-cells.ts';
import { InterimTargetFact, ShortfallFact } from '../../components/interim-facts.tsx';
import { ProgressFigures } from '../../components/score-figures.tsx';
import { IdSource } from '../../../render/html/ids.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { diagnosticNames } from '../../../render/names.ts';
import { KpiChart } from '../../components/kpi-chart.tsx';
import { statusClass } from '../../components/report-tables.tsx';
import { t } from '../../i18n/index.ts';
import { DataTable } from '../public/kpi-page.tsx';

/** A KPI's score per series, as every staff and public page shows it (components/score-figures.tsx). */
export { ProgressFigures };

/**
 * What the saved entry produces, computed as the report will: status, progress, the status phrase, the
 * chart, the figures by year and the points a reviewer should check. Shown to the department as it
 * enters and to the office as it reviews, so neither decides without seeing the result.
 */
export function KpiResults(props: { lang: Lang; evaluation: Evaluation; kpi: KpiResult }) {
  const m = t(props.lang);
  const s = m.staffResults;
  const r = messagesFor(props.lang);
  const { evaluation, kpi } = props;
  const ids = new IdSource();
  const names = diagnosticNames(evaluation, r);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{s.heading}</h2>
      <p class="help">{s.intro}</p>
      <dl class="facts">
        <dt>{s.status}</dt>
        <dd class={statusClass(kpi.status)}>{r.status(kpi.status)}</dd>
        <dt>{scoreHeading(evaluation, r)}</dt>
        <dd>
          <ProgressFigures kpi={kpi} ids={ids} lang={props.lang} evaluation={evaluation} />
        </dd>
        <InterimTargetFact kpi={kpi} evaluation={evaluation} lang={props.lang} />
        <ShortfallFact kpi={kpi} evaluation={evaluation} lang={props.lang} ids={ids} />
        <dt>{s.phrase}</dt>
        <dd>{kpi.phrase ? r.phrase(kpi.phrase) : s.noPhrase}</dd>
      </dl>
      <p class="help">{m.formulaHelp}</p>
      <h3 id="data-heading">{s.dataHeading}</h3>
      <DataTable kpi={kpi} m={m} r={r} />
      <h3 id="results-chart-heading">{s.chartHeading}</h3>
      <KpiChart kpi={kpi} evaluation={evaluation} messages={r} labelledBy="results-chart-heading" ids={ids} />
      <h3>{s.diagnosticsHeading}</h3>
      {kpi.diagnostics.length === 0 ? (
        <p>{s.noDiagnostics}</p>
      ) : (
        <ul class="plain-list">
          {kpi.diagnostics.map((d) => (
            <li>
              {m.labelled(r.severity(DIAGNOSTIC_SEVERITY[d.code]))}
              {r.diagnostic(d, names)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
