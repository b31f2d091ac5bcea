import { parseEmailAddress } from '../../core/email-address.ts';
import { ShinchokuError } from '../../core/errors.ts';
import type { Store } from '../../store/connect.ts';
import { setContact, type MailLang } from '../../store/user-contact.ts';
import { findUser, type User } from '../../store/users.ts';
import { accepted, rejected, type FormOutcome, type FormProblem } from './form-problem.ts';

export interface ContactForm {
  readonly email: string;
  readonly mailLang: string;
}

/**
 * A user's e-mail address and mail language: each user sets their own, and the office anyone's. The
 * address is read once here (full-width letters as ASCII, one plain address or none).
 */
export async function saveContact(
  store: Store,
  actor: User,
  userId: number,
  form: ContactForm,
): Promise<FormOutcome<number>> {
  if (actor.id !== userId && (actor.role !== 'admin' || !(await sameMunicipality(store, actor, userId)))) {
    throw new ShinchokuError('forbidden', `${actor.login} may not change another user's address.`, null, [], {
      reason: 'role',
    });
  }
  const problems: Record<string, FormProblem> = {};
  const email = parseEmailAddress(form.email);
  if (!email.ok) problems.email = { kind: 'email', refusal: email.refusal };
  const mailLang: MailLang | null = form.mailLang === 'ja' || form.mailLang === 'en' ? form.mailLang : null;
  if (mailLang === null) problems.mailLang = { kind: 'choice' };
  if (!email.ok || mailLang === null) return rejected(problems);
  return accepted(await setContact(store.db, userId, { email: email.value, mailLang }, actor.id));
}

async function sameMunicipality(store: Store, actor: User, userId: number): Promise<boolean> {
  const target = await findUser(store.db, userId);
  return target !== null && target.municipalityId === actor.municipalityId;
}
