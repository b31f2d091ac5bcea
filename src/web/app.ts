import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { editionCacheFor } from '../publish/cache-for-store.ts';
import { ASSETS_PATH, assetRoutes } from './assets/index.ts';
import { sessionCookieName, sessionMiddleware } from './auth/session.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { notFound, onError } from './errors.tsx';
import { languageMiddleware } from './language.ts';
import { apiRoutes } from './routes/api/index.ts';
import { fastAnswers, type FastAnswers } from './routes/public/fast-answer.ts';
import { publicRoutes } from './routes/public/index.ts';
import { staffRoutes } from './routes/staff/index.ts';
import { securityHeaders } from './security.ts';

/** Each app's fast path, for `requestListener` to put in front of the server's listener. */
const fastPaths = new WeakMap<Hono<AppEnv>, FastAnswers>();

/**
 * The whole web app: security headers on everything, the assets, then language and session for the
 * API, the staff pages and the public pages, with one error handler and one 404 for all of them; and in
 * front of it all, the public answers the edition cache already holds.
 */
export function createApp(given: AppDeps): Hono<AppEnv> {
  // One cache for the whole app: the staff pages that publish drop what the public pages kept.
  const deps: AppDeps = { ...given, editionCache: given.editionCache ?? editionCacheFor(given.store) };
  const app = new Hono<AppEnv>();
  const security = securityHeaders(deps.secureCookies);
  app.use(security);
  // Assets are the same in every language and for everyone, so they answer before language and session.
  app.route(ASSETS_PATH, assetRoutes());
  app.use(languageMiddleware(deps.secureCookies));
  app.use(sessionMiddleware(deps));
  app.route('/api', apiRoutes(deps));
  app.route('/staff', staffRoutes(deps));
  app.route('/', publicRoutes(deps));
  app.onError(onError);
  app.notFound(notFound);
  if (deps.fastAnswers === false || !deps.editionCache) return app;
  // In front of everything above: a public answer the edition cache holds is sent as kept, the same bytes
  // and headers the app would send (routes/public/fast-answer.ts); all else goes through the app.
  const fast = fastAnswers(deps.editionCache, sessionCookieName(deps), security);
  fastPaths.set(app, fast);
  const whole = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    let answer: Response | null = null;
    try {
      answer = fast.answer(request);
    } catch {
      // Whatever the fast path cannot read, the app reads as it always did.
    }
    return answer ?? whole(request, env, executionCtx);
  };
  return app;
}

type Listener = (incoming: IncomingMessage, outgoing: ServerResponse) => unknown;

/**
 * What the server runs for each request: the app's fast path on Node's own request and response, so a
 * cached answer is written with no Fetch Request or Response made at all; everything else goes to
 * `whole`, by default @hono/node-server's listener over `app.fetch` as `serve` makes it (`hostname` stands
 * for a missing Host), which tries the fast path once more on the Request it built, for a request `send`
 * leaves to it. An app made with `fastAnswers: false` gets `whole` alone.
 */
export function requestListener(
  app: Hono<AppEnv>,
  options: { readonly hostname?: string; readonly whole?: Listener } = {},
): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const whole = options.whole ?? getRequestListener(app.fetch, { hostname: options.hostname });
  const fast = fastPaths.get(app);
  if (!fast) return (incoming, outgoing) => void whole(incoming, outgoing);
  return (incoming, outgoing) => {
    let sent: boolean;
    try {
      sent = fast.send(incoming, outgoing);
    } catch {
      // Whatever the fast path cannot read, the app reads as it always did (nothing was written yet).
      sent = outgoing.headersSent;
    }
    if (!sent) void whole(incoming, outgoing);
  };
}
