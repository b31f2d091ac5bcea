import type { EditionCache } from '../publish/edition-cache.ts';
import type { PdfPrinter } from '../render/pdf/printer.ts';
import type { Store } from '../store/connect.ts';
import type { Clock } from './clock.ts';
import type { Mailer } from './mail/mailer.ts';
import type { RenderPool } from './render-pool/pool.ts';

/** What the web app needs from outside; tests pass their own (an in-memory store, a pinned clock). */
export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Starts the shared browser for PDF downloads on first use; null where PDFs are not offered. */
  readonly printer: (() => Promise<PdfPrinter>) | null;
  /** Renders report files in worker threads with a time limit; by default the process's shared pool. */
  readonly renderPool?: RenderPool;
  /** Set Secure on cookies: true behind HTTPS, false for http://localhost. */
  readonly secureCookies: boolean;
  /** Proxies whose X-Forwarded-For names the client for the sign-in limits (SHINCHOKU_TRUSTED_PROXIES); none if absent. */
  readonly trustedProxies?: ReadonlySet<string>;
  /** Published pages, downloads and evaluations kept between requests; createApp makes one if absent. */
  readonly editionCache?: EditionCache;
  /**
   * Send the public answers the edition cache holds before Hono's routing and middleware (true when
   * absent); false puts every request through the whole app, as the fast path's test compares.
   */
  readonly fastAnswers?: boolean;
  /** The municipality's mail server (SHINCHOKU_SMTP_URL); absent or null: notices stay in the app. */
  readonly mailer?: Mailer | null;
}
