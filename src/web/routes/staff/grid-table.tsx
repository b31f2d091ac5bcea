import type { FiscalYear } from '../../../core/fiscal-year.ts';
import { formatEntry, formatFigure } from '../../../core/format.ts';
import type { Lang } from '../../../core/language.ts';
import type { ReadAs } from '../../commands/entry.ts';
import { entryFields, legacyReasonOf, REASON_CHOICES } from '../../commands/entry-input.ts';
import type { FormProblem } from '../../commands/form-problem.ts';
import { gridFields, type GridRow } from '../../commands/grid-entry.ts';
import { t } from '../../i18n/index.ts';
import { ProblemText } from './components/problem.tsx';

/** A cell's descriptions (how a figure was read, its problem), tied to its input by aria-describedby. */
function CellNotes(props: { lang: Lang; id: string; problem?: FormProblem; readAs?: ReadAs }) {
  const { problem, readAs } = props;
  const read = readAs && readAs.notes.length > 0 ? readAs : null;
  return (
    <>
      {read ? (
        <p id={`${props.id}-extra`} class="help">
          {t(props.lang).staffEntry.readAs(read.typed, read.shown)}
        </p>
      ) : null}
      {problem ? (
        <div id={`${props.id}-error`} class="field-error">
          <ProblemText lang={props.lang} problem={problem} />
        </div>
      ) : null}
    </>
  );
}

function cellAria(id: string, problem: FormProblem | undefined, readAs: ReadAs | undefined) {
  const ids = [readAs && readAs.notes.length > 0 ? `${id}-extra` : null, problem ? `${id}-error` : null];
  const described = ids.filter((x) => x !== null).join(' ');
  return {
    'aria-describedby': described === '' ? undefined : described,
    'aria-invalid': problem ? ('true' as const) : undefined,
  };
}

/** The field ids of the grid's cells, by the single form's names and the row. */
export const cellId = (row: number, name: string): string => gridFields.field(row, name);

/** The labels of a row's fields, for the error summary: the KPI, the series and the field. */
export function gridLabels(lang: Lang, year: FiscalYear, rows: readonly GridRow[]): Record<string, string> {
  const g = t(lang).staffGrid;
  const e = t(lang).staffEntry;
  const labels: Record<string, string> = {};
  rows.forEach((row, i) => {
    const name = row.sheet.name;
    labels[cellId(i, gridFields.row)] = name;
    labels[cellId(i, entryFields.status)] = g.cellLabel(name, null, e.statusPhrase);
    labels[cellId(i, entryFields.text)] = g.cellLabel(name, null, e.assessmentText);
    for (const s of row.sheet.series) {
      labels[cellId(i, entryFields.value(s.position))] = g.cellLabel(
        name,
        s.label,
        g.actualField(year, s.unit),
      );
      labels[cellId(i, entryFields.reason(s.position))] = g.cellLabel(name, s.label, e.reasonLabel);
      labels[cellId(i, entryFields.state(s.position))] = g.cellLabel(name, s.label, e.stateLegend);
    }
  });
  return labels;
}

/** Every problem of the grid, by the cell ids the page uses. */
export function gridProblems(rows: readonly GridRow[]): Record<string, FormProblem> {
  const all: Record<string, FormProblem> = {};
  rows.forEach((row, i) => {
    for (const [field, problem] of Object.entries(row.problems)) all[cellId(i, field)] = problem;
  });
  return all;
}

interface RowProps {
  readonly lang: Lang;
  readonly year: FiscalYear;
  readonly row: GridRow;
  readonly index: number;
}

/**
 * A KPI's rows: one per series (the actual, the reason there is none, the state) and one for the
 * assessment, all in the document's order, so Tab goes along a row and then to the next. Hidden fields
 * carry the KPI's key and what each field was loaded with, for the single form's conflict check.
 */
