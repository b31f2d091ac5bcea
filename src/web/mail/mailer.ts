import type { MailConfig } from './config.ts';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  /** Plain text: every mail client shows it, and nothing in it can run. */
  readonly text: string;
}

/** Sends mail; a refusal or an unreachable server rejects with the reason, which the caller records. */
export interface Mailer {
  /** host:port, for the settings page: never the credentials. */
  readonly server: string;
  readonly from: string;
  /** The address staff reach the app at (SHINCHOKU_BASE_URL), to put full links in mails; null: paths only. */
  readonly baseUrl: string | null;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * How long a send may wait on the server: an action that mails (a return, a comment) waits for it, so a
 * server that answers nothing fails the mail within seconds, not the action after minutes.
 */
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/** A mailer over SMTP with nodemailer, loaded on first use so a server without mail never loads it. */
export function smtpMailer(config: MailConfig): Mailer {
  let transport: Promise<{ sendMail(m: object): Promise<unknown>; close(): void }> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then((nodemailer) =>
      nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
        ...TIMEOUTS,
      }),
    ));
  return {
    server: `${config.host}:${config.port}`,
    from: config.from,
    baseUrl: config.baseUrl,
    async send(message) {
      const smtp = await open();
      await smtp.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}

/** A failure as the office reads it in the log: the server's words or the connection's code, never a stack. */
export function mailError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const line = error.message.split('\n')[0] ?? '';
    return typeof code === 'string' && !line.includes(code) ? `${code}: ${line}` : line;
  }
  return String(error);
}

/** A page's address as a mail gives it: full when the app's address is known. */
export const mailLink = (mailer: Mailer, path: string): string =>
  mailer.baseUrl === null ? path : `${mailer.baseUrl}${path}`;
