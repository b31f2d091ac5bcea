import { formatFiscalYearLong, type FiscalYear } from '../../../core/fiscal-year.ts';
import { prefectureByCode, type Prefecture } from '../../../core/prefectures.ts';
import { BANDS } from '../../../core/standing.ts';
import type { RateComparison } from '../../../publish/comparison-rates.ts';
import {
  MEASURES,
  type Measure,
  type RateFigure,
  type StandingRow,
  type Standings,
} from '../../../publish/comparison-standings.ts';
import type { Lang } from '../../../core/language.ts';
import { DistributionFigure } from '../../components/distribution-chart.tsx';
import { PlanText } from '../../components/plan-text.tsx';
import { ScrollRegion } from '../../components/report-tables.tsx';
import { directoryHrefs, hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import { MunicipalityName, prefectureName } from './directory-page.tsx';

/** How the table is sorted: by a rate, highest first (ties by code), or by code. */
export const SORTS = ['overall', 'basic', 'crossCutting', 'code'] as const;
export type Sort = (typeof SORTS)[number];

export interface CompareRatesProps {
  readonly lang: Lang;
  readonly comparison: RateComparison;
  readonly standings: Standings;
  readonly years: readonly FiscalYear[];
  /** The prefectures with a plan compared in the year, for the scope links. */
  readonly prefectures: readonly Prefecture[];
  readonly highlight: string | null;
  readonly sort: Sort;
}

function rateText(figure: RateFigure, lang: Lang): string {
  const w = t(lang).rateCompare;
  if (figure.rate === null || figure.counts === null) return w.noRate;
  return w.rateCell(figure.rate, figure.counts.achieved, figure.counts.evaluated);
}

function sorted(rows: readonly StandingRow[], sort: Sort): StandingRow[] {
  if (sort === 'code') return [...rows];
  // The standing's rank is exact (ties share it): rows without a rate go last, each group by code.
  const rank = (row: StandingRow) => row.standings[sort]?.rank ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** The scope in words: 埼玉県 or 全国. */
export function scopeName(prefecture: string | null, lang: Lang): string {
  const found = prefecture === null ? null : prefectureByCode(prefecture);
  return found ? prefectureName(found, lang) : t(lang).rateCompare.nation;
}

function Highlighted(props: {
  lang: Lang;
  comparison: RateComparison;
  rows: readonly StandingRow[];
  code: string;
}) {
  const w = t(props.lang).rateCompare;
  const scope = props.comparison.prefecture;
  const municipalities = new Set(props.rows.map((r) => r.plan.code)).size;
  const unit = municipalities === props.rows.length ? 'municipality' : 'plan';
  const own = props.rows.filter((r) => r.plan.code === props.code);
  const scopeWords = scope === null ? w.inNation : w.inPrefecture(scopeName(scope, props.lang));
  return (
    <div class="notice highlight-standing" role="note">
      {own.map((row) => {
        const name = row.plan.municipality;
        const plan = props.lang === 'en' && row.plan.englishTitle ? row.plan.englishTitle : row.plan.title;
        const standing = row.standings.overall;
        const rate = row.figures.overall.rate;
        return (
          <p>
            {standing === null || rate === null
              ? w.highlightedNoRate(name, plan)
              : w.highlighted(
                  name,
                  plan,
                  rate,
                  w.standing(
                    scopeWords,
                    standing.total,
                    standing.rank,
                    standing.tied,
                    standing.topPercent,
                    unit,
                  ),
                )}
          </p>
        );
      })}
    </div>
  );
}

/**
 * The comparison of achievement rates: the year and scope as plain links, where the highlighted
 * municipality stands in words, the distribution as a chart with its caption, the medians, and the
 * table (sortable by links), which is the chart's text alternative; the CSV and its dictionary last.
 */
export function CompareRatesPage(props: CompareRatesProps) {
  const m = t(props.lang);
  const w = m.rateCompare;
  const { comparison, standings, lang } = props;
  const scope = scopeName(comparison.prefecture, lang);
  const pref = comparison.prefecture;
  const here = (query: { pref?: string | null; year?: FiscalYear; sort?: Sort }) =>
    directoryHrefs.rates({
      pref: query.pref === undefined ? pref : query.pref,
      year: query.year ?? comparison.year,
      ...(props.highlight ? { highlight: props.highlight } : {}),
      ...((query.sort ?? props.sort) === 'overall' ? {} : { sort: query.sort ?? props.sort }),
    });
  const distribution = standings.distributions.overall;
  const bandLabels = Array.from({ length: BANDS }, (_, i) => w.band(i * 10, i * 10 + 10));
  const highlightRow = props.highlight
    ? standings.rows.find((r) => r.plan.code === props.highlight)
    : undefined;
  const highlightBand = (() => {
    const share = highlightRow?.figures.overall.ratio;
    if (!share) return null;
    return Math.min(BANDS - 1, Math.floor((BANDS * share.part) / share.of));
  })();
  const caption = w.describe(
    bandLabels.map((band, i) => w.bandText(band, distribution.counts[i] ?? 0)),
    distribution.median.rate,
    distribution.missing,
  );
  const columns: Record<Measure, string> = {
    overall: w.columns.overall,
    basic: w.columns.basic,
    crossCutting: w.columns.crossCutting,
  };
  const sortHeading = (measure: Measure) => (
    <th scope="col" aria-sort={props.sort === measure ? 'descending' : undefined}>
      <a href={here({ sort: measure })} aria-label={w.sortBy(columns[measure])}>
        {columns[measure]}
      </a>
      {props.sort === measure ? <span class="sort-mark">{w.sortedBy}</span> : null}
    </th>
  );
  return (
    <>
      <h1>{w.heading(scope, comparison.year)}</h1>
      <p class="lead">{w.intro}</p>
      <nav class="choice-nav" aria-label={w.yearsNav}>
        <span class="choice-label">{w.choiceLabel(w.yearsNav)}</span>
        <ul class="inline-list">
          {props.years.map((year) => (
            <li>
              {year === comparison.year ? (
                <span aria-current="page">{formatFiscalYearLong(year)}</span>
              ) : (
                <a href={here({ year })}>{formatFiscalYearLong(year)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <nav class="choice-nav" aria-label={w.scopeNav}>
        <span class="choice-label">{w.choiceLabel(w.scopeNav)}</span>
        <ul class="inline-list">
          <li>
            {pref === null ? (
              <span aria-current="page">{w.wholeNation}</span>
            ) : (
              <a href={here({ pref: null })}>{w.wholeNation}</a>
            )}
          </li>
          {props.prefectures.map((p) => (
            <li>
              {p.code === pref ? (
                <span aria-current="page">{prefectureName(p, lang)}</span>
              ) : (
                <a href={here({ pref: p.code })}>{prefectureName(p, lang)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {standings.rows.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <>
          {props.highlight ? (
            <Highlighted lang={lang} comparison={comparison} rows={standings.rows} code={props.highlight} />
          ) : null}
          <section aria-labelledby="distribution-heading">
            <h2 id="distribution-heading">{w.chartHeading}</h2>
            <DistributionFigure
              id="rate-distribution"
              label={w.chartLabel(scope)}
              caption={caption}
              chart={{
                bands: bandLabels,
                counts: distribution.counts,
                highlight: highlightBand === null ? null : { band: highlightBand, marker: w.highlightMarker },
                axisName: w.axisPlans,
              }}
            />
            {highlightBand === null ? null : <p class="help">{w.highlightedBand}</p>}
            <h3 id="medians-heading">{w.medians}</h3>
            <ul class="plain-list" aria-labelledby="medians-heading">
              {MEASURES.map((measure) => (
                <li>{w.medianText(columns[measure], standings.distributions[measure].median.rate)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="rate-table-heading">
            <h2 id="rate-table-heading">{w.tableHeading}</h2>
            <p id="rate-table-caption">{w.tableCaption(standings.rows.length)}</p>
            <ScrollRegion labelledBy="rate-table-heading">
              <table
                class="plan-list rate-table"
                aria-labelledby="rate-table-heading"
                aria-describedby="rate-table-caption"
              >
                <thead>
                  <tr>
                    <th scope="col">{w.columns.rank}</th>
                    <th scope="col" aria-sort={props.sort === 'code' ? 'ascending' : undefined}>
                      <a href={here({ sort: 'code' })} aria-label={w.sortByCode}>
                        {w.columns.municipality}
                      </a>
                      {props.sort === 'code' ? <span class="sort-mark">{w.sortedBy}</span> : null}
                    </th>
                    <th scope="col">{w.columns.plan}</th>
                    {sortHeading('overall')}
                    {sortHeading('basic')}
                    {sortHeading('crossCutting')}
                  </tr>
                </thead>
                <tbody>
                  {sorted(standings.rows, props.sort).map((row) => {
                    const rankBy = props.sort === 'code' ? 'overall' : props.sort;
                    const standing = row.standings[rankBy];
                    const mine = row.plan.code === props.highlight;
                    return (
                      <tr class={mine ? 'highlighted' : undefined}>
                        <td class="number">
                          {standing === null ? w.noRate : standing.rank}
                          {standing !== null && standing.tied > 1 ? <span class="tie"> {w.tie}</span> : null}
                        </td>
                        <th scope="row">
                          {mine ? <span aria-hidden="true">{w.highlightMarker}</span> : null}
                          <a href={directoryHrefs.municipality(row.plan.code)}>
                            <MunicipalityName lang={lang} name={row.plan.municipality} />
                          </a>
                          <span class="line code-note">{row.plan.code}</span>
                        </th>
                        <td>
                          <a href={hrefs.year({ plan: row.plan.slug, year: comparison.year, edition: null })}>
                            <PlanText lang={lang} ja={row.plan.title} en={row.plan.englishTitle} />
                          </a>
                        </td>
                        {MEASURES.map((measure) => (
                          <td class="number">{rateText(row.figures[measure], lang)}</td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
          <ul class="download-list">
            <li>
              <a href={directoryHrefs.ratesCsv({ pref, year: comparison.year })}>{w.csv}</a>
            </li>
            <li>
              <a href={directoryHrefs.ratesDictionary}>{w.dictionary}</a>
            </li>
          </ul>
        </>
      )}
    </>
  );
}
