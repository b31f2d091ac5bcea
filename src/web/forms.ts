import type { Context } from 'hono';
import { displayableText, textProblem, type TextFieldKind } from '../core/text-field.ts';
import { fieldText, type FormProblem, type Problems } from './commands/form-problem.ts';
import type { AppEnv } from './env.ts';

type Body = Readonly<Record<string, unknown>>;

/**
 * A posted form, read through the one text-field rule. Every staff form reads its fields here, so no
 * text reaches a command (or the database) that is too long, breaks a line where one line is wanted, or
 * holds a NUL or another character no field takes; each refusal waits in `problems` under the field's name.
 *
 * `text` gives back the strict value when the field is accepted; when it is refused, it gives back what
 * was typed, with each refused character shown as U+FFFD, so the form can come back with nothing lost.
 * A route calls the command only when `ok`.
 */
export class FormFields {
  private readonly found: Record<string, FormProblem> = {};

  constructor(private readonly body: Body) {}

  /** A value that is not free text (a choice, a version, a token): '' unless it is one string. */
  raw(name: string): string {
    const value = this.body[name];
    return typeof value === 'string' ? value : '';
  }

  /** A free-text field, checked against its kind's length and characters; required fields refuse ''. */
  text(name: string, kind: TextFieldKind, options: { readonly required?: boolean } = {}): string {
    const typed = this.raw(name);
    const read = fieldText(kind, typed, options.required ?? false);
    if (read.problem === null) return read.value;
    this.found[name] = read.problem;
    return displayableText(typed);
  }

  /**
   * The fields whose names start with `prefix`, named without it: one row of a form that repeats the same
   * fields per row (the grid entry's k3-s0-value is the row k3-'s s0-value), read by the single form's reader.
   */
  scoped(prefix: string): FormFields {
    const rows = Object.entries(this.body).filter(([name]) => name.startsWith(prefix));
    return new FormFields(
      Object.fromEntries(rows.map(([name, value]) => [name.slice(prefix.length), value])),
    );
  }

  /** What was typed, safe to put back into the page. */
  typed(name: string): string {
    return displayableText(this.raw(name));
  }

  get problems(): Problems {
    return this.found;
  }

  get ok(): boolean {
    return Object.keys(this.found).length === 0;
  }
}

/** Reads the request's form (URL-encoded or multipart) once; the body is parsed and kept by Hono. */
export async function readForm(c: Context<AppEnv>): Promise<FormFields> {
  return new FormFields(await c.req.parseBody());
}

/**
 * A key from the address (a plan or KPI id), or null when no stored key could be it: too long, or
 * holding a NUL or another refused character, which the database would refuse with an error. The route
 * answers null with 404, as for any key that does not exist.
 */
export function keyParam(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return textProblem('identifier', value) === null ? value : null;
}
