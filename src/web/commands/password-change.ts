import { passwordProblem } from '../../core/password-policy.ts';
import type { Store } from '../../store/connect.ts';
import { checkPassword, setPassword } from '../../store/user-changes.ts';
import type { User } from '../../store/users.ts';
import { accepted, rejected, type FormOutcome, type FormProblem } from './form-problem.ts';

export interface PasswordChangeForm {
  readonly current: string;
  readonly next: string;
  readonly confirm: string;
}

/**
 * A user replaces their own password: the current one first, so a session left open on a shared PC
 * cannot take the account over; the new one twice, under the one password rule. The store ends every
 * session of the user; the route opens a new one for the browser that made the change.
 */
export async function changeOwnPassword(
  store: Store,
  user: User,
  form: PasswordChangeForm,
): Promise<FormOutcome<User>> {
  const problems: Record<string, FormProblem> = {};
  if (form.current === '') problems.current = { kind: 'required' };
  const weak = form.next === '' ? null : passwordProblem(form.next, user.login);
  if (form.next === '') problems.next = { kind: 'required' };
  else if (weak) problems.next = { kind: 'password', problem: weak, ownChoice: true };
  else if (form.next === form.current) problems.next = { kind: 'password-same' };
  if (form.confirm !== form.next && !problems.next) problems.confirm = { kind: 'password-mismatch' };
  if (Object.keys(problems).length > 0) return rejected(problems);
  // Checked last, and only for an otherwise acceptable form, so a guess costs a hash and a valid new password.
  if (!(await checkPassword(store.db, user.id, form.current)))
    return rejected({ current: { kind: 'current-password' } });
  return accepted(
    await setPassword(store.db, {
      userId: user.id,
      password: form.next,
      mustChange: false,
      actorId: user.id,
    }),
  );
}
