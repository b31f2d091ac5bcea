import { ShinchokuError } from '../../core/errors.ts';
import { isLoginName } from '../../core/login-name.ts';
import { readTextField, type TextFieldKind } from '../../core/text-field.ts';
import { describeTextProblem } from '../../core/text-field-en.ts';
import { generatePassword } from '../../store/password.ts';
import { createUser } from '../../store/users.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const hostHelp = `shinchoku host add-admin LOGIN [--name NAME] [--db URL] [--data DIR]

Adds a host administrator: the person who adds municipalities and their first administrators on an
installation that serves many (the staff pages' 団体の管理). A host administrator sees no municipality's
plans, figures or reviews. Prints a one-time password, which they replace at their first sign-in.

  --name NAME  the name shown on the staff pages (default: the login)
${STORE_HELP}`;

/** A login as the web's forms accept it, or a usage error naming the rule. */
export function loginArgument(login: string | undefined, command: string): string {
  if (login === undefined || !isLoginName(login)) {
    throw new ShinchokuError(
      'usage',
      `shinchoku ${command} needs a login of 3–40 lower-case letters, digits, dots, hyphens or underscores${login === undefined ? '' : `; got 「${login}」`}.`,
    );
  }
  return login;
}

/** A name under the one text-field rule, or a usage error with the rule's English. */
export function textArgument(kind: TextFieldKind, value: string): string {
  const read = readTextField(kind, value, { required: true });
  if (!read.ok) {
    const { message, hint } = describeTextProblem(read.problem);
    throw new ShinchokuError('usage', message, hint);
  }
  return read.value;
}

export async function hostCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('host', args, {
    ...STORE_OPTIONS,
    name: { type: 'string' },
  });
  const [sub, login, ...rest] = positionals;
  if (sub !== 'add-admin' || rest.length > 0) {
    throw new ShinchokuError(
      'usage',
      `shinchoku host takes add-admin LOGIN, not 「${positionals.join(' ')}」.`,
      'Run `shinchoku help host`.',
    );
  }
  const checked = loginArgument(login, 'host add-admin');
  const displayName = textArgument('display-name', values.name ?? checked);
  const password = generatePassword();
  await withStore(values, (store) =>
    createUser(
      store.db,
      { login: checked, displayName, password, role: 'host', mustChangePassword: true },
      null,
    ),
  );
  io.out(`Added the host administrator ${checked}.\n`);
  io.out(`One-time password: ${password}\n`);
  io.out('It is shown only now; they choose their own at the first sign-in.\n');
  return 0;
}
