import { dateParts, type CalendarDate, type DateRefusal } from '../../core/calendar-date.ts';
import type { EmailRefusal } from '../../core/email-address.ts';
import { formatFiscalYear, formatFiscalYearLong, type FiscalYear } from '../../core/fiscal-year.ts';
import type { NoticeKind } from '../../store/notices.ts';
import type { FailureReason } from '../commands/mail-status.ts';

/** A day as the Japanese pages print it: 2024年6月30日. */
const jaDate = (d: CalendarDate): string => {
  const { year, month, day } = dateParts(d);
  return `${year}年${month}月${day}日`;
};
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const enDate = (d: CalendarDate): string => {
  const { year, month, day } = dateParts(d);
  return `${day} ${EN_MONTHS[month - 1] ?? ''} ${year}`;
};
const enYear = (year: FiscalYear): string => `FY${year} (${formatFiscalYear(year)})`;

/** What a mail is about, for its subject and first line. */
export interface NoticeMailFacts {
  readonly kind: NoticeKind;
  readonly planTitle: string;
  readonly kpiName: string;
  readonly year: FiscalYear;
  readonly actor: string;
  readonly note: string | null;
  /** The KPI's page, as a full address when the office configured one; else the path. */
  readonly link: string;
}

export interface ReminderMailFacts {
  readonly planTitle: string;
  readonly year: FiscalYear;
  readonly deadline: CalendarDate | null;
  readonly overdue: boolean;
  readonly kpiNames: readonly string[];
  readonly link: string;
}

/**
 * Deadlines, reminders, notices and the mail server's status: the pages' words and the mails' texts.
 * Mails are written in the recipient's language and never carry a code: a KPI by its name, a year as
 * 令和5年度, a day as 2024年6月30日.
 */
