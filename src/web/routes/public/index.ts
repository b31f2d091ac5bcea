import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { publicBoardRoutes } from './board.tsx';
import { downloadRoutes } from './downloads.ts';
import { indicatorRoutes } from './indicator-routes.tsx';
import { publicPages } from './pages.tsx';
import { directoryRoutes } from './directory-route.tsx';
import { compareRatesRoutes } from './compare-rates-route.tsx';
import { editionCacheFor } from '../../../publish/cache-for-store.ts';

/** Everything a citizen sees without signing in: pages and downloads of published editions. */
export function publicRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', downloadRoutes(deps));
  const cache = deps.editionCache ?? editionCacheFor(deps.store);
  app.route('/', directoryRoutes(deps.store.db, cache));
  app.route('/', compareRatesRoutes(deps.store.db, cache));
  app.route('/', publicBoardRoutes(deps));
  app.route('/', indicatorRoutes(deps));
  app.route('/', publicPages(deps));
  return app;
}
