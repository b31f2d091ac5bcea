import type { Lang } from '../render/messages.ts';
import type { User } from '../store/users.ts';

/** A signed-in user's session, as the middleware finds it from the cookie. */
export interface SessionInfo {
  readonly id: string;
  readonly user: User;
  /** Sent back in every form; a POST without it is refused. */
  readonly csrfToken: string;
}

/** Hono's per-request variables, set by the app's middleware. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    session: SessionInfo | null;
  };
}
