import type { FiscalYear } from '../../../core/fiscal-year.ts';
import { formatFigure } from '../../../core/format.ts';
import type { Lang } from '../../../core/language.ts';
import type { KpiSheet } from '../../../store/department-kpis.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import type { ReadAs } from '../../commands/entry.ts';
import { entryFields, legacyReasonOf, REASON_CHOICES, type EntryInput } from '../../commands/entry-input.ts';
import type { FormProblem, Problems } from '../../commands/form-problem.ts';
import { t } from '../../i18n/index.ts';
import { Hidden, SelectField, TextArea, TextField } from './components/fields.tsx';
import { ProblemText } from './components/problem.tsx';

export interface EntryFormProps {
  readonly lang: Lang;
  readonly action: string;
  readonly csrf: string;
  readonly year: FiscalYear;
  readonly sheet: KpiSheet;
  readonly input: EntryInput;
  readonly problems: Problems;
  readonly readAs: Readonly<Record<string, ReadAs>>;
  /** Where 企画担当に提出 posts the form (saving what was typed first); null when this user may not submit. */
  readonly submitAction: string | null;
  /** Why the last submission was refused (items still missing), shown beside the button. */
  readonly submitProblem: FormProblem | null;
}

/** After a warning (a negative count, a jump), the box that lets the editor save the value as it is. */
function ConfirmBox(props: { lang: Lang; position: number; problem: FormProblem | undefined }) {
  const problem = props.problem;
  if (problem?.kind !== 'confirm-figure') return null;
  const id = entryFields.confirm(props.position);
  return (
    <div class="field">
      <label for={id} class="choice">
        <input type="checkbox" id={id} name={id} value={problem.value} />{' '}
        {t(props.lang).staffEntry.confirmLabel(formatFigure(problem.value, problem.unit))}
      </label>
    </div>
  );
}

/** How the reader took a typed figure, when it had to change something: 「３,９０８」 → 「3,908件」, and why. */
function ReadAsNote(props: { lang: Lang; readAs: ReadAs | undefined }) {
  const m = t(props.lang).staff;
  const read = props.readAs;
  if (!read || read.notes.length === 0) return null;
  return (
    <>
      <p>{t(props.lang).staffEntry.readAs(read.typed, read.shown)}</p>
      {read.notes.length > 0 ? (
        <ul class="plain-list">
          {read.notes.map((note) => (
            <li>{m.note(note)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The labels of the entry form's fields, for the error summary's links. */
export function entryLabels(lang: Lang, year: FiscalYear, sheet: KpiSheet): Record<string, string> {
  const m = t(lang).staffEntry;
  const labels: Record<string, string> = {
    [entryFields.status]: m.statusPhrase,
    [entryFields.text]: m.assessmentText,
  };
  for (const s of sheet.series) {
    const labelled = (text: string) => t(lang).staff.withSeriesLabel(s.label, text);
    labels[entryFields.value(s.position)] = labelled(m.actual(year, s.unit));
    labels[entryFields.state(s.position)] = labelled(m.stateLegend);
    labels[entryFields.reason(s.position)] = labelled(m.reasonLabel);
  }
  return labels;
}

/**
 * A KPI's figures and assessment for one year, in one form: one fieldset per series (the figure, or the
 * reason there is none chosen from a list), one for the assessment. Hidden fields carry what the form was
 * loaded with, for the conflict check. Submitting posts this same form, so nothing typed is lost; the
 * app's script warns before leaving it with unsaved changes (data-unsaved), and the form works without.
 */
export function EntryForm(props: EntryFormProps) {
  const m = t(props.lang);
  const e = m.staffEntry;
  const stateOptions = [
    { value: 'final', label: e.states.final },
    { value: 'provisional', label: e.states.provisional },
  ];
  const reasonOptions = REASON_CHOICES.map((value) => ({ value, label: e.reasonChoices[value] ?? value }));
  reasonOptions.unshift({ value: '', label: e.reasonChoices[''] ?? '' });
  const a = props.input.assessment;
  return (
    <form id="entry-form" method="post" action={props.action} novalidate data-unsaved={e.unsavedWarning}>
      <CsrfField token={props.csrf} />
      {props.sheet.series.map((s) => {
        const typed = props.input.series.find((i) => i.position === s.position);
        const valueField = entryFields.value(s.position);
        // A free-text reason from an earlier release is one more choice, selected while it stands.
        const legacy = legacyReasonOf(s);
        const options = legacy
          ? [...reasonOptions, { value: legacy, label: e.keptReason(legacy) }]
          : reasonOptions;
        return (
          <fieldset>
            <legend>{e.figuresLegend(s.label)}</legend>
            <TextField
              lang={props.lang}
              id={valueField}
              label={e.actual(props.year, s.unit)}
              help={e.actualHelp}
              value={typed?.text ?? ''}
              inputmode="text"
              problem={props.problems[valueField]}
              extra={
                props.readAs[valueField] ? (
                  <ReadAsNote lang={props.lang} readAs={props.readAs[valueField]} />
                ) : null
              }
            />
            <ConfirmBox lang={props.lang} position={s.position} problem={props.problems[valueField]} />
            <SelectField
              lang={props.lang}
              id={entryFields.reason(s.position)}
              label={e.reasonLabel}
              help={e.reasonHelp}
              value={typed?.reason ?? ''}
              options={options}
              problem={props.problems[entryFields.reason(s.position)]}
            />
            <SelectField
              lang={props.lang}
              id={entryFields.state(s.position)}
              label={e.stateLegend}
              value={typed?.state ?? 'final'}
              options={stateOptions}
              problem={props.problems[entryFields.state(s.position)]}
            />
            <Hidden name={entryFields.version(s.position)} value={typed?.version ?? 0} />
            <Hidden name={entryFields.original(s.position)} value={typed?.original ?? ''} />
            <Hidden name={entryFields.originalReason(s.position)} value={typed?.originalReason ?? ''} />
            <Hidden name={entryFields.originalState(s.position)} value={typed?.originalState ?? 'final'} />
          </fieldset>
        );
      })}
      <fieldset>
        <legend>{e.assessmentLegend}</legend>
        <TextField
          lang={props.lang}
          id={entryFields.status}
          label={e.statusPhrase + m.staff.optional}
          help={e.statusHelp}
          value={a.status}
          problem={props.problems[entryFields.status]}
        />
        <TextArea
          lang={props.lang}
          id={entryFields.text}
          label={e.assessmentText}
          value={a.text}
          rows={8}
          problem={props.problems[entryFields.text]}
        />
        <Hidden name={entryFields.assessmentVersion} value={a.version} />
        <Hidden name={entryFields.originalStatus} value={a.originalStatus} />
        <Hidden name={entryFields.originalText} value={a.originalText} />
      </fieldset>
      <div class="actions">
        <button type="submit">{e.saveButton}</button>
      </div>
      {props.submitAction ? (
        <div class="submit-entry">
          <p id="submit-help" class="help">
            {e.submitHelp}
          </p>
          {props.submitProblem ? (
            <div id="submit" class="field-error" tabindex={-1}>
              <ProblemText lang={props.lang} problem={props.submitProblem} />
            </div>
          ) : null}
          <button
            type="submit"
            formaction={props.submitAction}
            class="secondary"
            aria-describedby={props.submitProblem ? 'submit-help submit' : 'submit-help'}
          >
            {e.submitButton}
          </button>
        </div>
      ) : null}
    </form>
  );
}
