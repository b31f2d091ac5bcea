import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../store/connect.ts';
import { recentMail, type LoggedMail } from '../../store/mail-log.ts';
import * as t from '../../store/schema.ts';
import type { User } from '../../store/users.ts';
import type { Mailer } from '../mail/mailer.ts';
import { assertRole, municipalityOf } from './access.ts';

/** What the settings page shows the office of the mail: the server (or none), failures, who cannot be reached. */
export interface MailStatus {
  readonly server: string | null;
  readonly from: string | null;
  readonly failures: readonly LoggedMail[];
  readonly recentSent: number;
  readonly usersWithoutAddress: number;
}

export const FAILURES_SHOWN = 50;

export async function mailStatus(db: Db, user: User, mailer: Mailer | null): Promise<MailStatus> {
  assertRole(user, 'admin');
  const municipalityId = municipalityOf(user);
  const recent = await recentMail(db, municipalityId, 200);
  const [noAddress] = await db
    .select({ n: count() })
    .from(t.users)
    .where(
      and(eq(t.users.disabled, false), isNull(t.users.email), eq(t.users.municipalityId, municipalityId)),
    );
  return {
    server: mailer?.server ?? null,
    from: mailer?.from ?? null,
    failures: await recentMail(db, municipalityId, FAILURES_SHOWN, true),
    recentSent: recent.filter((m) => m.ok).length,
    usersWithoutAddress: noAddress?.n ?? 0,
  };
}

/** Why a mail failed, as a kind the page words; the server's own answer is shown only where it says more. */
export type FailureReason = 'refused' | 'timeout' | 'unknown-host' | 'auth' | 'rejected' | 'other';

export function failureReason(error: string | null): FailureReason {
  const text = error ?? '';
  if (/ECONNREFUSED|ECONNRESET/.test(text)) return 'refused';
  if (/ETIMEDOUT|timeout/i.test(text)) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'unknown-host';
  if (/EAUTH/.test(text)) return 'auth';
  if (/EENVELOPE|EMESSAGE|\b[45]\d\d\b/.test(text)) return 'rejected';
  return 'other';
}

/** The part of a server's answer worth showing: its reply line (550 5.1.1 …), without the error code in front. */
export const serverAnswer = (error: string | null): string =>
  (error ?? '').replace(/^E[A-Z]+:\s*/, '').slice(0, 200);
