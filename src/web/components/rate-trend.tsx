import { raw } from 'hono/html';
import type { Evaluation, Tally } from '../../core/evaluation.ts';
import { formatRate, NO_FIGURE } from '../../core/format.ts';
import { stableChartSvg } from '../../render/html/chart-figure.ts';
import type { IdSource } from '../../render/html/ids.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { rateTrendSvg, TREND_CHART_WIDTH, type TrendLine } from '../../render/rate-trend-chart.ts';
import { hrefs } from '../hrefs.ts';
import { t } from '../i18n/index.ts';
import type { EditionReport } from '../queries/published-years.ts';
import { withoutStyleAttributes } from './kpi-chart.tsx';
import { ScrollRegion } from './report-tables.tsx';

/** One row of the trend: the plan's overall tally or a goal's, one per published year (null: not in it). */
interface TrendRow {
  /** Short, for the chart's legend (基本目標 1). */
  readonly name: string;
  /** In full, for the table. */
  readonly title: string;
  readonly tallies: readonly (Tally | null)[];
}

/**
 * The rows of the trend: overall, then the shown evaluation's goals (named in the reader's language),
 * each year's figures taken from that year's own evaluation by goal id, so they equal its page.
 */
export function trendRows(lang: Lang, shown: Evaluation, years: readonly EditionReport[]): TrendRow[] {
  const m = t(lang);
  const r = messagesFor(lang);
  return [
    { name: m.trend.overall, title: m.trend.overall, tallies: years.map((y) => y.evaluation.overall) },
    ...shown.goals.map((goal) => ({
      name: r.goalLabel(goal.kind, goal.number),
      title: m.goalName(r.goalLabel(goal.kind, goal.number), goal.title),
      tallies: years.map((y) => y.evaluation.goals.find((g) => g.id === goal.id) ?? null),
    })),
  ];
}

/** A tally as the trend and the comparison print it: 26.7%（4／15指標）, or — where nothing was evaluated. */
export function tallyText(tally: Tally | null, lang: Lang): string {
  if (tally === null || tally.rate === null) return NO_FIGURE;
  return t(lang).trend.tally(formatRate(tally.rate), tally.achieved, tally.evaluated);
}

function describe(lang: Lang, rows: readonly TrendRow[], years: readonly EditionReport[]): string {
  const m = t(lang);
  return rows
    .map((row) =>
      m.trend.describe(
        row.name,
        years.map((y, i) => m.trend.point(y.evaluation.year, formatRate(row.tallies[i]?.rate ?? null))),
      ),
    )
    .join(m.trend.between);
}

/**
 * 年度ごとの達成率の推移: a chart drawn on the server (no script), its data in words as the caption and
 * in a table, each year linking to its page; the year shown is marked in words.
 */
export function RateTrend(props: {
  lang: Lang;
  plan: string;
  shown: Evaluation;
  years: readonly EditionReport[];
  ids: IdSource;
}) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  const { years } = props;
  const rows = trendRows(props.lang, props.shown, years);
  const lines: TrendLine[] = rows.map((row, i) => ({
    name: row.name,
    rates: row.tallies.map((tally) => tally?.rate ?? null),
    overall: i === 0,
  }));
  const prefix = props.ids.next('chart-');
  const captionId = `${prefix}-caption`;
  // Two drawings of one chart: CSS shows the narrow one on a phone and the wide one elsewhere (display:
  // none also hides the other from screen readers), so its text is legible at either width without script.
  const drawn = (size: keyof typeof TREND_CHART_WIDTH) =>
    withoutStyleAttributes(
      stableChartSvg(
        rateTrendSvg(
          years.map((y) => y.evaluation.year),
          lines,
          TREND_CHART_WIDTH[size],
        ),
        `${prefix}-${size}`,
      ),
    ).replace(
      /^<svg\b/,
      `<svg class="chart-${size}" role="img" aria-label="${m.trend.chartLabel}" aria-describedby="${captionId}" focusable="false"`,
    );
  const chart = years.length < 2 ? null : drawn('wide') + drawn('narrow');
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{m.trend.heading}</h2>
      <p>{m.trend.intro}</p>
      {chart === null ? (
        <p>{m.trend.oneYear}</p>
      ) : (
        <figure class="chart">
          {raw(chart)}
          <figcaption id={captionId}>{describe(props.lang, rows, years)}</figcaption>
        </figure>
      )}
      <h3 id="trend-table-heading">{m.trend.tableHeading}</h3>
      <ScrollRegion labelledBy="trend-table-heading">
        <table class="trend-table" aria-labelledby="trend-table-heading">
          <thead>
            <tr>
              <th scope="col">{m.goalColumns.goal}</th>
              {years.map((y) => (
                <th scope="col">
                  <a href={hrefs.year({ plan: props.plan, year: y.evaluation.year, edition: null })}>
                    {r.yearLabel(y.evaluation.year)}
                  </a>
                  {y.evaluation.year === props.shown.year ? m.currentMarker : null}
                  <span class="line edition-note">{m.edition(y.edition.number)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.title}</th>
                {row.tallies.map((tally) => (
                  <td class="number">{tallyText(tally, props.lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {/* A list item, so the static site, which has no comparison, drops the link whole. */}
      <ul class="plain-list">
        <li>
          <a href={hrefs.compare(props.plan)}>{m.trend.compareLink}</a>
        </li>
      </ul>
    </section>
  );
}
