import type { Comment } from '../../store/comments.ts';
import type { Review } from '../../store/reviews.ts';
import type { User } from '../../store/users.ts';
import { postComment } from './comment.ts';
import { type FormOutcome } from './form-problem.ts';
import { notifyKpiEvent, type MailOutcome, type Notifier } from './notify.ts';
import { approve, approveSeveral, returnToDepartment, type BatchResult, type KpiYear } from './review.ts';

/**
 * The review and comment actions, each followed by telling the people concerned (commands/notify.ts).
 * The action is stored first and stands whatever the mail server does; the outcome says how the mail went.
 */
export interface Told<T> {
  readonly value: T;
  readonly mail: MailOutcome;
}

export async function approveAndTell(n: Notifier, user: User, at: KpiYear): Promise<Told<Review>> {
  const review = await approve(n.store, user, at);
  return { value: review, mail: await notifyKpiEvent(n, user, { kind: 'approved', ...at, note: null }) };
}

export async function returnAndTell(
  n: Notifier,
  user: User,
  at: KpiYear,
  comment: string,
): Promise<FormOutcome<Told<Review>>> {
  const outcome = await returnToDepartment(n.store, user, at, comment);
  if (!outcome.ok) return outcome;
  const mail = await notifyKpiEvent(n, user, { kind: 'returned', ...at, note: outcome.value.comment });
  return { ok: true, value: { value: outcome.value, mail } };
}

export async function commentAndTell(
  n: Notifier,
  user: User,
  at: KpiYear,
  body: string,
): Promise<FormOutcome<Told<Comment>>> {
  const outcome = await postComment(n.store, user, at, body);
  if (!outcome.ok) return outcome;
  const mail = await notifyKpiEvent(n, user, { kind: 'commented', ...at, note: outcome.value.body });
  return { ok: true, value: { value: outcome.value, mail } };
}

/** A batch approval tells each approved KPI's people; the worst mail outcome is reported. */
export async function approveSeveralAndTell(
  n: Notifier,
  user: User,
  plan: string,
  year: KpiYear['year'],
  kpis: readonly string[],
): Promise<Told<BatchResult[]>> {
  const outcomes = await approveSeveral(n.store, user, plan, year, kpis);
  let mail: MailOutcome = 'none';
  for (const o of outcomes) {
    if (o.outcome !== 'approved') continue;
    const told = await notifyKpiEvent(n, user, { kind: 'approved', plan, kpi: o.kpi, year, note: null });
    if (told === 'failed' || (told === 'sent' && mail === 'none')) mail = told;
  }
  return { value: outcomes, mail };
}
