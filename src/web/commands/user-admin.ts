import { ShinchokuError } from '../../core/errors.ts';
import type { Store } from '../../store/connect.ts';
import { listDepartments } from '../../store/departments.ts';
import { generatePassword } from '../../store/password.ts';
import { setPassword, updateProfile } from '../../store/user-changes.ts';
import { findUser, ROLES, type User } from '../../store/users.ts';
import { assertRole, municipalityOf } from './access.ts';
import { accepted, rejected, requiredText, type FormOutcome, type FormProblem } from './form-problem.ts';

/** The user an administrator is about to change; 404 for an id that names nobody. */
export async function userToAdminister(store: Store, actor: User, id: number): Promise<User> {
  assertRole(actor, 'admin');
  const user = Number.isSafeInteger(id) ? await findUser(store.db, id) : null;
  // Another municipality's user, or a host administrator, is answered as nobody: the id tells nothing.
  if (!user || user.municipalityId !== municipalityOf(actor))
    throw new ShinchokuError('not-found', `There is no user ${id}.`);
  return user;
}

/**
 * Gives a user a one-time password: generated, so nobody has to invent one; handed back once to be
 * read out or passed on, stored only as a hash; the user must replace it at the next sign-in, and every
 * session they had ends now.
 */
export async function resetPassword(
  store: Store,
  actor: User,
  id: number,
): Promise<{ user: User; oneTimePassword: string }> {
  const target = await userToAdminister(store, actor, id);
  const oneTimePassword = generatePassword();
  const user = await setPassword(store.db, {
    userId: target.id,
    password: oneTimePassword,
    mustChange: true,
    actorId: actor.id,
  });
  return { user, oneTimePassword };
}

export interface ProfileForm {
  readonly displayName: string;
  readonly role: string;
  readonly department: string;
}

/** Changes a user's name, role and department; the last active administrator keeps the role. */
export async function editProfile(
  store: Store,
  actor: User,
  id: number,
  form: ProfileForm,
): Promise<FormOutcome<{ user: User; changes: number }>> {
  const target = await userToAdminister(store, actor, id);
  const problems: Record<string, FormProblem> = {};
  const nameProblem = requiredText(form.displayName, 100);
  if (nameProblem) problems.displayName = nameProblem;
  const role = ROLES.find((r) => r === form.role) ?? null;
  if (role === null) problems.role = { kind: 'choice' };
  const departments = await listDepartments(store.db, municipalityOf(actor));
  const department = departments.find((d) => String(d.id) === form.department) ?? null;
  if (form.department !== '' && department === null) problems.department = { kind: 'choice' };
  else if (role === 'department' && department === null)
    problems.department = { kind: 'department-required' };
  if (Object.keys(problems).length > 0 || role === null) return rejected(problems);
  try {
    return accepted(
      await updateProfile(
        store.db,
        target.id,
        {
          displayName: form.displayName.trim(),
          role,
          // Only a department user belongs to one: that is what lets them edit its KPIs.
          departmentId: role === 'department' ? (department?.id ?? null) : null,
        },
        actor.id,
      ),
    );
  } catch (error) {
    if (error instanceof ShinchokuError && error.context.reason === 'last-admin')
      return rejected({ role: { kind: 'last-admin' } });
    throw error;
  }
}
