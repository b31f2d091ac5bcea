import { parseEmailAddress, type EmailAddress } from '../../core/email-address.ts';
import { ShinchokuError } from '../../core/errors.ts';

/** The municipality's mail server, as SHINCHOKU_SMTP_URL and SHINCHOKU_MAIL_FROM give it. */
export interface MailConfig {
  readonly host: string;
  readonly port: number;
  /** smtps://: TLS from the first byte (port 465); smtp:// upgrades with STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | null;
  readonly from: EmailAddress;
  /** SHINCHOKU_BASE_URL without its trailing slash: where the links in mails point. */
  readonly baseUrl: string | null;
}

/**
 * The mail settings from the environment, or null when no server is named: notices then stay in the app.
 * A server named wrongly stops the start with a message saying which setting to fix, rather than
 * losing every mail later.
 */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfig | null {
  const url = env.SHINCHOKU_SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ShinchokuError(
      'usage',
      'SHINCHOKU_SMTP_URL is not an address.',
      'Write it as smtp://host:port (or smtps://user:password@host:465).',
    );
  }
  if ((parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || parsed.hostname === '') {
    throw new ShinchokuError(
      'usage',
      `SHINCHOKU_SMTP_URL must start with smtp:// or smtps:// and name a host.`,
      'Write it as smtp://host:port (or smtps://user:password@host:465).',
    );
  }
  const from = parseEmailAddress(env.SHINCHOKU_MAIL_FROM ?? '');
  if (!from.ok || from.value === null) {
    throw new ShinchokuError(
      'usage',
      'SHINCHOKU_MAIL_FROM must be the address mails are sent from when SHINCHOKU_SMTP_URL is set.',
      'For example SHINCHOKU_MAIL_FROM=shinchoku@city.example.lg.jp',
    );
  }
  const secure = parsed.protocol === 'smtps:';
  const base = env.SHINCHOKU_BASE_URL?.trim() ?? '';
  if (base !== '' && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(base)) {
    throw new ShinchokuError(
      'usage',
      'SHINCHOKU_BASE_URL must be an http:// or https:// address.',
      'For example SHINCHOKU_BASE_URL=https://shinchoku.city.example.lg.jp',
    );
  }
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? (secure ? 465 : 25) : Number(parsed.port),
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : null,
    from: from.value,
    baseUrl: base === '' ? null : base.replace(/\/+$/, ''),
  };
}