function EditableRows(props: RowProps) {
  const { lang, year, row, index } = props;
  const g = t(lang).staffGrid;
  const c = g.columns;
  const e = t(lang).staffEntry;
  const name = row.sheet.name;
  const id = (field: string) => cellId(index, field);
  const reasonOptions = [
    { value: '', label: e.reasonChoices[''] ?? '' },
    ...REASON_CHOICES.map((value) => ({ value, label: e.reasonChoices[value] ?? value })),
  ];
  const a = row.input.assessment;
  const rowProblem = row.problems[gridFields.row];
  return (
    <tbody class="grid-kpi">
      {row.sheet.series.map((s, n) => {
        const typed = row.input.series.find((i) => i.position === s.position);
        const value = entryFields.value(s.position);
        const reason = entryFields.reason(s.position);
        const state = entryFields.state(s.position);
        const legacy = legacyReasonOf(s);
        const options = legacy
          ? [...reasonOptions, { value: legacy, label: e.keptReason(legacy) }]
          : reasonOptions;
        const confirm = row.problems[value];
        return (
          <tr>
            {n === 0 ? (
              <th scope="rowgroup" rowspan={row.sheet.series.length + 1} id={id(gridFields.row)}>
                {name}
                <input type="hidden" name={gridFields.key(index)} value={row.sheet.key} />
                {rowProblem ? (
                  <div class="field-error">
                    <ProblemText lang={lang} problem={rowProblem} />
                  </div>
                ) : null}
              </th>
            ) : null}
            <td data-label={c.series}>{s.label ?? '—'}</td>
            <td class="number" data-label={c.target}>
              {formatFigure(s.target.value, s.unit)}
            </td>
            <td>
              <label for={id(value)} class="cell-label">
                {g.cellLabel(name, s.label, g.actualField(year, s.unit))}
              </label>
              <input
                id={id(value)}
                name={id(value)}
                type="text"
                size={10}
                value={typed?.text ?? ''}
                {...cellAria(id(value), row.problems[value], row.readAs[value])}
              />
              <CellNotes
                lang={lang}
                id={id(value)}
                problem={row.problems[value]}
                readAs={row.readAs[value]}
              />
              {confirm?.kind === 'confirm-figure' ? (
                <label for={id(entryFields.confirm(s.position))} class="choice">
                  <input
                    type="checkbox"
                    id={id(entryFields.confirm(s.position))}
                    name={id(entryFields.confirm(s.position))}
                    value={confirm.value}
                  />{' '}
                  {e.confirmLabel(formatFigure(confirm.value, confirm.unit))}
                </label>
              ) : null}
            </td>
            <td>
              <label for={id(reason)} class="cell-label">
                {g.cellLabel(name, s.label, e.reasonLabel)}
              </label>
              <select
                id={id(reason)}
                name={id(reason)}
                {...cellAria(id(reason), row.problems[reason], undefined)}
              >
                {options.map((o) => (
                  <option value={o.value} selected={o.value === (typed?.reason ?? '')}>
                    {o.label}
                  </option>
                ))}
              </select>
              <CellNotes lang={lang} id={id(reason)} problem={row.problems[reason]} />
            </td>
            <td>
              <label for={id(state)} class="cell-label">
                {g.cellLabel(name, s.label, e.stateLegend)}
              </label>
              <select
                id={id(state)}
                name={id(state)}
                {...cellAria(id(state), row.problems[state], undefined)}
              >
                {(['final', 'provisional'] as const).map((v) => (
                  <option value={v} selected={v === (typed?.state ?? 'final')}>
                    {e.states[v]}
                  </option>
                ))}
              </select>
              <CellNotes lang={lang} id={id(state)} problem={row.problems[state]} />
              <input
                type="hidden"
                name={id(entryFields.version(s.position))}
                value={String(typed?.version ?? 0)}
              />
              <input
                type="hidden"
                name={id(entryFields.original(s.position))}
                value={typed?.original ?? ''}
              />
              <input
                type="hidden"
                name={id(entryFields.originalReason(s.position))}
                value={typed?.originalReason ?? ''}
              />
              <input
                type="hidden"
                name={id(entryFields.originalState(s.position))}
                value={typed?.originalState ?? 'final'}
              />
            </td>
          </tr>
        );
      })}
      <tr class="grid-assessment">
        <td colspan={5}>
          <div class="grid-assessment-fields">
            <div>
              <label for={id(entryFields.status)}>
                <span class="visually-hidden">{t(lang).labelled(name)}</span>
                {e.statusPhrase + t(lang).staff.optional}
              </label>
              <input
                id={id(entryFields.status)}
                name={id(entryFields.status)}
                type="text"
                value={a.status}
                {...cellAria(id(entryFields.status), row.problems[entryFields.status], undefined)}
              />
              <CellNotes lang={lang} id={id(entryFields.status)} problem={row.problems[entryFields.status]} />
            </div>
            <div class="grid-text">
              <label for={id(entryFields.text)}>
                <span class="visually-hidden">{t(lang).labelled(name)}</span>
                {e.assessmentText}
              </label>
              <textarea
                id={id(entryFields.text)}
                name={id(entryFields.text)}
                rows={3}
                {...cellAria(id(entryFields.text), row.problems[entryFields.text], undefined)}
              >
                {a.text}
              </textarea>
              <CellNotes lang={lang} id={id(entryFields.text)} problem={row.problems[entryFields.text]} />
            </div>
          </div>
          <input type="hidden" name={id(entryFields.assessmentVersion)} value={String(a.version)} />
          <input type="hidden" name={id(entryFields.originalStatus)} value={a.originalStatus} />
          <input type="hidden" name={id(entryFields.originalText)} value={a.originalText} />
        </td>
      </tr>
    </tbody>
  );
}

