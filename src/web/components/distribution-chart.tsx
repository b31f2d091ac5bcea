import { raw } from 'hono/html';
import { stableChartSvg } from '../../render/html/chart-figure.ts';
import { escapeHtml } from '../../render/html/escape.ts';
import {
  distributionSvg,
  DISTRIBUTION_CHART_WIDTH,
  type DistributionChart,
} from '../../render/rate-distribution-chart.ts';
import { withoutStyleAttributes } from './kpi-chart.tsx';

/**
 * A distribution across municipalities as a chart drawn on the server, twice (wide, and narrow for a
 * phone, switched by CSS as the trend chart is), described by its caption: any comparison's page frame
 * (rates now, comparable indicators later) draws its histogram through this.
 */
export function DistributionFigure(props: {
  id: string;
  label: string;
  chart: DistributionChart;
  caption: string;
}) {
  const captionId = `${props.id}-caption`;
  const drawn = (size: keyof typeof DISTRIBUTION_CHART_WIDTH) =>
    withoutStyleAttributes(
      stableChartSvg(distributionSvg(props.chart, DISTRIBUTION_CHART_WIDTH[size]), `${props.id}-${size}`),
    ).replace(
      /^<svg\b/,
      `<svg class="chart-${size}" role="img" aria-label="${escapeHtml(props.label)}" aria-describedby="${captionId}" focusable="false"`,
    );
  return (
    <figure class="chart">
      {raw(drawn('wide') + drawn('narrow'))}
      <figcaption id={captionId}>{props.caption}</figcaption>
    </figure>
  );
}