export const staffMailJa = {
  staffMail: {
    navNotices: (unread: number): string => (unread > 0 ? `お知らせ（未読${unread}件）` : 'お知らせ'),
    navSettings: '設定・状態',
    navContact: 'メールアドレス',
    date: jaDate,
    // The notices page
    noticesTitle: 'お知らせ',
    noticesIntro: '担当の数値目標が差し戻し・承認されたときや、コメントが付いたときにお知らせします。',
    noticesEmpty: 'お知らせはありません。',
    unread: '未読',
    markRead: '既読にする',
    markAllRead: 'すべて既読にする',
    markedRead: (n: number): string =>
      n === 0 ? '未読のお知らせはありません。' : `${n}件を既読にしました。`,
    noticeText: (kind: NoticeKind, actor: string, kpi: string, year: FiscalYear): string =>
      ({
        returned: `${actor}が「${kpi}」（${formatFiscalYearLong(year)}）を差し戻しました。`,
        approved: `${actor}が「${kpi}」（${formatFiscalYearLong(year)}）を承認しました。`,
        commented: `${actor}が「${kpi}」（${formatFiscalYearLong(year)}）にコメントしました。`,
      })[kind],
    someone: '（削除された利用者）',
    removedKpi: '（計画にない数値目標）',
    noteLabel: { returned: '差し戻しの理由', approved: 'メモ', commented: 'コメント' } as Readonly<
      Record<NoticeKind, string>
    >,
    mailState: {
      sent: 'メールでも送りました。',
      failed: 'メールは送れませんでした。このお知らせはアプリ内に残っています。',
    },
    mailFailedAfterAction:
      '関係者への通知メールを送れませんでした。お知らせはアプリ内に残っています。詳しくは「設定・状態」をご覧ください。',
    // The deadline page
    deadlineTitle: '提出期限と督促',
    deadlineLink: '提出期限と督促',
    deadlineIntro:
      '年度ごとに、担当課が実績値と評価を提出する期限を設定します。期限を過ぎても提出されていない数値目標は、入力状況と確認待ちの一覧に「期限超過」と表示されます。',
    yearLabel: '年度',
    deadlineLabel: '提出期限',
    deadlineHelp:
      '2024-06-30、2024/6/30、2024年6月30日 のように入力してください。この日の終わり（日本時間）までに提出されたものが期限内です。',
    saveDeadline: '期限を保存',
    deadlineSaved: '提出期限を保存しました。',
    deadlinesCaption: '設定済みの提出期限',
    columns: { year: '年度', deadline: '提出期限', state: '状況' },
    noDeadline: '未設定',
    deadlineOf: (d: CalendarDate): string => `提出期限：${jaDate(d)}`,
    overdueBadge: '期限超過',
    overdueHeading: '期限を過ぎて未提出の数値目標',
    overdueSummary: (d: CalendarDate, n: number): string =>
      `提出期限（${jaDate(d)}）を過ぎて、${n}件の数値目標が提出されていません。`,
    pendingSummary: (d: CalendarDate, n: number): string =>
      `提出期限は${jaDate(d)}です。未提出の数値目標は${n}件です。`,
    allSubmitted: (d: CalendarDate): string =>
      `提出期限は${jaDate(d)}です。すべての数値目標が提出されています。`,
    departmentCount: (department: string, n: number): string => `${department}：${n}件`,
    noDepartment: '担当課なし',
    dateProblem: (refusal: DateRefusal): string =>
      ({
        required: '提出期限を入力してください。',
        'too-long': '提出期限が長すぎます。2024-06-30 のように日付だけを入力してください。',
        format: '提出期限を 2024-06-30、2024/6/30、2024年6月30日 のように入力してください。',
        impossible: 'その日付はありません（月は1～12、日はその月の日数まで）。',
        'out-of-range': '提出期限は1989年から2200年までの日付にしてください。',
      })[refusal],
    // Reminders
    remindersHeading: '督促メールの送信',
    remindersIntro:
      '未提出（差し戻し中を含む）の数値目標がある担当課の利用者に、督促のメールを送ります。メールアドレスのない利用者には届きません。',
    remindButton: '督促メールを送る',
    remindYearLabel: '督促する年度',
    reminderNothing: '未提出の数値目標はありません。督促は送りませんでした。',
    reminderResult: (sent: number, failed: number, noAddress: number): string =>
      `督促メールを${sent}人に送りました。` +
      (failed > 0 ? `${failed}人には送れませんでした（「設定・状態」に記録しました）。` : '') +
      (noAddress > 0 ? `メールアドレスのない${noAddress}人には送っていません。` : ''),
    noAddressNames: (names: string): string => `メールアドレスのない利用者：${names}`,
    mailOffReminders:
      'メールサーバーが設定されていないため、督促メールは送れません。管理者は SHINCHOKU_SMTP_URL と SHINCHOKU_MAIL_FROM を設定してください。',
    // The settings page
    settingsTitle: '設定・状態',
    mailHeading: 'メール',
    mailOn: (server: string, from: string): string =>
      `メールサーバー ${server} から、差出人 ${from} で、督促とお知らせのメールを送ります。`,
    mailOff:
      'メールサーバーが設定されていません。お知らせはアプリ内（「お知らせ」）にだけ表示され、督促メールは送れません。メールを送るには、サーバーの環境変数 SHINCHOKU_SMTP_URL（例：smtp://mail.city.example.lg.jp:25）と SHINCHOKU_MAIL_FROM を設定して、再起動してください。',
    failuresHeading: '送れなかったメール（新しい順、最新50件）',
    noFailures: '送れなかったメールはありません。',
    failureColumns: { at: '日時', kind: '種類', recipient: '宛先', error: '理由' },
    failureReasons: {
      refused: 'メールサーバーに接続できませんでした（止まっているか、アドレスやポートが違います）。',
      timeout: 'メールサーバーから時間内に応答がありませんでした。',
      'unknown-host': 'メールサーバーの名前が見つかりませんでした。SHINCHOKU_SMTP_URL を確認してください。',
      auth: 'メールサーバーの認証に失敗しました。SHINCHOKU_SMTP_URL の利用者名とパスワードを確認してください。',
      rejected: 'メールサーバーが受け取りを拒否しました。',
      other: 'メールを送れませんでした。',
    } as Readonly<Record<FailureReason, string>>,
    serverSaid: (answer: string): string => `サーバーの応答：${answer}`,
    mailKinds: { reminder: '督促', notice: 'お知らせ' } as Readonly<Record<'reminder' | 'notice', string>>,
    sentCount: (n: number): string => `最近送ったメール：${n}件`,
    usersWithoutAddress: (n: number): string =>
      n === 0
        ? 'すべての有効な利用者にメールアドレスがあります。'
        : `メールアドレスのない有効な利用者：${n}人`,
    // One's own address
    contactTitle: 'メールアドレスと通知',
    contactIntro:
      'お知らせと督促のメールを受け取るアドレスと、メールの言語を設定します。空欄にすると、お知らせはアプリ内だけに表示されます。',
    emailLabel: 'メールアドレス',
    emailHelp: '例：taro.yamada@city.example.lg.jp（空欄にするとメールは届きません）',
    mailLangLabel: 'メールの言語',
    langNames: { ja: '日本語', en: 'English' },
    saveContact: '保存',
    contactSaved: (n: number): string => (n === 0 ? '変更はありませんでした。' : '保存しました。'),
    emailProblem: (refusal: EmailRefusal): string =>
      ({
        'too-long': 'メールアドレスが長すぎます（254文字まで）。',
        format: 'メールアドレスを name@example.lg.jp のように、1件だけ入力してください。',
      })[refusal],
    contactHeading: 'メールアドレス',
    // The mails
    mail: {
      noticeSubject: (f: NoticeMailFacts): string =>
        ({
          returned: `【進捗】差し戻し：${f.kpiName}（${formatFiscalYearLong(f.year)}）`,
          approved: `【進捗】承認：${f.kpiName}（${formatFiscalYearLong(f.year)}）`,
          commented: `【進捗】コメント：${f.kpiName}（${formatFiscalYearLong(f.year)}）`,
        })[f.kind],
      noticeBody: (f: NoticeMailFacts, to: string): string =>
        [
          `${to} 様`,
          '',
          {
            returned: `${f.actor}が、次の数値目標を差し戻しました。理由を確認して、入力し直してから提出してください。`,
            approved: `${f.actor}が、次の数値目標を承認しました。`,
            commented: `${f.actor}が、次の数値目標にコメントしました。`,
          }[f.kind],
          '',
          `計画：${f.planTitle}`,
          `数値目標：${f.kpiName}`,
          `年度：${formatFiscalYearLong(f.year)}`,
          ...(f.note ? ['', f.kind === 'returned' ? '差し戻しの理由：' : 'コメント：', f.note] : []),
          '',
          `確認はこちら：${f.link}`,
          '',
          '――',
          'このメールは Shinchoku（進捗）から自動で送っています。',
        ].join('\n'),
      reminderSubject: (f: ReminderMailFacts): string =>
        f.overdue
          ? `【進捗】提出期限を過ぎています：${formatFiscalYearLong(f.year)}の実績値と評価`
          : `【進捗】提出のお願い：${formatFiscalYearLong(f.year)}の実績値と評価`,
      reminderBody: (f: ReminderMailFacts, to: string): string =>
        [
          `${to} 様`,
          '',
          `「${f.planTitle}」の${formatFiscalYearLong(f.year)}の実績値と評価について、次の${f.kpiNames.length}件の数値目標がまだ提出されていません。`,
          f.deadline
            ? f.overdue
              ? `提出期限（${jaDate(f.deadline)}）を過ぎています。至急、入力して提出してください。`
              : `提出期限は${jaDate(f.deadline)}です。期限までに入力して提出してください。`
            : '入力して提出してください。',
          '',
          ...f.kpiNames.map((name) => `・${name}`),
          '',
          `入力はこちら：${f.link}`,
          '',
          '――',
          'このメールは Shinchoku（進捗）から、企画担当の依頼で送っています。',
        ].join('\n'),
    },
  },
};

