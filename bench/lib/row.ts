export type Section = 'engine' | 'report' | 'web' | 'collect' | 'memory' | 'bulk';
export type Unit = 'ms' | 'MiB' | 'req/s' | 'figures';

export interface Goal {
  readonly text: string;
  /** null where the figure could not be measured. */
  readonly met: boolean | null;
}

/** One line of the table: Shinchoku's figure beside its anchor, measured in the same run. */
export interface Row {
  readonly section: Section;
  readonly name: string;
  readonly unit: Unit;
  /** The median over the runs; null where it could not be measured (the note says why). */
  readonly value: number | null;
  readonly anchor: { readonly name: string; readonly value: number | null } | null;
  readonly goal: Goal | null;
  readonly note: string | null;
  /** Every run's figure, for the results file. */
  readonly runs: readonly number[];
}

export const ratioOf = (row: Pick<Row, 'value' | 'anchor'>): number | null =>
  row.value === null || row.anchor?.value === null || row.anchor === null || row.anchor.value === 0
    ? null
    : row.value / row.anchor.value;

/** A row for something that could not be measured in this run, saying why instead of a figure. */
export function unmeasured(section: Section, name: string, unit: Unit, why: string, goal?: string): Row {
  return {
    section,
    name,
    unit,
    value: null,
    anchor: null,
    goal: goal === undefined ? null : { text: goal, met: null },
    note: why,
    runs: [],
  };
}
