import { withSeriesLabel } from '../../core/format.ts';
import { IdSource } from '../../render/html/ids.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { diagnosticNames } from '../../render/names.ts';
import { scoreHeading } from '../../render/score-cells.ts';
import { entryText } from '../../render/target-text.ts';
import {
  BOARD_SORTS,
  BOARD_STATUSES,
  boardSearch,
  ENTRY_STATES,
  NO_DEPARTMENT,
  type BoardQuery,
  type BoardSort,
} from '../commands/board-query.ts';
import { boardStatusOf, type Board, type BoardRow } from '../commands/kpi-board.ts';
import { t } from '../i18n/index.ts';
import { ProgressFigures } from './score-figures.tsx';

/** Where the board's links go: itself with another query, a KPI's page, and the CSV of the same rows. */
export interface BoardLinks {
  /** The board's own path, without a query. */
  readonly self: string;
  /** Query parameters every link keeps (the public board's edition). */
  readonly keep?: Readonly<Record<string, string>>;
  readonly kpi: (row: BoardRow) => string;
  readonly csv: string;
}

interface BoardProps {
  readonly lang: Lang;
  readonly board: Board;
  readonly query: BoardQuery;
  readonly links: BoardLinks;
  /** The staff board: entry states and the reviewers' points to check, which the public never sees. */
  readonly internal: boolean;
}

