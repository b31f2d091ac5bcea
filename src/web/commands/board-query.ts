/**
 * The KPI board's address, read once: plain GET parameters (so filtering and sorting work without a
 * script), each checked against the values the board offers. Anything else is refused with the name of
 * the parameter at fault, never guessed at: a board silently showing everything for a mistyped filter
 * would read as "no KPI is behind".
 */

export const BOARD_STATUSES = ['achieved', 'not-achieved', 'not-evaluated'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** Where a KPI's figures stand with the departments and the office (staff only). */
export const ENTRY_STATES = [
  'not-entered',
  'partial',
  'entered',
  'submitted',
  'returned',
  'approved',
] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const BOARD_SORTS = ['order', 'kpi', 'goal', 'department', 'entry', 'progress', 'status'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface BoardQuery {
  readonly goal: string | null;
  readonly department: string | null;
  readonly status: BoardStatus | null;
  readonly entry: EntryState | null;
  readonly sort: BoardSort;
  readonly dir: 'asc' | 'desc';
}

export const DEFAULT_BOARD_QUERY: BoardQuery = {
  goal: null,
  department: null,
  status: null,
  entry: null,
  sort: 'order',
  dir: 'asc',
};

export type BoardParam = 'goal' | 'department' | 'status' | 'entry' | 'sort' | 'dir';

/** A refused parameter: which one, and whether it was too long or not one of the values offered. */
export interface BoardQueryProblem {
  readonly param: BoardParam;
  readonly kind: 'too-long' | 'unknown';
}

/** Longer than any goal id or department name a plan holds; a longer value is refused before it is compared. */
export const MAX_BOARD_PARAM = 200;

/** What the board offers to filter by: the goals and departments of the evaluation shown. */
export interface BoardChoices {
  readonly goals: readonly string[];
  readonly departments: readonly string[];
  /** Whether the entry state is shown (staff) or not (public); on the public board `entry` is refused. */
  readonly entryStates: boolean;
}

/** The department filter's value for KPIs no department reports. */
export const NO_DEPARTMENT = '-';

export function readBoardQuery(
  raw: (name: BoardParam) => string | undefined,
  choices: BoardChoices,
): { ok: true; query: BoardQuery } | { ok: false; problem: BoardQueryProblem } {
  const values = {} as Record<BoardParam, string | null>;
  for (const param of ['goal', 'department', 'status', 'entry', 'sort', 'dir'] as const) {
    const value = raw(param);
    // An empty value is the form's "all" choice.
    if (value === undefined || value === '') {
      values[param] = null;
      continue;
    }
    if (value.length > MAX_BOARD_PARAM) return { ok: false, problem: { param, kind: 'too-long' } };
    values[param] = value;
  }
  const among = <T extends string>(
    param: BoardParam,
    allowed: readonly T[],
  ): T | null | BoardQueryProblem => {
    const value = values[param];
    if (value === null) return null;
    return (allowed as readonly string[]).includes(value) ? (value as T) : { param, kind: 'unknown' };
  };
  const goal = among('goal', choices.goals);
  const department = among('department', [...choices.departments, NO_DEPARTMENT]);
  const status = among('status', BOARD_STATUSES);
  const entry = among('entry', choices.entryStates ? ENTRY_STATES : []);
  const sort = among(
    'sort',
    BOARD_SORTS.filter((s) => choices.entryStates || s !== 'entry'),
  );
  const dir = among('dir', ['asc', 'desc'] as const);
  for (const read of [goal, department, status, entry, sort, dir]) {
    if (read !== null && typeof read === 'object') return { ok: false, problem: read };
  }
  return {
    ok: true,
    query: {
      goal: goal as string | null,
      department: department as string | null,
      status: status as BoardStatus | null,
      entry: entry as EntryState | null,
      sort: (sort as BoardSort | null) ?? 'order',
      dir: (dir as 'asc' | 'desc' | null) ?? 'asc',
    },
  };
}

/** The query string of a board address: only what differs from the default, in a fixed order. */
export function boardSearch(query: BoardQuery, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams(extra);
  if (query.goal !== null) params.set('goal', query.goal);
  if (query.department !== null) params.set('department', query.department);
  if (query.status !== null) params.set('status', query.status);
  if (query.entry !== null) params.set('entry', query.entry);
  if (query.sort !== 'order') params.set('sort', query.sort);
  if (query.dir !== 'asc') params.set('dir', query.dir);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
