import { ShinchokuError } from '../../core/errors.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import { textTable } from '../../render/text/text-table.ts';
import { createMunicipalityWithAdmin } from '../../store/municipality-admin.ts';
import { listMunicipalities } from '../../store/municipalities.ts';
import { generatePassword } from '../../store/password.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';
import { loginArgument, textArgument } from './host.ts';

export const municipalityHelp = `shinchoku municipality add CODE NAME --admin LOGIN [--admin-name NAME] [--db URL] [--data DIR]
shinchoku municipality list [--db URL] [--data DIR]

add: adds a municipality, by its 全国地方公共団体コード (six digits with the check digit, or five to which
it is added) and its name, with its first administrator (planning office). Prints the administrator's
one-time password, which they replace at their first sign-in. Everything the administrator then adds
(plans, departments, users) is the municipality's own.
list: the municipalities, by code.

  --admin LOGIN       the first administrator's login
  --admin-name NAME   the name shown on the staff pages (default: the login)
${STORE_HELP}

A single-municipality installation needs none of this: its data is the installation's own municipality's.`;

export async function municipalityCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('municipality', args, {
    ...STORE_OPTIONS,
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
  });
  const [sub, ...rest] = positionals;
  if (sub === 'list' && rest.length === 0) {
    const all = await withStore(values, (store) => listMunicipalities(store.db));
    const rows = all.map((m) => [
      [m.code ?? '-'],
      [m.name === '' ? "(this installation's own)" : m.name],
      [m.prefecture?.en ?? ''],
    ]);
    io.out(textTable(['code', 'name', 'prefecture'], rows, ['left', 'left', 'left']) + '\n');
    return 0;
  }
  const [codeText, nameText, ...extra] = rest;
  if (sub !== 'add' || codeText === undefined || nameText === undefined || extra.length > 0) {
    throw new ShinchokuError(
      'usage',
      'shinchoku municipality takes add CODE NAME --admin LOGIN, or list.',
      'For example: shinchoku municipality add 112330 北本市 --admin kitamoto-admin',
    );
  }
  const code = parseMunicipalityCode(codeText);
  if (!code.ok) throw new ShinchokuError('usage', code.message);
  const name = textArgument('municipality', nameText);
  const login = loginArgument(values.admin, 'municipality add --admin');
  const displayName = textArgument('display-name', values['admin-name'] ?? login);
  const oneTimePassword = generatePassword();
  const created = await withStore(values, (store) =>
    createMunicipalityWithAdmin(
      store.db,
      { code: code.value, name },
      { login, displayName, oneTimePassword },
      null,
    ),
  );
  io.out(`Added ${created.municipality.name} (${created.municipality.code ?? code.value}).\n`);
  io.out(`Its administrator ${login} has the one-time password: ${oneTimePassword}\n`);
  io.out('It is shown only now; they choose their own at the first sign-in.\n');
  return 0;
}
