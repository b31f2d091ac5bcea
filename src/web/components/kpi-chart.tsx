import { raw } from 'hono/html';
import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import { kpiChartDescription, kpiChartSvg } from '../../render/chart.ts';
import { kpiChartStatements } from '../../render/chart-model.ts';
import { stableChartSvg } from '../../render/html/chart-figure.ts';
import type { IdSource } from '../../render/html/ids.ts';
import type { Messages } from '../../render/messages.ts';

/**
 * ECharts writes font settings as style attributes, which the app's Content-Security-Policy (no inline
 * styles) would drop; SVG takes the same settings as presentation attributes, which it allows.
 */
export function withoutStyleAttributes(svg: string): string {
  return svg.replace(/\sstyle="([^"]*)"/g, (_, declarations: string) =>
    declarations
      .split(';')
      .map((declaration) => {
        const colon = declaration.indexOf(':');
        const name = declaration.slice(0, colon).trim();
        const value = declaration.slice(colon + 1).trim();
        return colon > 0 && /^[a-z-]+$/.test(name) ? ` ${name}="${value}"` : '';
      })
      .join(''),
  );
}

/**
 * A KPI's chart, drawn by the same renderer as the reports, inline so it needs no request; its data in
 * words is the caption. ECharts escapes the text it draws (KPI names, labels), so the markup is safe
 * to embed as it is; the chart is labelled by the page's heading rather than by a copy of plan text.
 */
export function KpiChart(props: {
  kpi: KpiResult;
  evaluation: Evaluation;
  messages: Messages;
  labelledBy: string;
  ids: IdSource;
}) {
  const prefix = props.ids.next('chart-');
  const captionId = `${prefix}-caption`;
  const svg = withoutStyleAttributes(
    stableChartSvg(kpiChartSvg(props.kpi, props.evaluation, props.messages), prefix),
  ).replace(
    /^<svg\b/,
    `<svg role="img" aria-labelledby="${props.labelledBy}" aria-describedby="${captionId}" focusable="false"`,
  );
  const statements = kpiChartStatements(props.kpi, props.evaluation, props.messages);
  return (
    <figure class="chart">
      {/* On a phone the chart keeps a legible size and scrolls sideways; the box takes focus so a
          keyboard can scroll it too. */}
      <div class="chart-scroll" tabindex={0} role="group" aria-labelledby={props.labelledBy}>
        {raw(svg)}
      </div>
      {statements.length > 0 && (
        <ul class="chart-pace">
          {statements.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      )}
      <figcaption id={captionId}>{kpiChartDescription(props.kpi, props.messages)}</figcaption>
    </figure>
  );
}
