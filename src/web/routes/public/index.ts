import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { publicBoardRoutes } from './board.tsx';
import { downloadRoutes } from './downloads.ts';
import { indicatorRoutes } from './indicator-routes.tsx';
import { publicPages } from './pages.tsx';

/** Everything a citizen sees without signing in: pages and downloads of published editions. */
export function publicRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', downloadRoutes(deps));
  app.route('/', publicBoardRoutes(deps));
  app.route('/', indicatorRoutes(deps));
  app.route('/', publicPages(deps));
  return app;
}
