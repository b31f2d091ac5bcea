import { ShinchokuError } from '../../core/errors.ts';
import { isLoginName } from '../../core/login-name.ts';
import { passwordProblem } from '../../core/password-policy.ts';
import type { Store } from '../../store/connect.ts';
import { createDepartment, listDepartments, type Department } from '../../store/departments.ts';
import { generatePassword } from '../../store/password.ts';
import { setUserDisabled } from '../../store/user-status.ts';
import { createUser, ROLES, type Role, type User } from '../../store/users.ts';
import { assertRole, municipalityOf } from './access.ts';
import { userToAdminister } from './user-admin.ts';
import { accepted, rejected, requiredText, type FormProblem, type FormOutcome } from './form-problem.ts';

export interface NewUserForm {
  readonly login: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: string;
  readonly department: string;
}

/**
 * Adds a staff account. Left empty, the password is generated and handed back once, so the office never
 * has to invent one that others could guess; either way the user replaces it at the first sign-in.
 */
export async function addUser(
  store: Store,
  actor: User,
  form: NewUserForm,
): Promise<FormOutcome<{ user: User; generatedPassword: string | null }>> {
  assertRole(actor, 'admin');
  const problems: Record<string, FormProblem> = {};
  const login = form.login.trim();
  if (!isLoginName(login)) problems.login = { kind: 'login-format' };
  const nameProblem = requiredText(form.displayName, 100);
  if (nameProblem) problems.displayName = nameProblem;
  const weak = form.password === '' ? null : passwordProblem(form.password, login);
  if (weak) problems.password = { kind: 'password', problem: weak };
  const role = ROLES.find((r) => r === form.role) ?? null;
  if (role === null) problems.role = { kind: 'choice' };
  const departments = await listDepartments(store.db, municipalityOf(actor));
  const department = departments.find((d) => String(d.id) === form.department) ?? null;
  if (form.department !== '' && department === null) problems.department = { kind: 'choice' };
  else if (role === 'department' && department === null)
    problems.department = { kind: 'department-required' };
  if (Object.keys(problems).length > 0 || role === null) return rejected(problems);
  const generatedPassword = form.password === '' ? generatePassword() : null;
  try {
    const user = await createUser(
      store.db,
      {
        login,
        displayName: form.displayName.trim(),
        password: generatedPassword ?? form.password,
        role: role satisfies Role,
        departmentName: role === 'department' ? (department?.name ?? null) : null,
        // The office chose or saw this password: the user replaces it at the first sign-in.
        mustChangePassword: true,
      },
      actor.id,
    );
    return accepted({ user, generatedPassword });
  } catch (error) {
    if (error instanceof ShinchokuError && error.id === 'conflict')
      return rejected({ login: { kind: 'login-taken' } });
    throw error;
  }
}

/** Disables or re-enables an account; an administrator cannot lock themselves out. */
export async function setAccountDisabled(
  store: Store,
  actor: User,
  userId: number,
  disabled: boolean,
): Promise<void> {
  assertRole(actor, 'admin');
  if (disabled && userId === actor.id) {
    throw new ShinchokuError('invalid', 'An administrator cannot disable their own account.', null, [], {
      reason: 'self',
    });
  }
  await userToAdminister(store, actor, userId);
  await setUserDisabled(store.db, userId, disabled, actor.id);
}

export async function addDepartment(
  store: Store,
  actor: User,
  name: string,
): Promise<FormOutcome<Department>> {
  assertRole(actor, 'admin');
  const problem = requiredText(name, 100);
  if (problem) return rejected({ name: problem });
  try {
    return accepted(await createDepartment(store.db, name.trim(), actor.id, municipalityOf(actor)));
  } catch (error) {
    if (error instanceof ShinchokuError && error.id === 'conflict') {
      return rejected({ name: { kind: 'department-exists' } });
    }
    throw error;
  }
}
