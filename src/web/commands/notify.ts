import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Store } from '../../store/connect.ts';
import { logMail } from '../../store/mail-log.ts';
import { addNotices, markNoticeMail, noticeRecipients, type NoticeKind } from '../../store/notices.ts';
import { kpiRow, planIdOf } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { t } from '../i18n/index.ts';
import { mailError, mailLink, type Mailer } from '../mail/mailer.ts';
import { staffPaths } from '../routes/staff/paths.ts';
import { mailPlanTexts } from './mail-texts.ts';

/** What the people concerned were told: in the app always; by mail when a server is configured. */
export type MailOutcome = 'none' | 'sent' | 'failed';

export interface KpiEvent {
  readonly kind: NoticeKind;
  readonly plan: string;
  readonly kpi: string;
  readonly year: FiscalYear;
  /** The return's reason or the comment. */
  readonly note: string | null;
}

/** What an action needs to tell people: the store, and the mail server if there is one. */
export interface Notifier {
  readonly store: Store;
  readonly mailer: Mailer | null;
}

/**
 * Tells the people concerned of a KPI's news, after the action itself is stored: a notice in the app
 * for each, then a mail to each one with an address, in that person's language. A mail that fails is
 * logged for the office and marks its notice; it never undoes or fails the action.
 */
export async function notifyKpiEvent(notifier: Notifier, actor: User, event: KpiEvent): Promise<MailOutcome> {
  const { db } = notifier.store;
  const recipients = await noticeRecipients(db, event.plan, event.kpi, event.kind, actor.id);
  const ids = await addNotices(
    db,
    { ...event, actorId: actor.id },
    recipients.map((r) => r.userId),
  );
  const mailer = notifier.mailer;
  const addressed = recipients.flatMap((r, i) =>
    r.email ? [{ ...r, email: r.email, noticeId: ids[i] ?? 0 }] : [],
  );
  if (mailer === null || addressed.length === 0) return 'none';
  const texts = await mailPlanTexts(db, event.plan);
  const kpi = await kpiRow(db, await planIdOf(db, event.plan), event.kpi);
  const link = mailLink(mailer, staffPaths.kpi(event.plan, event.year, event.kpi));
  let failed = false;
  for (const r of addressed) {
    const words = t(r.mailLang).staffMail.mail;
    const facts = {
      ...event,
      planTitle: texts.planTitle(r.mailLang),
      kpiName: texts.kpiName(r.mailLang, event.kpi, kpi.name),
      actor: actor.displayName,
      link,
    };
    try {
      await mailer.send({
        to: r.email,
        subject: words.noticeSubject(facts),
        text: words.noticeBody(facts, r.displayName),
      });
      await logMail(db, { kind: 'notice', recipient: r.email, ok: true, error: null });
      await markNoticeMail(db, [r.noticeId], 'sent');
    } catch (error) {
      failed = true;
      await logMail(db, { kind: 'notice', recipient: r.email, ok: false, error: mailError(error) });
      await markNoticeMail(db, [r.noticeId], 'failed');
    }
  }
  return failed ? 'failed' : 'sent';
}