/**
 * A KPI this user cannot change now (under review, approved, or moved to another department): its values
 * as text, never posted. When it was posted with the refused grid, what was typed is shown too, so
 * nothing typed disappears from the screen.
 */
function ReadOnlyRows(props: RowProps) {
  const { lang, row, index } = props;
  const g = t(lang).staffGrid;
  const c = g.columns;
  const e = t(lang).staffEntry;
  const rowProblem = row.problems[gridFields.row];
  return (
    <tbody class="grid-kpi">
      {row.sheet.series.map((s, n) => {
        const typed = row.input.series.find((i) => i.position === s.position);
        const typedText = typed
          ? typed.reason === ''
            ? typed.text
            : (e.reasonChoices[typed.reason] ?? typed.reason)
          : '';
        return (
          <tr>
            {n === 0 ? (
              <th scope="rowgroup" rowspan={row.sheet.series.length + 1} id={cellId(index, gridFields.row)}>
                {row.sheet.name}
                <p class="help">{g.locked}</p>
                {rowProblem ? (
                  <div class="field-error">
                    <ProblemText lang={lang} problem={rowProblem} />
                  </div>
                ) : null}
              </th>
            ) : null}
            <td data-label={c.series}>{s.label ?? '—'}</td>
            <td class="number" data-label={c.target}>
              {formatFigure(s.target.value, s.unit)}
            </td>
            <td colspan={2}>
              {s.observation ? formatEntry(s.observation.entry, s.unit) : e.notEntered}
              {rowProblem && typedText !== '' ? (
                <p class="help">{t(lang).labelled(g.typedKept) + typedText}</p>
              ) : null}
            </td>
            <td>{s.observation ? e.states[s.observation.state] : null}</td>
          </tr>
        );
      })}
      <tr class="grid-assessment">
        <td colspan={5}>
          <p class="assessment-text">{row.sheet.assessment?.text ?? e.notEntered}</p>
          {rowProblem && row.input.assessment.text !== (row.sheet.assessment?.text ?? '') ? (
            <p class="help assessment-text">{t(lang).labelled(g.typedKept) + row.input.assessment.text}</p>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}

/** The grid's table: a KPI per row group, in the plan's order. */
export function GridTable(props: {
  lang: Lang;
  year: FiscalYear;
  caption: string;
  rows: readonly GridRow[];
}) {
  const c = t(props.lang).staffGrid.columns;
  return (
    <div class="table-scroll grid-scroll">
      <table class="grid-entry">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.kpi}</th>
            <th scope="col">{c.series}</th>
            <th scope="col">{c.target}</th>
            <th scope="col">{c.actual}</th>
            <th scope="col">{c.reason}</th>
            <th scope="col">{c.state}</th>
          </tr>
        </thead>
        {props.rows.map((row, index) =>
          row.editable ? (
            <EditableRows lang={props.lang} year={props.year} row={row} index={index} />
          ) : (
            <ReadOnlyRows lang={props.lang} year={props.year} row={row} index={index} />
          ),
        )}
      </table>
    </div>
  );
}
