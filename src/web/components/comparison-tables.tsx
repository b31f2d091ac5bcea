import type { DecimalString } from '../../core/decimal.ts';
import type {
  Change,
  EvaluationComparison,
  KpiComparison,
  TallyComparison,
} from '../../core/edition-comparison.ts';
import type { Evaluation, KpiResult, Tally } from '../../core/evaluation.ts';
import { formatRate, NO_FIGURE } from '../../core/format.ts';
import { messagesFor, type Messages } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { scoreCell, scoreHeading } from '../../render/score-cells.ts';
import { t, type WebMessages } from '../i18n/index.ts';
import { actualLines, statusText } from './kpi-years.tsx';
import { tallyText } from './rate-trend.tsx';
import { ScrollRegion, statusClass } from './report-tables.tsx';

/** One side of a comparison: how it is named, where its page is (none for a staff draft), what it says. */
export interface ComparedSide {
  readonly label: string;
  readonly href: string | null;
  readonly evaluation: Evaluation;
}

export interface ComparisonProps {
  readonly lang: Lang;
  readonly from: ComparedSide;
  readonly to: ComparedSide;
  readonly result: EvaluationComparison;
}

/** How many KPIs changed in each way, for the sentence above the table. */
export function changeCounts(result: EvaluationComparison): Record<Change, number> {
  const counts: Record<Change, number> = {
    improved: 0,
    worsened: 0,
    new: 0,
    dropped: 0,
    changed: 0,
    unchanged: 0,
  };
  for (const k of result.kpis) counts[k.change]++;
  return counts;
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

const SideName = (props: { side: ComparedSide }) =>
  props.side.href === null ? <>{props.side.label}</> : <a href={props.side.href}>{props.side.label}</a>;

/**
 * 達成率の比較: the overall tally and each goal's, side by side, with what changed (next to the name, so
 * a phone shows it before the table scrolls) and the difference in points.
 */
export function RatesComparison(props: ComparisonProps & { headingId: string }) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  const goalName = (id: string | null): string => {
    if (id === null) return m.trend.overall;
    const goal =
      props.to.evaluation.goals.find((g) => g.id === id) ??
      props.from.evaluation.goals.find((g) => g.id === id);
    return goal ? m.goalName(r.goalLabel(goal.kind, goal.number), goal.title) : id;
  };
  return (
    <ScrollRegion labelledBy={props.headingId}>
      <table class="compare-table" aria-labelledby={props.headingId}>
        <thead>
          <tr>
            <th scope="col">{m.compare.goal}</th>
            <th scope="col">{m.compare.change}</th>
            <th scope="col">
              {m.labelled(m.compare.from)}
              <SideName side={props.from} />
            </th>
            <th scope="col">
              {m.labelled(m.compare.to)}
              <SideName side={props.to} />
            </th>
            <th scope="col">{m.compare.difference}</th>
          </tr>
        </thead>
        <tbody>
          {[props.result.overall, ...props.result.goals].map((row) => (
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
  );
}

/**
 * 数値目標ごとの比較: each KPI's actual, score and status on both sides and what changed; `rows` may be
 * a selection (the staff page lists only the KPIs that changed).
 */
export function KpisComparison(
  props: ComparisonProps & {
    headingId: string;
    rows: readonly KpiComparison[];
    kpiHref: (row: KpiComparison) => string;
  },
) {
  const m = t(props.lang);
  const r = messagesFor(props.lang);
  return (
    <ScrollRegion labelledBy={props.headingId}>
      <table class="compare-table" aria-labelledby={props.headingId}>
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
              {props.from.label}
            </th>
            <th scope="colgroup" colspan={3}>
              {m.labelled(m.compare.to)}
              {props.to.label}
            </th>
          </tr>
          <tr>
            {[props.from, props.to].map((side) => (
              <>
                <th scope="col">{m.compare.actual}</th>
                <th scope="col">{scoreHeading(side.evaluation, r)}</th>
                <th scope="col">{m.compare.status}</th>
              </>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr id={`kpi-${row.id}`}>
              <th scope="row">
                <a href={props.kpiHref(row)}>{(row.after ?? row.before)?.name ?? row.id}</a>
              </th>
              <ChangeCell change={row.change} m={m} />
              <SideCells kpi={row.before} evaluation={props.from.evaluation} m={m} r={r} />
              <SideCells kpi={row.after} evaluation={props.to.evaluation} m={m} r={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
