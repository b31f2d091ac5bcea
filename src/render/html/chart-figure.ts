import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import { kpiChartDescription, kpiChartSvg } from '../chart.ts';
import { kpiChartStatements } from '../chart-model.ts';
import type { Messages } from '../messages.ts';
import { escapeHtml } from './escape.ts';
import type { IdSource } from './ids.ts';

/**
 * ECharts numbers the ids and classes of its SVG from counters global to the process (zr0-c0, zr7-cls-3),
 * so the same chart differs from one call to the next and two charts on a page could collide. The ids
 * are renumbered per chart, in order; the classes only serve the interactive hover styles, which a
 * static chart has no use for, so they go with their stylesheet.
 */
export function stableChartSvg(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg
    .replace(/<style\b[\s\S]*?<\/style>\s*/g, '')
    .replace(/\sclass="zr\d+-cls-\d+"/g, '')
    .replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (token, kind: string) => {
      let name = renamed.get(token);
      if (name === undefined) {
        const n = counts.get(kind) ?? 0;
        counts.set(kind, n + 1);
        name = `${prefix}-${kind}${n}`;
        renamed.set(token, name);
      }
      return name;
    });
}

export function chartStatementsHtml(statements: readonly string[]): string {
  if (statements.length === 0) return '';
  return `<ul class="chart-pace">\n${statements.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ul>\n`;
}

/** One KPI's chart as an image with its name, the pace in words beside it, and its data as the caption. */
export function chartFigureHtml(
  kpi: KpiResult,
  evaluation: Evaluation,
  messages: Messages,
  ids: IdSource,
): string {
  const prefix = ids.next('chart-');
  const captionId = `${prefix}-caption`;
  const svg = stableChartSvg(kpiChartSvg(kpi, evaluation, messages), prefix).replace(
    /^<svg\b/,
    `<svg role="img" aria-label="${escapeHtml(kpi.name)}" aria-describedby="${captionId}" focusable="false"`,
  );
  const pace = chartStatementsHtml(kpiChartStatements(kpi, evaluation, messages));
  return `<figure class="chart">\n${svg}\n${pace}<figcaption id="${captionId}">${escapeHtml(kpiChartDescription(kpi, messages))}</figcaption>\n</figure>`;
}
