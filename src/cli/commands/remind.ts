import { ShinchokuError } from '../../core/errors.ts';
import { collectionYear } from '../../store/collection-year.ts';
import { sendReminders } from '../../web/commands/reminders.ts';
import { mailConfigFromEnv } from '../../web/mail/config.ts';
import { smtpMailer } from '../../web/mail/mailer.ts';
import type { Io } from '../io.ts';
import { parseCommandArgs, yearOption } from '../options.ts';
import { STORE_HELP, STORE_OPTIONS, withStore } from '../store-options.ts';

export const remindHelp = `shinchoku remind --plan ID [--year R5] [--db URL] [--data DIR]

Mails a reminder to the users of every department with KPIs not submitted (or returned) for the year,
as the office's 督促メール button does: one mail per user with an address, in the user's language,
listing the department's KPIs and the deadline. Suits a scheduled job (cron) on the day after the deadline.
Needs SHINCHOKU_SMTP_URL and SHINCHOKU_MAIL_FROM (and SHINCHOKU_BASE_URL for full links).

  --plan ID   the stored plan
  --year Y    the year (default: the year being collected)
${STORE_HELP}

Exits 0 when every mail went, 69 when the mail server refused or could not be reached for any of them.`;

export async function remindCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('remind', args, {
    ...STORE_OPTIONS,
    plan: { type: 'string' },
    year: { type: 'string' },
  });
  if (!values.plan) throw new ShinchokuError('usage', 'shinchoku remind needs --plan ID.');
  const plan = values.plan;
  const config = mailConfigFromEnv(process.env);
  if (config === null) {
    throw new ShinchokuError(
      'usage',
      'No mail server: SHINCHOKU_SMTP_URL is not set.',
      'Set SHINCHOKU_SMTP_URL=smtp://host:port and SHINCHOKU_MAIL_FROM, then run it again.',
    );
  }
  const mailer = smtpMailer(config);
  try {
    const result = await withStore(values, async (store) => {
      const year = yearOption(values.year) ?? (await collectionYear(store.db, plan));
      return sendReminders(store, mailer, null, plan, year, new Date());
    });
    if (result.nothingPending) {
      io.out('Every KPI is submitted; no reminder was sent.\n');
      return 0;
    }
    io.out(
      `Reminders sent: ${result.sent.length}${result.sent.length > 0 ? ` (${result.sent.join(', ')})` : ''}\n`,
    );
    if (result.noAddress.length > 0) io.out(`Without an e-mail address: ${result.noAddress.join(', ')}\n`);
    if (result.failed.length > 0) {
      io.err(`Not sent (see the settings page for the server's answers): ${result.failed.join(', ')}\n`);
      return 69;
    }
    return 0;
  } finally {
    mailer.close();
  }
}
