import type { Lang } from '../core/language.ts';
import type { User } from '../store/users.ts';

/** A signed-in user's session, as the middleware finds it from the cookie. */
export interface SessionInfo {
  readonly id: string;
  readonly user: User;
  /** Sent back in every form; a POST without it is refused. */
  readonly csrfToken: string;
}

/**
 * Hono's per-request variables, set by the app's middleware.
 *
 * The environment the server reads (src/web/server.ts and src/web/mail/config.ts): PORT, HOST,
 * DATABASE_URL, SHINCHOKU_DATA, SHINCHOKU_ADMIN_PASSWORD, SHINCHOKU_SECURE_COOKIES, SHINCHOKU_TRUSTED_PROXIES,
 * SHINCHOKU_CACHE_MB, SHINCHOKU_EDITION_RECHECK_MS; and for mail: SHINCHOKU_SMTP_URL (smtp://host:port or
 * smtps://user:password@host:465; unset, notices stay in the app), SHINCHOKU_MAIL_FROM (the sender's
 * address, required with it) and SHINCHOKU_BASE_URL (the app's address for the links in mails).
 */
export interface AppEnv {
  Variables: {
    lang: Lang;
    session: SessionInfo | null;
    /** The signed-in user's unread notices, for the staff header; set by the staff pages only. */
    unreadNotices: number | null;
  };
}
