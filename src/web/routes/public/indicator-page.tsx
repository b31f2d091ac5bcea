import { raw } from 'hono/html';
import type { DecimalString } from '../../../core/decimal.ts';
import { formatFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { formatNumber, formatPercent, NO_FIGURE } from '../../../core/format.ts';
import { standingOf, type ComparisonGroup } from '../../../core/indicator-comparison.ts';
import { INDICATORS, type Indicator } from '../../../core/indicators.ts';
import { prefectureByCode, PREFECTURES } from '../../../core/prefectures.ts';
import { stableChartSvg } from '../../../render/html/chart-figure.ts';
import { indicatorChartSvg } from '../../../render/indicator-chart.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { PlanText } from '../../components/plan-text.tsx';
import { withoutStyleAttributes } from '../../components/kpi-chart.tsx';
import { ScrollRegion } from '../../components/report-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t } from '../../i18n/index.ts';
import type { IndicatorComparison, IndicatorRow } from '../../queries/indicator-comparison.ts';
import { LONGEST_INDICATOR_CHOICE, type IndicatorChoices } from './indicator-query.ts';
import { KeptParts, textBytes } from './kept-parts.ts';

/** The comparable-KPI pages' addresses, in one place. */
export const indicatorHrefs = {
  list: '/compare/indicators',
  page: (
    code: string,
    q: { pref: string | null; year: FiscalYear | null; highlight?: string | null },
  ): string => `/compare/indicators/${code}${query(q)}`,
  csv: (code: string, q: { pref: string | null; year: FiscalYear | null }): string =>
    `/compare/indicators/${code}.csv${query(q)}`,
  dictionary: '/compare/indicators/data-dictionary.csv',
};

function query(q: { pref: string | null; year: FiscalYear | null; highlight?: string | null }): string {
  const params = new URLSearchParams();
  if (q.pref !== null) params.set('pref', q.pref);
  if (q.year !== null) params.set('year', formatFiscalYear(q.year));
  if (q.highlight) params.set('highlight', q.highlight);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const indicatorName = (indicator: Indicator, lang: Lang): string =>
  lang === 'ja' ? indicator.ja : indicator.en;

export function basisText(indicator: Indicator, lang: Lang): string {
  const w = t(lang).indicators;
  return indicator.perResidents === null ? w.asItStands : w.perResidents(indicator.perResidents);
}

export function scopeName(prefecture: string | null, lang: Lang): string {
  const found = prefecture === null ? null : prefectureByCode(prefecture);
  if (!found) return t(lang).indicators.nation;
  return lang === 'ja' ? found.ja : found.en;
}

/** /compare/indicators: every indicator with how many published plans report it. */
export function IndicatorList(props: { lang: Lang; counts: ReadonlyMap<string, number> }) {
  const w = t(props.lang).indicators;
  return (
    <>
      <h1 id="indicators-heading">{w.listTitle}</h1>
      <p class="lead">{w.listIntro}</p>
      <ScrollRegion labelledBy="indicators-heading">
        <table class="plan-list" aria-labelledby="indicators-heading">
          <thead>
            <tr>
              <th scope="col">{w.listColumns.indicator}</th>
              <th scope="col">{w.listColumns.unit}</th>
              <th scope="col">{w.listColumns.basis}</th>
              <th scope="col">{w.listColumns.better}</th>
              <th scope="col">{w.listColumns.plans}</th>
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((indicator) => {
              const unit = props.lang === 'ja' ? indicator.unit.ja : indicator.unit.en;
              return (
                <tr>
                  <th scope="row">
                    <a href={indicatorHrefs.page(indicator.code, { pref: null, year: null })}>
                      {indicatorName(indicator, props.lang)}
                    </a>
                  </th>
                  <td>{unit === '' ? w.noUnit : unit}</td>
                  <td>{basisText(indicator, props.lang)}</td>
                  <td>{w.better[indicator.better]}</td>
                  <td class="number">{w.plans(props.counts.get(indicator.code) ?? 0)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function ChoiceForm(props: {
  lang: Lang;
  indicator: Indicator;
  choices: IndicatorChoices;
  years: readonly FiscalYear[];
  year: FiscalYear | null;
  problems: readonly string[];
}) {
  const m = t(props.lang);
  const w = m.indicators;
  return (
    <form
      class="compare-form"
      method="get"
      action={indicatorHrefs.page(props.indicator.code, { pref: null, year: null })}
    >
      {props.problems.length > 0 ? (
        <div class="notice error-summary" role="alert" aria-labelledby="indicator-problems-heading">
          <p id="indicator-problems-heading" class="notice-label">
            {w.problemsHeading}
          </p>
          <ul>
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <label for="indicator-pref">{w.scopeLabel}</label>
        <select id="indicator-pref" name="pref">
          <option value="" selected={props.choices.prefecture === null}>
            {w.nation}
          </option>
          {PREFECTURES.map((p) => (
            <option value={p.code} selected={props.choices.prefecture === p.code}>
              {props.lang === 'ja' ? p.ja : p.en}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="indicator-year">{w.yearLabel}</label>
        <select id="indicator-year" name="year">
          {props.years.map((y) => (
            <option value={formatFiscalYear(y)} selected={props.year === y}>
              {m.yearLong(y)}
            </option>
          ))}
        </select>
      </p>
      {props.choices.highlight ? (
        <input
          type="hidden"
          name="highlight"
          value={props.choices.highlight}
          maxlength={LONGEST_INDICATOR_CHOICE}
        />
      ) : null}
      <p>
        <button type="submit">{w.show}</button>
      </p>
    </form>
  );
}

const shownNumber = (value: DecimalString): string => formatNumber(value);

const plainName = (row: IndicatorRow, lang: Lang): string =>
  lang === 'en' ? (row.english.municipality ?? row.municipality) : row.municipality;

function rowName(row: IndicatorRow, lang: Lang) {
  return <PlanText lang={lang} ja={row.municipality} en={row.english.municipality} />;
}

type GroupProps = {
  lang: Lang;
  indicator: Indicator;
  comparison: IndicatorComparison;
  group: ComparisonGroup<IndicatorRow>;
  index: number;
  highlight: string | null;
};

/**
 * Rows drawn once per comparison and language, charts once per comparison, language, width and
 * highlighted code; outside the edition cache's count, so with budgets of their own (a nation's rows in
 * both languages are about 2 MB, a chart pair about 0.15 MB).
 */
const keptRows = new KeptParts<readonly string[]>(16 * 1024 * 1024, (rows) =>
  rows.reduce((sum, row) => sum + textBytes(row), 0),
);
const keptCharts = new KeptParts<string>(8 * 1024 * 1024, textBytes);

function RankedRow(props: {
  lang: Lang;
  indicator: Indicator;
  comparison: IndicatorComparison;
  row: ComparisonGroup<IndicatorRow>['ranked'][number];
  highlighted: boolean;
}) {
  const { lang, row, comparison } = props;
  const w = t(lang).indicators;
  const r = messagesFor(lang);
  const per = props.indicator.perResidents;
  const item = row.item;
  const at = { plan: item.slug, year: comparison.year, edition: null };
  return (
    <tr class={props.highlighted ? 'highlighted' : undefined}>
      <td class="number">{w.ranked(row.rank, row.tied)}</td>
      <th scope="row">{props.highlighted ? <strong>{rowName(item, lang)}</strong> : rowName(item, lang)}</th>
      <td>
        <a href={hrefs.kpi(at, item.kpiId)}>
          <PlanText lang={lang} ja={item.kpiName} en={item.english.kpiName} />
        </a>
        <span class="line edition-note">
          <PlanText lang={lang} ja={item.planTitle} en={item.english.planTitle} />
        </span>
      </td>
      <td class="number">{item.printed ?? `${shownNumber(row.figure)}${item.unit ?? ''}`}</td>
      {per === null ? null : (
        <td class="number">{row.perResidents === null ? NO_FIGURE : shownNumber(row.perResidents)}</td>
      )}
      <td class="number">
        {item.population === null
          ? NO_FIGURE
          : w.populationText(shownNumber(item.population.value), item.population.year)}
      </td>
      <td>{r.status(item.status)}</td>
      <td class="number">{formatPercent(item.progress)}</td>
    </tr>
  );
}

function rowHtml(
  props: GroupProps,
  row: ComparisonGroup<IndicatorRow>['ranked'][number],
  highlighted: boolean,
) {
  const html = (
    <RankedRow
      lang={props.lang}
      indicator={props.indicator}
      comparison={props.comparison}
      row={row}
      highlighted={highlighted}
    />
  ).toString();
  // A row holds no asynchronous component, so it is drawn at once; a promise here is a mistake in code.
  if (typeof html !== 'string') throw new Error('a ranked row was drawn asynchronously');
  return html;
}

/** The ranked rows' HTML: each drawn once per comparison and language, the highlighted ones anew. */
function rankedRows(props: GroupProps, isHighlighted: (item: IndicatorRow) => boolean): string {
  const plain = keptRows.get(props.group, `${props.lang} ${props.index}`, () =>
    props.group.ranked.map((row) => rowHtml(props, row, false)),
  );
  return props.group.ranked
    .map((row, i) => (isHighlighted(row.item) ? rowHtml(props, row, true) : (plain[i] ?? '')))
    .join('');
}

function GroupSection(props: GroupProps) {
  const { lang, indicator, group, comparison } = props;
  const m = t(lang);
  const w = m.indicators;
  const label = group.label ?? w.groupAll;
  const heading = `indicator-group-${props.index}`;
  const scope = scopeName(comparison.prefecture, lang);
  const isHighlighted = (row: IndicatorRow) =>
    props.highlight !== null && row.municipalityCode === props.highlight;
  const standing = standingOf(group, isHighlighted);
  const highlighted =
    group.ranked.find((row) => isHighlighted(row.item)) ?? group.apart.find((row) => isHighlighted(row.item));
  const unit = lang === 'ja' ? indicator.unit.ja : indicator.unit.en;
  const per = indicator.perResidents;
  // A chart changes with its highlighted bars alone: kept per language, width and highlighted code.
  const drawnHighlight = group.ranked.some((row) => isHighlighted(row.item)) ? props.highlight : '';
  const distribution = group.distribution;
  const chart = (width: number, size: string) =>
    distribution === null
      ? ''
      : keptCharts.get(group, `${lang} ${size} ${props.index} ${drawnHighlight}`, () =>
          withoutStyleAttributes(
            stableChartSvg(
              indicatorChartSvg(
                group.ranked.map((row) => ({
                  value: row.perResidents ?? row.figure,
                  highlighted: isHighlighted(row.item),
                })),
                distribution.median,
                {
                  median: w.median(shownNumber(distribution.median)),
                  highlight:
                    standing && highlighted
                      ? w.highlightLabel(plainName(highlighted.item, lang), standing.rank)
                      : null,
                  axis: w.axis(basisText(indicator, lang), unit),
                },
                width,
              ),
              `${heading}-${size}`,
            ),
          ).replace(
            /^<svg\b/,
            `<svg class="chart-${size}" role="img" aria-label="${w.chartTitle(label)}" aria-describedby="${heading}-caption" focusable="false"`,
          ),
        );
  return (
    <section aria-labelledby={heading}>
      {comparison.groups.length > 1 || group.label !== null ? (
        <h2 id={heading}>{label}</h2>
      ) : (
        <h2 id={heading}>{w.chartTitle(w.groupAll)}</h2>
      )}
      {highlighted ? (
        <p class="lead">
          <strong>
            {standing
              ? w.standingOf(
                  plainName(highlighted.item, lang),
                  w.standing(scope, standing.of, standing.rank, standing.tied),
                )
              : w.notRanked(plainName(highlighted.item, lang))}
          </strong>
        </p>
      ) : null}
      {group.distribution === null ? null : (
        <figure class="chart">
          {raw(chart(880, 'wide') + chart(360, 'narrow'))}
          <figcaption id={`${heading}-caption`}>
            {w.chartSummary(
              group.distribution.count,
              shownNumber(group.distribution.median),
              shownNumber(group.distribution.q1),
              shownNumber(group.distribution.q3),
            )}
          </figcaption>
        </figure>
      )}
      {group.ranked.length === 0 ? null : (
        <ScrollRegion labelledBy={`${heading}-table`}>
          <table class="plan-list indicator-table" aria-labelledby={`${heading}-table`}>
            <caption id={`${heading}-table`}>{w.tableCaption(label)}</caption>
            <thead>
              <tr>
                <th scope="col">{w.columns.rank}</th>
                <th scope="col">{w.columns.municipality}</th>
                <th scope="col">{w.columns.plan}</th>
                <th scope="col">{w.columns.figure}</th>
                {per === null ? null : <th scope="col">{w.columns.perResidents(per)}</th>}
                <th scope="col">{w.columns.population}</th>
                <th scope="col">{w.columns.status}</th>
                <th scope="col">{w.columns.progress}</th>
              </tr>
            </thead>
            <tbody>{raw(rankedRows(props, (item) => isHighlighted(item)))}</tbody>
          </table>
        </ScrollRegion>
      )}
      {group.apart.length === 0 ? null : (
        <>
          <h3 id={`${heading}-apart`}>{w.apartTitle}</h3>
          <p>{w.apartIntro}</p>
          <ScrollRegion labelledBy={`${heading}-apart`}>
            <table class="plan-list" aria-labelledby={`${heading}-apart`}>
              <thead>
                <tr>
                  <th scope="col">{w.columns.municipality}</th>
                  <th scope="col">{w.columns.plan}</th>
                  <th scope="col">{w.columns.reason}</th>
                </tr>
              </thead>
              <tbody>
                {group.apart.map((row) => (
                  <tr>
                    <th scope="row">{rowName(row.item, lang)}</th>
                    <td>
                      <a
                        href={hrefs.kpi(
                          { plan: row.item.slug, year: comparison.year, edition: null },
                          row.item.kpiId,
                        )}
                      >
                        <PlanText lang={lang} ja={row.item.kpiName} en={row.item.english.kpiName} />
                      </a>
                    </td>
                    <td>{w.reason(row.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

/** /compare/indicators/<code>: one indicator across the municipalities of a prefecture or the nation. */
export function IndicatorPage(props: {
  lang: Lang;
  indicator: Indicator;
  choices: IndicatorChoices;
  years: readonly FiscalYear[];
  year: FiscalYear | null;
  comparison: IndicatorComparison | null;
  problems: readonly string[];
}) {
  const { lang, indicator, comparison } = props;
  const w = t(lang).indicators;
  const name = indicatorName(indicator, lang);
  const scope = scopeName(props.choices.prefecture, lang);
  const empty =
    comparison === null || comparison.groups.every((g) => g.ranked.length === 0 && g.apart.length === 0);
  return (
    <>
      <p>
        <a href={indicatorHrefs.list}>{w.backToList}</a>
      </p>
      <h1>{props.year === null || props.problems.length > 0 ? name : w.title(name, scope, props.year)}</h1>
      <p>{w.basisNote(basisText(indicator, lang))}</p>
      <p class="help">
        {w.yearNote} {w.source(lang === 'ja' ? indicator.source.ja : indicator.source.en)}
      </p>
      <ChoiceForm
        lang={lang}
        indicator={indicator}
        choices={props.choices}
        years={props.years}
        year={props.year}
        problems={props.problems}
      />
      {props.problems.length > 0 ? null : empty ? (
        <p>{w.noRows}</p>
      ) : (
        comparison.groups.map((group, index) => (
          <GroupSection
            lang={lang}
            indicator={indicator}
            comparison={comparison}
            group={group}
            index={index}
            highlight={props.choices.highlight}
          />
        ))
      )}
      {props.year === null || empty ? null : (
        <ul class="plain-list">
          <li>
            <a
              href={indicatorHrefs.csv(indicator.code, { pref: props.choices.prefecture, year: props.year })}
              download
            >
              {w.csv(scope)}
            </a>
          </li>
          <li>
            <a href={indicatorHrefs.dictionary} download>
              {w.dictionaryLink}
            </a>
          </li>
        </ul>
      )}
    </>
  );
}
