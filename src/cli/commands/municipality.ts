import { ShinchokuError } from '../../core/errors.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import { textTable } from '../../render/text/text-table.ts';
import type { Store } from '../../store/connect.ts';
import { addAdministrator, createMunicipalityWithAdmin } from '../../store/municipality-admin.ts';
import {
  listMunicipalities,
  municipalityByCode,
  municipalityById,
  nameMunicipality,
  type Municipality,
} from '../../store/municipalities.ts';
import { generatePassword } from '../../store/password.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';
import { loginArgument, textArgument } from './host.ts';

export const municipalityHelp = `shinchoku municipality add CODE NAME --admin LOGIN [--admin-name NAME] [--db URL] [--data DIR]
shinchoku municipality add-admin CODE|--id N --admin LOGIN [--admin-name NAME] [--db URL] [--data DIR]
shinchoku municipality name CODE|--id N NAME [--code CODE] [--db URL] [--data DIR]
shinchoku municipality list [--db URL] [--data DIR]

add: adds a municipality, by its 全国地方公共団体コード (six digits with the check digit, or five to which
it is added) and its name, with its first administrator (planning office). Prints the administrator's
one-time password, which they replace at their first sign-in. Everything the administrator then adds
(plans, departments, users) is the municipality's own.
add-admin: adds an administrator to a municipality already there, with a one-time password as above.
name: renames a municipality; with --code, gives one without a code its code (once: a code is the
address of its public pages). The installation's own municipality (id 1) has no code until its first
start or an import names it: \`shinchoku municipality name --id 1 北本市 --code 112330\`.
list: the municipalities, by code, with their ids.

A municipality is named by its code, or by its id from \`list\` (--id N) when it has no code.
Everything these commands change is in the host's log (the staff page 団体の管理) and the municipality's.

  --admin LOGIN       the administrator's login
  --admin-name NAME   the name shown on the staff pages (default: the login)
  --id N              the municipality's id, from \`shinchoku municipality list\`
  --code CODE         with name: the code to give a municipality that has none
${STORE_HELP}

A single-municipality installation needs none of this: its data is the installation's own municipality's.`;

const OPTIONS = {
  ...STORE_OPTIONS,
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  id: { type: 'string' },
  code: { type: 'string' },
} as const;

/**
 * A code argument read and verified (full-width digits and five digits accepted), or a usage error
 * saying what is wrong with it. Text that could not be a code is not echoed when it is long or holds
 * control characters, so a pasted page or a NUL does not reach the terminal.
 */
export function codeArgument(text: string, option = ''): string {
  const code = parseMunicipalityCode(text);
  if (code.ok) return code.value;
  // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
  const printable = text.length <= 20 && !/[\u0000-\u001f\u007f-\u009f]/.test(text);
  throw new ShinchokuError(
    'usage',
    `${option}${printable ? code.message : 'that is not a municipality code; write its six digits, e.g. 112330 for 北本市.'}`,
  );
}

/** How a command names a municipality: by its code, or by its id where it has no code yet. */
type MunicipalityRef = { readonly code: string } | { readonly id: number };

function refArgument(code: string | undefined, id: string | undefined, command: string): MunicipalityRef {
  if (id !== undefined && code === undefined) {
    if (!/^[1-9]\d{0,9}$/.test(id))
      throw new ShinchokuError('usage', `--id takes a municipality's id (1, 2, …); got 「${id}」.`);
    return { id: Number(id) };
  }
  if (code !== undefined && id === undefined) return { code: codeArgument(code) };
  throw new ShinchokuError(
    'usage',
    `shinchoku municipality ${command} names one municipality: by its code, or by --id N.`,
    'Run `shinchoku municipality list` for the codes and ids.',
  );
}

async function findMunicipality(store: Store, ref: MunicipalityRef): Promise<Municipality> {
  const found =
    'id' in ref ? await municipalityById(store.db, ref.id) : await municipalityByCode(store.db, ref.code);
  if (!found) {
    throw new ShinchokuError(
      'not-found',
      'id' in ref
        ? `There is no municipality with the id ${ref.id}.`
        : `No municipality has the code ${ref.code}.`,
      'Run `shinchoku municipality list` for the codes and ids; `shinchoku municipality add` adds one.',
    );
  }
  return found;
}

