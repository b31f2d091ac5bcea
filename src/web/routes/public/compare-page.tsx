import type { DecimalString } from '../../../core/decimal.ts';
import type { Change, EvaluationComparison, TallyComparison } from '../../../core/edition-comparison.ts';
import type { Evaluation, KpiResult, Tally } from '../../../core/evaluation.ts';
import { formatRate, NO_FIGURE } from '../../../core/format.ts';
import { messagesFor, type Lang, type Messages } from '../../../render/messages.ts';
import { scoreCell, scoreHeading } from '../../../render/score-cells.ts';
import type { Edition } from '../../../store/editions.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { actualLines, statusText } from '../../components/kpi-years.tsx';
import { tallyText } from '../../components/rate-trend.tsx';
import { ScrollRegion, statusClass } from '../../components/report-tables.tsx';
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

/** A mark beside the word, so a change is told by shape and text as well as colour. */
const MARKS: Readonly<Record<Change, string>> = {
  improved: '▲',
  worsened: '▼',
  new: '＋',
  dropped: '−',
  changed: '～',
  unchanged: '＝',
};

function ChangeCell(props: { change: Change; m: WebMessages }) {
  return (
    <td class={`change change-${props.change}`}>
      <span aria-hidden="true">{MARKS[props.change]} </span>
      {props.m.compare.changes[props.change]}
    </td>
  );
}

const Lines = (props: { lines: readonly string[] }) => (
  <>
    {props.lines.map((line) => (
      <span class="line">{line}</span>
    ))}
  </>
);

function TallyCell(props: { tally: Tally | null; lang: Lang }) {
  return <td class="number">{tallyText(props.tally, props.lang)}</td>;
}

function differenceText(row: TallyComparison, m: WebMessages): string {
  if (row.difference === null) return NO_FIGURE;
  const magnitude = row.difference.replace(/^-/, '') as DecimalString;
  const sign = row.difference.startsWith('-') ? '−' : /[1-9]/.test(magnitude) ? '+' : '±';
  // As the rates themselves are printed (26.7, 0 rather than 0.0), with the sign spelled out.
  return m.compare.points(sign + formatRate(magnitude).replace(/%$/, ''));
}

/** Three cells of one side: actual, score and status, or one cell saying the KPI is not in its plan. */
function SideCells(props: { kpi: KpiResult | null; evaluation: Evaluation; m: WebMessages; r: Messages }) {
  const { kpi, evaluation, m, r } = props;
  if (kpi === null) return <td colspan={3}>{m.compare.absent}</td>;
  return (
    <>
      <td class="number">
        <Lines lines={actualLines(kpi, r)} />
      </td>
      <td class="number">
        <Lines lines={scoreCell(kpi, evaluation, r).lines} />
      </td>
      <td class={statusClass(kpi.status)}>{statusText(kpi, r)}</td>
    </>
  );
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
  const r = messagesFor(props.lang);
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
  const counts = pair
    ? pair.result.kpis.reduce((n, k) => ({ ...n, [k.change]: n[k.change] + 1 }), {
        improved: 0,
        worsened: 0,
        new: 0,
        dropped: 0,
        changed: 0,
        unchanged: 0,
      } as Record<Change, number>)
    : null;
  const goalName = (id: string | null): string => {
    if (id === null) return m.trend.overall;
    const goal =
      pair?.to.evaluation.goals.find((g) => g.id === id) ??
      pair?.from.evaluation.goals.find((g) => g.id === id);
    return goal ? m.goalName(r.goalLabel(goal.kind, goal.number), goal.title) : id;
  };
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
      {pair === null || counts === null ? null : (
        <>
          <section aria-labelledby="compare-rates-heading">
            <h2 id="compare-rates-heading">{m.compare.ratesHeading}</h2>
            <ScrollRegion labelledBy="compare-rates-heading">
              <table class="compare-table" aria-labelledby="compare-rates-heading">
                <thead>
                  <tr>
                    <th scope="col">{m.compare.goal}</th>
                    <th scope="col">{m.compare.change}</th>
                    <th scope="col">
                      {m.labelled(m.compare.from)}
                      <a href={hrefs.year(at(pair.from))}>{side(pair.from)}</a>
                    </th>
                    <th scope="col">
                      {m.labelled(m.compare.to)}
                      <a href={hrefs.year(at(pair.to))}>{side(pair.to)}</a>
                    </th>
                    <th scope="col">{m.compare.difference}</th>
                  </tr>
                </thead>
                <tbody>
                  {[pair.result.overall, ...pair.result.goals].map((row) => (
                    <tr>
                      <th scope="row">{goalName(row.goalId)}</th>
                      <ChangeCell change={row.change} m={m} />
                      <TallyCell tally={row.before} lang={props.lang} />
                      <TallyCell tally={row.after} lang={props.lang} />
                      <td class="number">{differenceText(row, m)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>

          <section aria-labelledby="compare-kpis-heading">
            <h2 id="compare-kpis-heading">{m.compare.kpisHeading}</h2>
            <p>{m.compare.summary(counts)}</p>
            <ScrollRegion labelledBy="compare-kpis-heading">
              <table class="compare-table" aria-labelledby="compare-kpis-heading">
                <thead>
                  <tr>
                    <th scope="col" rowspan={2}>
                      {m.compare.kpi}
                    </th>
                    <th scope="col" rowspan={2}>
                      {m.compare.change}
                    </th>
                    <th scope="colgroup" colspan={3}>
                      {m.labelled(m.compare.from)}
                      {side(pair.from)}
                    </th>
                    <th scope="colgroup" colspan={3}>
                      {m.labelled(m.compare.to)}
                      {side(pair.to)}
                    </th>
                  </tr>
                  <tr>
                    {[pair.from, pair.to].map((report) => (
                      <>
                        <th scope="col">{m.compare.actual}</th>
                        <th scope="col">{scoreHeading(report.evaluation, r)}</th>
                        <th scope="col">{m.compare.status}</th>
                      </>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {pair.result.kpis.map((row) => {
                    const kpi = row.after ?? row.before;
                    const report = row.after ? pair.to : pair.from;
                    return (
                      <tr id={`kpi-${row.id}`}>
                        <th scope="row">
                          <a href={hrefs.kpi(at(report), row.id)}>{kpi?.name ?? row.id}</a>
                        </th>
                        <ChangeCell change={row.change} m={m} />
                        <SideCells kpi={row.before} evaluation={pair.from.evaluation} m={m} r={r} />
                        <SideCells kpi={row.after} evaluation={pair.to.evaluation} m={m} r={r} />
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
    </>
  );
}
