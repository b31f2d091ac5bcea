import { ShinchokuError } from '../../core/errors.ts';
import { isLoginName } from '../../core/login-name.ts';
import { readMunicipalityCode } from '../../core/municipality-code.ts';
import { hostAuditTrail, type HostAuditRow } from '../../store/audit.ts';
import type { Store } from '../../store/connect.ts';
import {
  listMunicipalities,
  municipalityById,
  nameMunicipality,
  type Municipality,
} from '../../store/municipalities.ts';
import { generatePassword } from '../../store/password.ts';
import { addAdministrator, createMunicipalityWithAdmin } from '../../store/municipality-admin.ts';
import { setPassword } from '../../store/user-changes.ts';
import { setUserDisabled } from '../../store/user-status.ts';
import { administratorCounts, findUser, listAdministrators, type User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { accepted, rejected, requiredText, type FormOutcome, type FormProblem } from './form-problem.ts';

/** A municipality with the number of its administrators, as the host's list shows it. */
export interface HostedMunicipality extends Municipality {
  readonly administrators: number;
  /** Those not disabled: a municipality with none has nobody to run it, and the host's list says so. */
  readonly activeAdministrators: number;
}

export async function hostedMunicipalities(store: Store, actor: User): Promise<HostedMunicipality[]> {
  assertRole(actor, 'host');
  const [all, counts] = await Promise.all([listMunicipalities(store.db), administratorCounts(store.db)]);
  return all.map((m) => ({
    ...m,
    administrators: counts.get(m.id)?.all ?? 0,
    activeAdministrators: counts.get(m.id)?.active ?? 0,
  }));
}

/** An administrator's fields, as the new-municipality form and the add-administrator form both ask them. */
export interface AdministratorForm {
  readonly login: string;
  readonly displayName: string;
}

export interface NewMunicipalityForm extends AdministratorForm {
  readonly code: string;
  readonly name: string;
}

/** What adding an administrator hands back once: the account and its one-time password. */
export interface AddedAdministrator {
  readonly admin: User;
  readonly oneTimePassword: string;
}

/** What a municipality's creation hands back once: its first administrator's one-time password. */
export interface CreatedMunicipality extends AddedAdministrator {
  readonly municipality: Municipality;
}

/** The administrator's fields checked, each problem under its field's name. */
function checkAdministrator(
  form: AdministratorForm,
  problems: Record<string, FormProblem>,
): AdministratorForm {
  const login = form.login.trim();
  if (!isLoginName(login)) problems.login = { kind: 'login-format' };
  const displayProblem = requiredText(form.displayName, 100);
  if (displayProblem) problems.displayName = displayProblem;
  return { login, displayName: form.displayName.trim() };
}

/** A code as typed (full-width digits, five digits) read and verified, or its problem. */
function checkCode(text: string): { code: string } | { problem: FormProblem } {
  const read = readMunicipalityCode(text);
  return read.ok ? { code: read.value } : { problem: { kind: 'municipality-code', problem: read.problem } };
}

/**
 * Creates an administrator with a generated one-time password, handed back once; they replace it at
 * the first sign-in. `create` is the store's step (with or without a new municipality around it).
 */
async function withOneTimePassword<T extends { admin: User }>(
  create: (oneTimePassword: string) => Promise<T>,
): Promise<T & { oneTimePassword: string }> {
  const oneTimePassword = generatePassword();
  return { ...(await create(oneTimePassword)), oneTimePassword };
}

const isConflict = (error: unknown): error is ShinchokuError =>
  error instanceof ShinchokuError && error.id === 'conflict';

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
  const code = checkCode(form.code);
  if ('problem' in code) problems.code = code.problem;
  const nameProblem = requiredText(form.name, 100);
  if (nameProblem) problems.name = nameProblem;
  const admin = checkAdministrator(form, problems);
  if ('problem' in code || Object.keys(problems).length > 0) return rejected(problems);
  try {
    const created = await withOneTimePassword((oneTimePassword) =>
      createMunicipalityWithAdmin(
        store.db,
        { code: code.code, name: form.name.trim() },
        { ...admin, oneTimePassword },
        actor.id,
      ),
    );
    return accepted(created);
  } catch (error) {
    if (isConflict(error)) {
      return rejected(
        error.context.current === code.code
          ? { code: { kind: 'municipality-exists' } }
          : { login: { kind: 'login-taken' } },
      );
    }
    throw error;
  }
}

/**
 * Adds an administrator to a municipality already there (one whose first administrator left, or row 1
 * when the installation was made a host before its first start): the same checks, the same generated
 * one-time password shown once, as adding a municipality with its first administrator.
 */
export async function addHostedAdministrator(
  store: Store,
  actor: User,
  municipalityId: number,
  form: AdministratorForm,
): Promise<FormOutcome<AddedAdministrator & { municipality: Municipality }>> {
  const { municipality } = await hostedMunicipality(store, actor, municipalityId);
  const problems: Record<string, FormProblem> = {};
  const admin = checkAdministrator(form, problems);
  if (Object.keys(problems).length > 0) return rejected(problems);
  try {
    const added = await withOneTimePassword(async (oneTimePassword) => ({
      admin: await addAdministrator(store.db, municipality.id, { ...admin, oneTimePassword }, actor.id),
    }));
    return accepted({ ...added, municipality });
  } catch (error) {
    if (isConflict(error)) return rejected({ login: { kind: 'login-taken' } });
    throw error;
  }
}

export interface MunicipalityNameForm {
  /** Empty: the code stays as it is (none, for a municipality without one). */
  readonly code: string;
  readonly name: string;
}

/**
 * Names a municipality, and gives it its code where it has none (row 1 of an installation made a host
 * before its first start shows as unnamed without). The number of fields changed, each in the log.
 */
export async function nameHostedMunicipality(
  store: Store,
  actor: User,
  municipalityId: number,
  form: MunicipalityNameForm,
): Promise<FormOutcome<{ municipality: Municipality; changes: number }>> {
  const { municipality } = await hostedMunicipality(store, actor, municipalityId);
  const problems: Record<string, FormProblem> = {};
  const code = form.code.trim() === '' ? { code: null } : checkCode(form.code);
  if ('problem' in code) problems.code = code.problem;
  const nameProblem = requiredText(form.name, 100);
  if (nameProblem) problems.name = nameProblem;
  if ('problem' in code || Object.keys(problems).length > 0) return rejected(problems);
  const named = await nameMunicipality(
    store.db,
    municipality.id,
    { code: code.code, name: form.name.trim() },
    actor.id,
  );
  if (named.ok) return accepted({ municipality: named.municipality, changes: named.changes });
  return rejected({
    code:
      named.refusal.reason === 'code-set'
        ? { kind: 'municipality-code-set', current: named.refusal.current }
        : { kind: 'municipality-exists' },
  });
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

/** The host's log (store/audit.ts hostAuditTrail): everything, or one municipality's entries. */
export async function hostLog(store: Store, actor: User, municipalityId?: number): Promise<HostAuditRow[]> {
  assertRole(actor, 'host');
  return hostAuditTrail(store.db, municipalityId === undefined ? {} : { municipalityId });
}
