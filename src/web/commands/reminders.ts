import { isPastDeadline } from '../../core/calendar-date.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Store } from '../../store/connect.ts';
import { logMail } from '../../store/mail-log.ts';
import { departmentMembers } from '../../store/user-contact.ts';
import type { User } from '../../store/users.ts';
import { t } from '../i18n/index.ts';
import { mailError, mailLink, type Mailer } from '../mail/mailer.ts';
import { staffPaths } from '../routes/staff/paths.ts';
import { assertRole } from './access.ts';
import { deadlineStatus } from './deadlines.ts';
import { mailPlanTexts } from './mail-texts.ts';
import { assertYearInPlan } from './sheets.ts';

export interface ReminderResult {
  /** Nothing was waiting: no mail went. */
  readonly nothingPending: boolean;
  readonly sent: readonly string[];
  readonly failed: readonly string[];
  /** The display names of the users who would have been reminded but have no address. */
  readonly noAddress: readonly string[];
}

/**
 * Reminds every department with KPIs not submitted for a year: one mail per active user of the
 * department, in that user's language, listing the department's KPIs by name, with the deadline and
 * whether it has passed. Each failure is logged for the office and the others still go.
 */
export async function sendReminders(
  store: Store,
  mailer: Mailer,
  user: User | null,
  plan: string,
  year: FiscalYear,
  now: Date,
): Promise<ReminderResult> {
  if (user) assertRole(user, 'admin');
  await assertYearInPlan(store.db, plan, year);
  const status = await deadlineStatus(store.db, plan, year, now);
  const withDepartment = status.pending.filter((p) => p.departmentId !== null);
  const members = await departmentMembers(
    store.db,
    withDepartment.map((p) => p.departmentId as number),
  );
  const sent: string[] = [];
  const failed: string[] = [];
  const noAddress: string[] = [];
  const link = mailLink(mailer, staffPaths.overview(plan, year));
  const texts = await mailPlanTexts(store.db, plan);
  for (const member of members) {
    const group = withDepartment.find((p) => p.departmentId === member.departmentId);
    if (!group) continue;
    if (member.email === null) {
      noAddress.push(member.displayName);
      continue;
    }
    const words = t(member.mailLang).staffMail.mail;
    const facts = {
      planTitle: texts.planTitle(member.mailLang),
      year,
      deadline: status.deadline,
      overdue: status.deadline !== null && isPastDeadline(status.deadline, now),
      kpiNames: group.kpis.map((k) => texts.kpiName(member.mailLang, k.key, k.name)),
      link,
    };
    try {
      await mailer.send({
        to: member.email,
        subject: words.reminderSubject(facts),
        text: words.reminderBody(facts, member.displayName),
      });
      await logMail(store.db, { kind: 'reminder', recipient: member.email, ok: true, error: null });
      sent.push(member.email);
    } catch (error) {
      await logMail(store.db, {
        kind: 'reminder',
        recipient: member.email,
        ok: false,
        error: mailError(error),
      });
      failed.push(member.email);
    }
  }
  return { nothingPending: status.pending.length === 0, sent, failed, noAddress };
}
