import type { IdSource } from '../../render/html/ids.ts';
import type { Cell } from '../../render/report-model.ts';

/**
 * A figure, and where it is computed, the formula behind it: shown on hover and on keyboard focus (the
 * figure takes focus) and announced as its description by screen readers, as in the HTML report.
 */
export function Calc(props: { text: string; formula: string | null; ids: IdSource }) {
  if (props.formula === null) return <>{props.text}</>;
  const id = props.ids.next('formula-');
  return (
    <span class="calc">
      <span class="calc-value" tabindex={0} aria-describedby={id}>
        {props.text}
      </span>
      <span class="formula" role="tooltip" id={id}>
        {props.formula}
      </span>
    </span>
  );
}

/** A table cell's lines, one per series (男性：18.43年 / 女性：20.72年), each with its own formula. */
export function CellLines(props: { cell: Cell; ids: IdSource }) {
  return (
    <>
      {props.cell.lines.map((line, i) => (
        <span class="line">
          <Calc text={line} formula={props.cell.formula?.[i] ?? null} ids={props.ids} />
        </span>
      ))}
    </>
  );
}
