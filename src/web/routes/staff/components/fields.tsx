import type { Child } from 'hono/jsx';
import type { Lang } from '../../../../core/language.ts';
import type { FormProblem } from '../../../commands/form-problem.ts';
import { ProblemText } from './problem.tsx';

export interface FieldProps {
  readonly lang: Lang;
  /** The field's name, also its id, so an error summary can link to it. */
  readonly id: string;
  readonly label: string;
  readonly help?: string | null;
  readonly problem?: FormProblem | null;
  /** More words tied to the field, such as how a typed figure was read. */
  readonly extra?: Child;
  readonly required?: boolean;
}

/** Every description the field has, in reading order, for aria-describedby. */
function describedBy(props: FieldProps): string | undefined {
  const ids = [
    props.help ? `${props.id}-help` : null,
    props.extra ? `${props.id}-extra` : null,
    props.problem ? `${props.id}-error` : null,
  ].filter((id): id is string => id !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Descriptions(props: FieldProps) {
  return (
    <>
      {props.help ? (
        <p id={`${props.id}-help`} class="help">
          {props.help}
        </p>
      ) : null}
      {props.extra ? (
        <div id={`${props.id}-extra`} class="help">
          {props.extra}
        </div>
      ) : null}
      {props.problem ? (
        <div id={`${props.id}-error`} class="field-error">
          <ProblemText lang={props.lang} problem={props.problem} />
        </div>
      ) : null}
    </>
  );
}

const aria = (props: FieldProps) => ({
  'aria-describedby': describedBy(props),
  'aria-invalid': props.problem ? ('true' as const) : undefined,
});

export function TextField(
  props: FieldProps & {
    value: string;
    type?: 'text' | 'password';
    autocomplete?: string;
    inputmode?: 'text' | 'decimal';
    size?: number;
  },
) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Descriptions {...props} />
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        size={props.size}
        required={props.required}
        {...aria(props)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value: string; rows?: number }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Descriptions {...props} />
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 6}
        required={props.required}
        {...aria(props)}
      >
        {props.value}
      </textarea>
    </div>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: FieldProps & { value: string; options: readonly Option[] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Descriptions {...props} />
      <select id={props.id} name={props.id} required={props.required} {...aria(props)}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: { id: string; label: string; checked: boolean; help?: string | null }) {
  return (
    <div class="field">
      <label for={props.id} class="choice">
        <input
          type="checkbox"
          id={props.id}
          name={props.id}
          value="1"
          checked={props.checked}
          aria-describedby={props.help ? `${props.id}-help` : undefined}
        />{' '}
        {props.label}
      </label>
      {props.help ? (
        <p id={`${props.id}-help`} class="help">
          {props.help}
        </p>
      ) : null}
    </div>
  );
}

export function Hidden(props: { name: string; value: string | number }) {
  return <input type="hidden" name={props.name} value={String(props.value)} />;
}
