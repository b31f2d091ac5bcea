import type { EvaluationComparison } from '../../../core/edition-comparison.ts';
import type { Lang } from '../../../core/language.ts';
import type { Edition } from '../../../store/editions.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import {
  changeCounts,
  KpisComparison,
  RatesComparison,
  type ComparedSide,
} from '../../components/comparison-tables.tsx';
import { hrefs } from '../../hrefs.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import type { PublishedPlan } from '../../queries/published.ts';
import type { EditionReport } from '../../queries/published-years.ts';
import { choiceValue } from './compare-query.ts';

export interface ComparedPair {
  readonly from: EditionReport;
  readonly to: EditionReport;
  readonly result: EvaluationComparison;
}

function ChoiceSelect(props: {
  name: 'from' | 'to';
  label: string;
  published: PublishedPlan;
  selected: Edition | null;
  m: WebMessages;
}) {
  const { published, selected, m } = props;
  return (
    <p class="field">
      <label for={`compare-${props.name}`}>{props.label}</label>
      <select id={`compare-${props.name}`} name={props.name}>
        {published.years.map(({ year, editions }) => {
          const latest = editions.at(-1);
          return [...editions].reverse().map((edition) => {
            const isLatest = edition === latest;
            return (
              <option
                value={choiceValue(edition, isLatest)}
                selected={selected?.fiscalYear === year && selected.number === edition.number}
              >
                {isLatest
                  ? m.compare.latestOption(year, edition.number)
                  : m.compare.editionOption(year, edition.number)}
              </option>
            );
          });
        })}
      </select>
    </p>
  );
}

/**
 * 年度・版の比較: a GET form with two selects (works without script), then, for a valid pair, the
 * tallies side by side and each KPI's actual, score and status in both, with what changed in words,
 * a mark and colour, in the column after the name so a phone shows it before the table scrolls. Problems with the choices are listed at the top, naming the field.
 */
export function ComparePage(props: {
  lang: Lang;
  published: PublishedPlan;
  planTitle: string;
  selected: { from: Edition | null; to: Edition | null };
  problems: readonly string[];
  pair: ComparedPair | null;
}) {
  const m = t(props.lang);
  const { published, pair } = props;
  const slug = published.plan.slug;
  const editionCount = published.years.reduce((n, y) => n + y.editions.length, 0);
  const side = (report: EditionReport) => m.compare.shown(report.evaluation.year, report.edition.number);
  const at = (report: EditionReport) => ({
    plan: slug,
    year: report.evaluation.year,
    edition:
      report.edition.number ===
      published.years.find((y) => y.year === report.evaluation.year)?.editions.at(-1)?.number
        ? null
        : report.edition.number,
  });
  const sideOf = (report: EditionReport): ComparedSide => ({
    label: side(report),
    href: hrefs.year(at(report)),
    evaluation: report.evaluation,
  });
  const sides = pair ? { from: sideOf(pair.from), to: sideOf(pair.to), result: pair.result } : null;
  return (
    <>
      <Breadcrumbs
        lang={props.lang}
        trail={[
          { href: '/', label: m.navPlans },
          { href: hrefs.plan(slug), label: props.planTitle },
        ]}
        current={m.compare.title}
      />
      <h1>
        {m.compare.title}
        {pair ? <span class="h1-sub">{m.compare.fromTo(side(pair.from), side(pair.to))}</span> : null}
      </h1>
      <p>{m.compare.intro}</p>
      {props.problems.length === 0 ? null : (
        <div class="notice error-summary" role="alert" aria-labelledby="compare-problems-heading">
          <p id="compare-problems-heading" class="notice-label">
            {m.compare.problemsHeading}
          </p>
          <ul>
            {props.problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {editionCount < 2 ? (
        <p>{m.compare.onlyOne}</p>
      ) : (
        <form method="get" action={hrefs.compare(slug)} class="compare-form">
          <ChoiceSelect
            name="from"
            label={m.compare.from}
            published={published}
            selected={props.selected.from}
            m={m}
          />
          <ChoiceSelect
            name="to"
            label={m.compare.to}
            published={published}
            selected={props.selected.to}
            m={m}
          />
          <p>
            <button type="submit">{m.compare.submit}</button>
          </p>
        </form>
      )}
      {pair === null || sides === null ? null : (
        <>
          <section aria-labelledby="compare-rates-heading">
            <h2 id="compare-rates-heading">{m.compare.ratesHeading}</h2>
            <RatesComparison lang={props.lang} {...sides} headingId="compare-rates-heading" />
          </section>

          <section aria-labelledby="compare-kpis-heading">
            <h2 id="compare-kpis-heading">{m.compare.kpisHeading}</h2>
            <p>{m.compare.summary(changeCounts(pair.result))}</p>
            <KpisComparison
              lang={props.lang}
              {...sides}
              headingId="compare-kpis-heading"
              rows={pair.result.kpis}
              kpiHref={(row) => hrefs.kpi(at(row.after ? pair.to : pair.from), row.id)}
            />
          </section>
        </>
      )}
    </>
  );
}
