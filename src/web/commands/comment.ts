import { addComment, type Comment } from '../../store/comments.ts';
import type { Store } from '../../store/connect.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { accepted, rejected, requiredText, unixLines, type FormOutcome } from './form-problem.ts';
import type { KpiYear } from './review.ts';
import { assertYearInPlan, loadSheet } from './sheets.ts';

export const MAX_COMMENT = 2000;

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
  const problem = requiredText(body, MAX_COMMENT);
  if (problem) return rejected({ body: problem });
  return accepted(await addComment(store.db, { ...at, body: unixLines(body).trim() }, user.id));
}
