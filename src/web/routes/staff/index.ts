import { Hono, type Context } from 'hono';
import { MAX_PLAN_BYTES } from '../../../plan-file/read.ts';
import { BUNDLE_LIMITS } from '../../../collect/bundle/limits.ts';
import { MAX_MASTER_BYTES } from '../../commands/plan-master.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { writeGuard, type WritePolicy } from '../../auth/write-guard.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { accountRoutes } from './account.tsx';
import { auditRoutes } from './audit.tsx';
import { boardRoutes } from './board.tsx';
import { departmentRoutes } from './departments.tsx';
import { departmentAssignmentRoutes } from './department-assignment.tsx';
import { csrfRefused, staffOnError } from './errors.tsx';
import { collectRoutes } from './collect.tsx';
import { gridRoutes } from './grid-entry.tsx';
import { importRoutes } from './import.tsx';
import { bulkImportRoutes } from './bulk-import.tsx';
import { workbookRoutes } from './workbooks.tsx';
import { kpiRoutes } from './kpi-routes.ts';
import { kpiSettingsRoutes } from './kpi-settings.tsx';
import { loginRoutes } from './login.tsx';
import { overviewRoutes } from './overview.tsx';
import { publishRoutes } from './publish.tsx';
import { draftRoutes } from './draft.tsx';
import { reviewQueueRoutes } from './review-queue.tsx';
import { staffPaths } from './paths.ts';
import { mustChangePassword } from './must-change.ts';
import { planScope } from '../../auth/plan-scope.ts';
import { userEditRoutes } from './user-edit.tsx';
import { userRoutes } from './users.tsx';
import { unreadNotices } from '../../../store/notices.ts';
import { contactRoutes } from './contact.tsx';
import { deadlineRoutes } from './deadlines.tsx';
import { noticeRoutes } from './notices.tsx';
import { settingsRoutes } from './settings.tsx';
import { hostRoutes } from './host.tsx';

/**
 * Every form but the two uploads: the longest, an assessment of 4,000 characters with a year's figures,
 * is under 40 KB even with every character percent-encoded.
 */
export const MAX_FORM_BODY = 256 * 1024;
/** A plan file and the multipart wrapping around it. */
export const MAX_IMPORT_BODY = MAX_PLAN_BYTES + 64 * 1024;
/** The office's Excel master and the multipart wrapping around it. */
export const MAX_MASTER_BODY = MAX_MASTER_BYTES + 64 * 1024;
/** A zip of many plans (collect/bundle/limits.ts) and its wrapping. */
export const MAX_BULK_BODY = BUNDLE_LIMITS.zipBytes + 64 * 1024;
/**
 * The grid entry: a row per KPI, each up to the single form's 40 KB (an assessment of 4,000 characters,
 * every one percent-encoded), for a department of up to 100 KPIs.
 */
export const MAX_GRID_BODY = 100 * 40 * 1024;
const GRID_PATH = /^\/staff\/plans\/[^/]+\/[^/]+\/grid$/;
/** The departments' workbooks, uploaded together: each may be up to 10 MB, a usual batch is a few. */
export const MAX_COLLECT_BODY = 60 * 1024 * 1024;

/**
 * What each staff request may carry. Only the login form is open to a signed-out visitor; the large
 * limits of the two uploads apply only to the office, for whom the routes exist, so anyone else is held
 * to an ordinary form's size whatever address they post to.
 */
function writePolicy(c: Context<AppEnv>): WritePolicy {
  const path = c.req.path;
  if (path === staffPaths.login()) return { maxBytes: MAX_FORM_BODY, anonymous: true };
  const office = c.get('session')?.user.role === 'admin';
  if (office && path === staffPaths.importPlan) return { maxBytes: MAX_IMPORT_BODY, anonymous: false };
  if (office && path === staffPaths.importMaster) return { maxBytes: MAX_MASTER_BODY, anonymous: false };
  if (office && path === staffPaths.importBulk) return { maxBytes: MAX_BULK_BODY, anonymous: false };
  if (office && path === staffPaths.collectPreview) return { maxBytes: MAX_COLLECT_BODY, anonymous: false };
  const role = c.get('session')?.user.role;
  if ((role === 'admin' || role === 'department') && GRID_PATH.test(path))
    return { maxBytes: MAX_GRID_BODY, anonymous: false };
  return { maxBytes: MAX_FORM_BODY, anonymous: false };
}

/**
 * The staff pages, mounted at /staff: sign-in, data entry, review, publication and administration.
 * Every request that changes something passes the write guard first (sign-in, size, forgery, in that
 * order, before the body is read); every route then names the roles it admits, and every command checks
 * them again.
 */
export function staffRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(writeGuard(deps, { policy: writePolicy, refuseForgery: csrfRefused }));
  app.use(mustChangePassword());
  app.use(planScope(deps.store.db));
  // A host administrator's staff home is the list of municipalities: they have no plans of their own.
  app.use(async (c, next) => {
    if (c.req.path === staffPaths.home && c.get('session')?.user.role === 'host') {
      return c.redirect(staffPaths.host.home(), 303);
    }
    await next();
  });
  // The header's unread count: one indexed count per staff page for a signed-in user.
  app.use(async (c, next) => {
    const session = c.get('session');
    c.set('unreadNotices', session ? await unreadNotices(deps.store.db, session.user.id) : null);
    await next();
  });
  app.route('/', loginRoutes(deps, new LoginThrottle(deps.store.db, deps.clock)));
  app.route('/', overviewRoutes(deps));
  app.route('/', kpiRoutes(deps));
  app.route('/', gridRoutes(deps));
  app.route('/', kpiSettingsRoutes(deps));
  app.route('/', publishRoutes(deps));
  app.route('/', reviewQueueRoutes(deps));
  app.route('/', boardRoutes(deps));
  app.route('/', draftRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', bulkImportRoutes(deps));
  app.route('/', collectRoutes(deps));
  app.route('/', workbookRoutes(deps));
  app.route('/', userRoutes(deps));
  app.route('/', userEditRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', departmentRoutes(deps));
  app.route('/', departmentAssignmentRoutes(deps));
  app.route('/', deadlineRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', settingsRoutes(deps));
  app.route('/', contactRoutes(deps));
  app.route('/', hostRoutes(deps));
  app.onError(staffOnError);
  return app;
}