const shown = (m: Municipality): string =>
  `${m.name === '' ? `municipality ${m.id}` : m.name}${m.code ? ` (${m.code})` : ''}`;

function printOneTimePassword(io: Io, login: string, oneTimePassword: string): void {
  io.out(`Its administrator ${login} has the one-time password: ${oneTimePassword}\n`);
  io.out('It is shown only now; they choose their own at the first sign-in.\n');
}

function usageError(): ShinchokuError {
  return new ShinchokuError(
    'usage',
    'shinchoku municipality takes add CODE NAME --admin LOGIN, add-admin CODE --admin LOGIN, name CODE NAME, or list.',
    'For example: shinchoku municipality add 112330 北本市 --admin kitamoto-admin',
  );
}

export async function municipalityCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('municipality', args, OPTIONS);
  const [sub, ...rest] = positionals;
  if (sub === 'list' && rest.length === 0) {
    const all = await withStore(values, (store) => listMunicipalities(store.db));
    const rows = all.map((m) => [
      [String(m.id)],
      [m.code ?? '-'],
      [m.name === '' ? "(this installation's own, not named yet)" : m.name],
      [m.prefecture?.en ?? ''],
    ]);
    io.out(textTable(['id', 'code', 'name', 'prefecture'], rows, ['right', 'left', 'left', 'left']) + '\n');
    return 0;
  }
  if (sub === 'add-admin') {
    if (rest.length > 1) throw usageError();
    const ref = refArgument(rest[0], values.id, 'add-admin');
    const login = loginArgument(values.admin, 'municipality add-admin --admin');
    const displayName = textArgument('display-name', values['admin-name'] ?? login);
    const oneTimePassword = generatePassword();
    const municipality = await withStore(values, async (store) => {
      const found = await findMunicipality(store, ref);
      await addAdministrator(store.db, found.id, { login, displayName, oneTimePassword }, null);
      return found;
    });
    io.out(`Added the administrator ${login} to ${shown(municipality)}.\n`);
    printOneTimePassword(io, login, oneTimePassword);
    return 0;
  }
  if (sub === 'name') {
    // By code: name CODE NAME; by id: name --id N NAME.
    const [first, second, ...extra] = rest;
    if (extra.length > 0 || first === undefined) throw usageError();
    const byId = values.id !== undefined;
    if ((byId && second !== undefined) || (!byId && second === undefined)) throw usageError();
    const ref = refArgument(byId ? undefined : first, values.id, 'name');
    const name = textArgument('municipality', (byId ? first : second) as string);
    const code = values.code === undefined ? null : codeArgument(values.code, '--code: ');
    const named = await withStore(values, async (store) => {
      const found = await findMunicipality(store, ref);
      return nameMunicipality(store.db, found.id, { code, name }, null);
    });
    if (!named.ok) {
      throw new ShinchokuError(
        'conflict',
        named.refusal.reason === 'code-set'
          ? `The municipality has the code ${named.refusal.current} already; a code, once set, is not changed (it is the address of its public pages).`
          : `Another municipality has the code ${named.refusal.code}.`,
      );
    }
    io.out(
      named.changes === 0
        ? `Nothing changed: ${shown(named.municipality)}.\n`
        : `Named ${shown(named.municipality)}.\n`,
    );
    return 0;
  }
  const [codeText, nameText, ...extra] = rest;
  if (values.id !== undefined || values.code !== undefined) throw usageError();
  if (sub !== 'add' || codeText === undefined || nameText === undefined || extra.length > 0)
    throw usageError();
  const code = codeArgument(codeText);
  const name = textArgument('municipality', nameText);
  const login = loginArgument(values.admin, 'municipality add --admin');
  const displayName = textArgument('display-name', values['admin-name'] ?? login);
  const oneTimePassword = generatePassword();
  const created = await withStore(values, (store) =>
    createMunicipalityWithAdmin(store.db, { code, name }, { login, displayName, oneTimePassword }, null),
  );
  io.out(`Added ${created.municipality.name} (${created.municipality.code ?? code}).\n`);
  printOneTimePassword(io, login, oneTimePassword);
  return 0;
}
