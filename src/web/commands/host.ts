import { ShinchokuError } from '../../core/errors.ts';
import { isLoginName } from '../../core/login-name.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import type { Store } from '../../store/connect.ts';
import { listMunicipalities, municipalityById, type Municipality } from '../../store/municipalities.ts';
import { generatePassword } from '../../store/password.ts';
import { createMunicipalityWithAdmin } from '../../store/municipality-admin.ts';
import { setPassword } from '../../store/user-changes.ts';
import { setUserDisabled } from '../../store/user-status.ts';
import { findUser, listAdministrators, type User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { accepted, rejected, requiredText, type FormOutcome, type FormProblem } from './form-problem.ts';

/** A municipality with the number of its administrators, as the host's list shows it. */
export interface HostedMunicipality extends Municipality {
  readonly administrators: number;
}

export async function hostedMunicipalities(store: Store, actor: User): Promise<HostedMunicipality[]> {
  assertRole(actor, 'host');
  const all = await listMunicipalities(store.db);
  return Promise.all(
    all.map(async (m) => ({ ...m, administrators: (await listAdministrators(store.db, m.id)).length })),
  );
}

export interface NewMunicipalityForm {
  readonly code: string;
  readonly name: string;
  readonly login: string;
  readonly displayName: string;
}

/** What a municipality's creation hands back once: its first administrator's one-time password. */
export interface CreatedMunicipality {
  readonly municipality: Municipality;
  readonly admin: User;
  readonly oneTimePassword: string;
}

/**
 * Adds a municipality and its first administrator together, in one transaction: a taken login leaves no
 * municipality without an administrator behind. The password is generated and handed back once; the
 * administrator replaces it at the first sign-in.
 */
export async function addMunicipality(
  store: Store,
  actor: User,
  form: NewMunicipalityForm,
): Promise<FormOutcome<CreatedMunicipality>> {
  assertRole(actor, 'host');
  const problems: Record<string, FormProblem> = {};
  const code = parseMunicipalityCode(form.code);
  if (!code.ok) problems.code = { kind: 'municipality-code' };
  const nameProblem = requiredText(form.name, 100);
  if (nameProblem) problems.name = nameProblem;
  const login = form.login.trim();
  if (!isLoginName(login)) problems.login = { kind: 'login-format' };
  const displayProblem = requiredText(form.displayName, 100);
  if (displayProblem) problems.displayName = displayProblem;
  if (!code.ok || Object.keys(problems).length > 0) return rejected(problems);
  const oneTimePassword = generatePassword();
  try {
    const created = await createMunicipalityWithAdmin(
      store.db,
      { code: code.value, name: form.name.trim() },
      { login, displayName: form.displayName.trim(), oneTimePassword },
      actor.id,
    );
    return accepted({ ...created, oneTimePassword });
  } catch (error) {
    if (error instanceof ShinchokuError && error.id === 'conflict') {
      return rejected(
        error.context.current === code.value
          ? { code: { kind: 'municipality-exists' } }
          : { login: { kind: 'login-taken' } },
      );
    }
    throw error;
  }
}

/** One municipality and its administrators, for the host's page of it; 404 for an id that names none. */
export async function hostedMunicipality(
  store: Store,
  actor: User,
  id: number,
): Promise<{ municipality: Municipality; administrators: User[] }> {
  assertRole(actor, 'host');
  const municipality = Number.isSafeInteger(id) ? await municipalityById(store.db, id) : null;
  if (!municipality) throw new ShinchokuError('not-found', `There is no municipality ${id}.`);
  return { municipality, administrators: await listAdministrators(store.db, municipality.id) };
}

/** A municipality's administrator, whom the host may disable or reset; 404 for anyone else. */
async function administratorOf(store: Store, municipalityId: number, userId: number): Promise<User> {
  const user = Number.isSafeInteger(userId) ? await findUser(store.db, userId) : null;
  if (!user || user.role !== 'admin' || user.municipalityId !== municipalityId) {
    throw new ShinchokuError('not-found', `There is no administrator ${userId}.`);
  }
  return user;
}

/** Disables or re-enables a municipality's administrator; the municipality keeps one active administrator. */
export async function setAdministratorDisabled(
  store: Store,
  actor: User,
  municipalityId: number,
  userId: number,
  disabled: boolean,
): Promise<User> {
  assertRole(actor, 'host');
  const admin = await administratorOf(store, municipalityId, userId);
  await setUserDisabled(store.db, admin.id, disabled, actor.id);
  return admin;
}

/** Gives a municipality's administrator a one-time password, shown once, as the office's reset does. */
export async function resetAdministratorPassword(
  store: Store,
  actor: User,
  municipalityId: number,
  userId: number,
): Promise<{ user: User; oneTimePassword: string }> {
  assertRole(actor, 'host');
  const admin = await administratorOf(store, municipalityId, userId);
  const oneTimePassword = generatePassword();
  const user = await setPassword(store.db, {
    userId: admin.id,
    password: oneTimePassword,
    mustChange: true,
    actorId: actor.id,
  });
  return { user, oneTimePassword };
}
