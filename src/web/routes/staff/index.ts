import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ShinchokuError } from '../../../core/errors.ts';
import { MAX_PLAN_BYTES } from '../../../plan-file/read.ts';
import { csrfProtection } from '../../auth/csrf.ts';
import { FailureLimiter } from '../../auth/rate-limit.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { auditRoutes } from './audit.tsx';
import { departmentRoutes } from './departments.tsx';
import { csrfRefused, staffOnError } from './errors.tsx';
import { collectRoutes } from './collect.tsx';
import { importRoutes } from './import.tsx';
import { kpiRoutes } from './kpi-routes.ts';
import { kpiSettingsRoutes } from './kpi-settings.tsx';
import { loginRoutes } from './login.tsx';
import { overviewRoutes } from './overview.tsx';
import { publishRoutes } from './publish.tsx';
import { staffPaths } from './paths.ts';
import { userRoutes } from './users.tsx';

/** A plan file and the multipart wrapping around it; every other staff form is far smaller. */
const MAX_BODY = MAX_PLAN_BYTES + 64 * 1024;
/** The departments' workbooks, uploaded together: each may be up to 10 MB, a usual batch is a few. */
const MAX_COLLECT_BODY = 60 * 1024 * 1024;

/**
 * The staff pages, mounted at /staff: sign-in, data entry, review, publication and administration.
 * Every request that changes something passes the forgery check first; every route then names the
 * roles it admits, and every command checks them again.
 */
export function staffRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new FailureLimiter(deps.clock);
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ShinchokuError('file-too-large', 'The request is too large.');
      },
    });
  const formLimit = limit(MAX_BODY);
  const collectLimit = limit(MAX_COLLECT_BODY);
  app.use((c, next) =>
    c.req.path.startsWith(staffPaths.collect) ? collectLimit(c, next) : formLimit(c, next),
  );
  app.use(csrfProtection(deps, csrfRefused));
  app.route('/', loginRoutes(deps, limiter));
  app.route('/', overviewRoutes(deps));
  app.route('/', kpiRoutes(deps));
  app.route('/', kpiSettingsRoutes(deps));
  app.route('/', publishRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', collectRoutes(deps));
  app.route('/', userRoutes(deps));
  app.route('/', departmentRoutes(deps));
  app.onError(staffOnError);
  return app;
}