export type StaffMailMessages = typeof staffMailJa;

export const staffMailEn: StaffMailMessages = {
  staffMail: {
    navNotices: (unread) => (unread > 0 ? `Notices (${unread} unread)` : 'Notices'),
    navSettings: 'Settings and status',
    navContact: 'E-mail address',
    date: enDate,
    noticesTitle: 'Notices',
    noticesIntro:
      'You are told here when a KPI you report is returned or approved, or when someone comments on it.',
    noticesEmpty: 'There are no notices.',
    unread: 'Unread',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    markedRead: (n) => (n === 0 ? 'There are no unread notices.' : `Marked ${n} as read.`),
    noticeText: (kind, actor, kpi, year) =>
      ({
        returned: `${actor} returned “${kpi}” (${enYear(year)}).`,
        approved: `${actor} approved “${kpi}” (${enYear(year)}).`,
        commented: `${actor} commented on “${kpi}” (${enYear(year)}).`,
      })[kind],
    someone: '(a removed user)',
    removedKpi: '(a KPI no longer in the plan)',
    noteLabel: { returned: 'Reason for returning', approved: 'Note', commented: 'Comment' },
    mailState: {
      sent: 'Also sent by e-mail.',
      failed: 'The e-mail could not be sent. This notice stays here in the app.',
    },
    mailFailedAfterAction:
      'The notice e-mails could not be sent. The notices stay in the app; see “Settings and status” for details.',
    deadlineTitle: 'Deadlines and reminders',
    deadlineLink: 'Deadlines and reminders',
    deadlineIntro:
      'Set, for each year, the day by which departments submit their figures and assessments. KPIs not submitted after it are marked “Overdue” on the progress page and the review queue.',
    yearLabel: 'Year',
    deadlineLabel: 'Deadline',
    deadlineHelp:
      'Write it as 2024-06-30, 2024/6/30 or 2024年6月30日. Submissions until the end of that day (Japan time) are on time.',
    saveDeadline: 'Save the deadline',
    deadlineSaved: 'The deadline is saved.',
    deadlinesCaption: 'Deadlines set',
    columns: { year: 'Year', deadline: 'Deadline', state: 'Status' },
    noDeadline: 'Not set',
    deadlineOf: (d) => `Deadline: ${enDate(d)}`,
    overdueBadge: 'Overdue',
    overdueHeading: 'KPIs not submitted after the deadline',
    overdueSummary: (d, n) =>
      `The deadline (${enDate(d)}) has passed and ${n} KPI${n === 1 ? ' is' : 's are'} not submitted.`,
    pendingSummary: (d, n) =>
      `The deadline is ${enDate(d)}. ${n} KPI${n === 1 ? ' is' : 's are'} not submitted yet.`,
    allSubmitted: (d) => `The deadline is ${enDate(d)}. Every KPI is submitted.`,
    departmentCount: (department, n) => `${department}: ${n}`,
    noDepartment: 'No department',
    dateProblem: (refusal) =>
      ({
        required: 'Enter the deadline.',
        'too-long': 'The deadline is too long. Enter just a date, such as 2024-06-30.',
        format: 'Write the deadline as 2024-06-30, 2024/6/30 or 2024年6月30日.',
        impossible: 'That date does not exist (months are 1 to 12, days up to the month’s last).',
        'out-of-range': 'The deadline must be a date from 1989 to 2200.',
      })[refusal],
    remindersHeading: 'Send reminders',
    remindersIntro:
      'Mails a reminder to the users of every department with KPIs not submitted (or returned). Users without an e-mail address do not get it.',
    remindButton: 'Send the reminders',
    remindYearLabel: 'Year to remind of',
    reminderNothing: 'No KPI is waiting to be submitted; no reminder was sent.',
    reminderResult: (sent, failed, noAddress) =>
      `Reminders sent to ${sent} ${sent === 1 ? 'person' : 'people'}.` +
      (failed > 0 ? ` ${failed} could not be sent (recorded in “Settings and status”).` : '') +
      (noAddress > 0
        ? ` ${noAddress} ${noAddress === 1 ? 'user has' : 'users have'} no e-mail address.`
        : ''),
    noAddressNames: (names) => `Users without an e-mail address: ${names}`,
    mailOffReminders:
      'No mail server is configured, so reminders cannot be sent. The administrator sets SHINCHOKU_SMTP_URL and SHINCHOKU_MAIL_FROM.',
    settingsTitle: 'Settings and status',
    mailHeading: 'E-mail',
    mailOn: (server, from) => `Reminders and notices are mailed through ${server}, from ${from}.`,
    mailOff:
      'No mail server is configured. Notices are shown in the app only (“Notices”), and reminders cannot be sent. To send mail, set the server’s environment variables SHINCHOKU_SMTP_URL (e.g. smtp://mail.city.example.lg.jp:25) and SHINCHOKU_MAIL_FROM, then restart it.',
    failuresHeading: 'Mails that could not be sent (newest first, latest 50)',
    noFailures: 'No mail has failed.',
    failureColumns: { at: 'When', kind: 'Kind', recipient: 'To', error: 'Reason' },
    failureReasons: {
      refused: 'Could not connect to the mail server (it is down, or the address or port is wrong).',
      timeout: 'The mail server did not answer in time.',
      'unknown-host': 'The mail server’s name was not found. Check SHINCHOKU_SMTP_URL.',
      auth: 'The mail server refused the sign-in. Check the user and password in SHINCHOKU_SMTP_URL.',
      rejected: 'The mail server refused the mail.',
      other: 'The mail could not be sent.',
    },
    serverSaid: (answer) => `The server said: ${answer}`,
    mailKinds: { reminder: 'Reminder', notice: 'Notice' },
    sentCount: (n) => `Mails sent recently: ${n}`,
    usersWithoutAddress: (n) =>
      n === 0 ? 'Every active user has an e-mail address.' : `Active users without an e-mail address: ${n}`,
    contactTitle: 'E-mail address and notices',
    contactIntro:
      'The address that receives notices and reminders, and the language of those mails. Leave it empty to see notices in the app only.',
    emailLabel: 'E-mail address',
    emailHelp: 'For example taro.yamada@city.example.lg.jp (empty: no mail)',
    mailLangLabel: 'Language of the mails',
    langNames: { ja: '日本語', en: 'English' },
    saveContact: 'Save',
    contactSaved: (n) => (n === 0 ? 'Nothing changed.' : 'Saved.'),
    emailProblem: (refusal) =>
      ({
        'too-long': 'The e-mail address is too long (at most 254 characters).',
        format: 'Enter one e-mail address, such as name@example.lg.jp.',
      })[refusal],
    contactHeading: 'E-mail address',
    mail: {
      noticeSubject: (f) =>
        ({
          returned: `[Shinchoku] Returned: ${f.kpiName} (${enYear(f.year)})`,
          approved: `[Shinchoku] Approved: ${f.kpiName} (${enYear(f.year)})`,
          commented: `[Shinchoku] Comment: ${f.kpiName} (${enYear(f.year)})`,
        })[f.kind],
      noticeBody: (f, to) =>
        [
          `Dear ${to},`,
          '',
          {
            returned: `${f.actor} returned this KPI. Please read the reason, correct the entry and submit it again.`,
            approved: `${f.actor} approved this KPI.`,
            commented: `${f.actor} commented on this KPI.`,
          }[f.kind],
          '',
          `Plan: ${f.planTitle}`,
          `KPI: ${f.kpiName}`,
          `Year: ${enYear(f.year)}`,
          ...(f.note ? ['', f.kind === 'returned' ? 'Reason:' : 'Comment:', f.note] : []),
          '',
          `See it here: ${f.link}`,
          '',
          '--',
          'This mail was sent automatically by Shinchoku.',
        ].join('\n'),
      reminderSubject: (f) =>
        f.overdue
          ? `[Shinchoku] Past the deadline: figures and assessments for ${enYear(f.year)}`
          : `[Shinchoku] Please submit the figures and assessments for ${enYear(f.year)}`,
      reminderBody: (f, to) =>
        [
          `Dear ${to},`,
          '',
          `For “${f.planTitle}”, ${enYear(f.year)}, these ${f.kpiNames.length} KPI${f.kpiNames.length === 1 ? ' is' : 's are'} not submitted yet.`,
          f.deadline
            ? f.overdue
              ? `The deadline (${enDate(f.deadline)}) has passed. Please enter and submit them as soon as possible.`
              : `The deadline is ${enDate(f.deadline)}. Please enter and submit them by then.`
            : 'Please enter and submit them.',
          '',
          ...f.kpiNames.map((name) => `- ${name}`),
          '',
          `Enter them here: ${f.link}`,
          '',
          '--',
          'This mail was sent by Shinchoku at the planning office’s request.',
        ].join('\n'),
    },
  },
};