/** The filters: a GET form, so it works without a script and the address can be bookmarked or shared. */
export function BoardFilters(
  props: Omit<BoardProps, 'board'> & { board: Pick<Board, 'choices' | 'evaluation'> },
) {
  const b = t(props.lang).board;
  const r = messagesFor(props.lang);
  const { query } = props;
  const goals = props.board.evaluation.goals;
  const option = (value: string, label: string, selected: boolean) => (
    <option value={value} selected={selected}>
      {label}
    </option>
  );
  return (
    <form
      method="get"
      action={props.links.self}
      class="board-filters"
      aria-labelledby="board-filters-heading"
    >
      <h2 id="board-filters-heading">{b.filtersHeading}</h2>
      {Object.entries(props.links.keep ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="board-filter-row">
        <div class="field">
          <label for="board-goal">{b.labels.goal}</label>
          <select id="board-goal" name="goal">
            {option('', b.all, query.goal === null)}
            {goals.map((g) =>
              option(
                g.id,
                t(props.lang).goalName(r.goalLabel(g.kind, g.number), g.title),
                query.goal === g.id,
              ),
            )}
          </select>
        </div>
        <div class="field">
          <label for="board-department">{b.labels.department}</label>
          <select id="board-department" name="department">
            {option('', b.all, query.department === null)}
            {props.board.choices.departments.map((d) => option(d, d, query.department === d))}
            {option(NO_DEPARTMENT, b.noDepartment, query.department === NO_DEPARTMENT)}
          </select>
        </div>
        <div class="field">
          <label for="board-status">{b.labels.status}</label>
          <select id="board-status" name="status">
            {option('', b.all, query.status === null)}
            {BOARD_STATUSES.map((s) => option(s, b.statuses[s], query.status === s))}
          </select>
        </div>
        {props.internal ? (
          <div class="field">
            <label for="board-entry">{b.labels.entry}</label>
            <select id="board-entry" name="entry">
              {option('', b.all, query.entry === null)}
              {ENTRY_STATES.map((s) => option(s, b.entryStates[s], query.entry === s))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="board-sort">{b.labels.sort}</label>
          <select id="board-sort" name="sort">
            {BOARD_SORTS.filter((s) => props.internal || s !== 'entry').map((s) =>
              option(s, b.sorts[s], query.sort === s),
            )}
          </select>
        </div>
        <div class="field">
          <label for="board-dir">{b.labels.dir}</label>
          <select id="board-dir" name="dir">
            {option('asc', b.dirs.asc, query.dir === 'asc')}
            {option('desc', b.dirs.desc, query.dir === 'desc')}
          </select>
        </div>
      </div>
      <button type="submit">{b.apply}</button>{' '}
      <a
        href={
          props.links.self +
          boardSearch({ ...query, goal: null, department: null, status: null, entry: null }, props.links.keep)
        }
      >
        {b.reset}
      </a>
    </form>
  );
}

/** A column heading that sorts by itself: ascending first, then the other way; aria-sort says which. */
function SortHeading(props: {
  lang: Lang;
  column: BoardSort;
  label: string;
  query: BoardQuery;
  links: BoardLinks;
}) {
  const b = t(props.lang).board;
  const sorted = props.query.sort === props.column;
  const dir = sorted && props.query.dir === 'asc' ? 'desc' : 'asc';
  const href = props.links.self + boardSearch({ ...props.query, sort: props.column, dir }, props.links.keep);
  return (
    <th scope="col" aria-sort={sorted ? (props.query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={href} class="sort-link">
        {props.label}
        {sorted ? (
          <>
            <span aria-hidden="true">{props.query.dir === 'asc' ? ' ▲' : ' ▼'}</span>
            <span class="visually-hidden">{props.query.dir === 'asc' ? b.sortedAsc : b.sortedDesc}</span>
          </>
        ) : null}
      </a>
    </th>
  );
}

/** Every KPI in one table: its state in words and colour together, never colour alone. */
export function BoardTable(props: BoardProps) {
  const m = t(props.lang);
  const b = m.board;
  const r = messagesFor(props.lang);
  const { evaluation, rows } = props.board;
  const ids = new IdSource();
  const names = diagnosticNames(evaluation, r);
  const heading = (column: BoardSort, label: string) => (
    <SortHeading lang={props.lang} column={column} label={label} query={props.query} links={props.links} />
  );
  if (rows.length === 0) return <p class="board-none">{b.none}</p>;
  return (
    <div class="table-scroll board-scroll" role="region" aria-labelledby="board-caption" tabindex={0}>
      <table class="kpi-board">
        <caption id="board-caption">{b.caption(evaluation.year)}</caption>
        <thead>
          <tr>
            {heading('kpi', b.columns.kpi)}
            {heading('goal', b.columns.goal)}
            {heading('department', b.columns.department)}
            {props.internal ? heading('entry', b.columns.entry) : null}
            <th scope="col">{b.columns.actual}</th>
            {heading('progress', scoreHeading(evaluation, r))}
            {heading('status', b.columns.status)}
            {props.internal ? <th scope="col">{b.columns.diagnostics}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const status = boardStatusOf(row.kpi.status);
            return (
              <tr>
                <th scope="row">
                  <a href={props.links.kpi(row)}>{row.kpi.name}</a>
                </th>
                <td class="board-goal" data-label={b.columns.goal}>
                  {r.goalLabel(row.goal.kind, row.goal.number)}
                </td>
                <td class="board-department" data-label={b.columns.department}>
                  {row.department ?? b.noDepartment}
                </td>
                {props.internal && row.entry ? (
                  <td data-label={b.columns.entry}>
                    <span class={`state state-entry-${row.entry}`}>{b.entryStates[row.entry]}</span>
                  </td>
                ) : null}
                <td class="number" data-label={b.columns.actual}>
                  {row.kpi.series.map((s) => (
                    <span class="line">{withSeriesLabel(s.label, entryText(s.actual, s.unit, r))}</span>
                  ))}
                </td>
                <td class="number" data-label={scoreHeading(evaluation, r)}>
                  <ProgressFigures kpi={row.kpi} ids={ids} lang={props.lang} evaluation={evaluation} />
                </td>
                <td data-label={b.columns.status}>
                  <span class={`state state-${status}`}>{b.statuses[status]}</span>
                </td>
                {props.internal ? (
                  <td class="board-diagnostics" data-label={b.columns.diagnostics}>
                    {row.kpi.diagnostics.length === 0 ? (
                      b.noDiagnostics
                    ) : (
                      <ul>
                        {row.kpi.diagnostics.map((d) => (
                          <li>{r.diagnostic(d, names)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The board's body: the filters, how many rows match, the table and its CSV. */
export function KpiBoard(props: BoardProps) {
  const b = t(props.lang).board;
  return (
    <>
      <BoardFilters {...props} />
      <p class="board-count" role="status">
        {b.count(props.board.rows.length, props.board.total)}{' '}
        <a href={props.links.csv + boardSearch(props.query, props.links.keep)} class="board-csv">
          {b.csv}
        </a>
      </p>
      <BoardTable {...props} />
    </>
  );
}
