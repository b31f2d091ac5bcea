import { addComment, markOpinion, type Comment } from '../../store/comments.ts';
import type { Store } from '../../store/connect.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { TEXT_FIELDS } from '../../core/text-field.ts';
import { accepted, fieldText, rejected, type FormOutcome } from './form-problem.ts';
import type { KpiYear } from './review.ts';
import { assertYearInPlan, loadSheet } from './sheets.ts';

export const MAX_COMMENT = TEXT_FIELDS.comment.max;

/** The committee (and the office) remark on a KPI's year; a department reads the remarks but cannot post. */
export async function postComment(
  store: Store,
  user: User,
  at: KpiYear,
  body: string,
): Promise<FormOutcome<Comment>> {
  assertRole(user, 'committee', 'admin');
  await assertYearInPlan(store.db, at.plan, at.year);
  await loadSheet(store.db, at.plan, at.kpi, at.year);
  const read = fieldText('comment', body, true);
  if (read.problem) return rejected({ body: read.problem });
  return accepted(await addComment(store.db, { ...at, body: read.value }, user.id));
}

/**
 * The planning office marks a comment for publication as a committee opinion (委員会意見), or takes the
 * mark off; the next edition of the year freezes the marked ones. The committee writes; only the office
 * decides what goes public.
 */
export async function markCommentOpinion(
  store: Store,
  user: User,
  at: KpiYear,
  comment: number,
  publish: boolean,
): Promise<Comment> {
  assertRole(user, 'admin');
  await assertYearInPlan(store.db, at.plan, at.year);
  return markOpinion(store.db, { ...at, comment, publish }, user.id);
}
