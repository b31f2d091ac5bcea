import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/connect.ts';
import { addComment } from '../../src/store/comments.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { createMunicipality } from '../../src/store/municipalities.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import * as schema from '../../src/store/schema.ts';
import { createSession } from '../../src/store/sessions.ts';
import type { Role } from '../../src/store/users.ts';
import { createApp } from '../../src/web/app.ts';
import type { RenderPool } from '../../src/web/render-pool/pool.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';
import { testDeps } from '../support/web.ts';
import { PLAN, quickHash, seedStaff } from './staff-helpers.ts';

/**
 * Every staff and API route × role × own or another municipality's data. The table below is checked
 * against the app's own route list, so a route added without a line here fails this test.
 */

type Who = Role | 'anonymous';
const WHO: readonly Who[] = ['host', 'admin', 'department', 'committee', 'anonymous'];

/** Who a route admits: everyone (sign-in, the public API), any signed-in user, or the roles listed. */
type Access = 'open' | 'signed-in' | readonly Role[];
const STAFF: readonly Role[] = ['admin', 'department', 'committee'];
const ADMIN: readonly Role[] = ['admin'];
const OFFICE: readonly Role[] = ['admin', 'committee'];
const EDITORS: readonly Role[] = ['admin', 'department'];
const COMMENTERS: readonly Role[] = ['admin', 'committee'];
const HOST: readonly Role[] = ['host'];

const ROUTES: Readonly<Record<string, Access>> = {
  'GET /api/openapi.json': 'open',
  'PUT /api/plans/:plan/:year/kpis/:kpi/entry': EDITORS,
  'GET /api/plans': 'open',
  'GET /api/plans/:plan': 'open',
  'GET /api/plans/:plan/:year': 'open',
  'GET /staff/login': 'open',
  'POST /staff/login': 'open',
  'GET /staff/logout': 'open',
  'POST /staff/logout': 'signed-in',
  'GET /staff': STAFF,
  'GET /staff/plans/:plan': STAFF,
  'GET /staff/plans/:plan/:year/kpis/:kpi': STAFF,
  'POST /staff/plans/:plan/:year/kpis/:kpi': EDITORS,
  'POST /staff/plans/:plan/:year/kpis/:kpi/submit': EDITORS,
  'POST /staff/plans/:plan/:year/kpis/:kpi/review': ADMIN,
  'POST /staff/plans/:plan/:year/kpis/:kpi/comments': COMMENTERS,
  'POST /staff/plans/:plan/:year/kpis/:kpi/comments/:comment/opinion': ADMIN,
  'GET /staff/plans/:plan/:year/grid': EDITORS,
  'POST /staff/plans/:plan/:year/grid': EDITORS,
  'GET /staff/plans/:plan/kpis/:kpi/settings': ADMIN,
  'POST /staff/plans/:plan/kpis/:kpi/settings': ADMIN,
  'GET /staff/plans/:plan/publish': ADMIN,
  'GET /staff/plans/:plan/publish/:year': ADMIN,
  'POST /staff/plans/:plan/publish/:year': ADMIN,
  'POST /staff/plans/:plan/publish/:year/editions/:number/withdraw': ADMIN,
  'GET /staff/plans/:plan/:year/review-queue': ADMIN,
  'POST /staff/plans/:plan/:year/review-queue': ADMIN,
  'GET /staff/board': OFFICE,
  'GET /staff/plans/:plan/:year/board': OFFICE,
  'GET /staff/plans/:plan/:year/board.csv': OFFICE,
  'GET /staff/plans/:plan/:year/draft': OFFICE,
  'GET /staff/plans/:plan/:year/draft/report.html': OFFICE,
  'GET /staff/plans/:plan/:year/draft/report.pdf': OFFICE,
  'GET /staff/plans/:plan/:year/draft/report.pptx': OFFICE,
  'GET /staff/plans/:plan/:year/draft/report.xlsx': OFFICE,
  'GET /staff/plans/:plan/audit': ADMIN,
  'GET /staff/audit': ADMIN,
  'GET /staff/import': ADMIN,
  'POST /staff/import': ADMIN,
  'POST /staff/import/bulk': ADMIN,
  'GET /staff/import/bulk/:id': ADMIN,
  'POST /staff/import/master': ADMIN,
  'GET /staff/import/master-template.xlsx': ADMIN,
  'GET /staff/import/master-export': ADMIN,
  'GET /staff/collect': ADMIN,
  'POST /staff/collect/preview': ADMIN,
  'POST /staff/collect/apply': ADMIN,
  'GET /staff/plans/:plan/:year/workbooks': ADMIN,
  'GET /staff/plans/:plan/workbooks': ADMIN,
  'GET /staff/plans/:plan/:year/workbooks/:file': ADMIN,
  'GET /staff/users': ADMIN,
  'POST /staff/users': ADMIN,
  'POST /staff/users/:id/status': ADMIN,
  'GET /staff/users/:id': ADMIN,
  'POST /staff/users/:id': ADMIN,
  'POST /staff/users/:id/password-reset': ADMIN,
  'GET /staff/account/password': 'signed-in',
  'POST /staff/account/password': 'signed-in',
  'GET /staff/departments': ADMIN,
  'POST /staff/departments': ADMIN,
  'GET /staff/plans/:plan/departments': ADMIN,
  'POST /staff/plans/:plan/departments': ADMIN,
  'GET /staff/plans/:plan/deadlines': ADMIN,
  'POST /staff/plans/:plan/deadlines': ADMIN,
  'POST /staff/plans/:plan/reminders': ADMIN,
  'GET /staff/notices': 'signed-in',
  'POST /staff/notices/read': 'signed-in',
  'GET /staff/settings': ADMIN,
  'GET /staff/account/contact': 'signed-in',
  'POST /staff/account/contact': 'signed-in',
  'GET /staff/users/:id/contact': ADMIN,
  'POST /staff/users/:id/contact': ADMIN,
  'GET /staff/host': HOST,
  'POST /staff/host/municipalities': HOST,
  'GET /staff/host/audit': HOST,
  'GET /staff/host/municipalities/:id': HOST,
  'POST /staff/host/municipalities/:id/name': HOST,
  'POST /staff/host/municipalities/:id/admins': HOST,
  'POST /staff/host/municipalities/:id/admins/:user/status': HOST,
  'POST /staff/host/municipalities/:id/admins/:user/password-reset': HOST,
};

/** The fields a form needs to reach its command at all (an empty one is answered before it). */
const FORMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'POST /staff/plans/:plan/:year/kpis/:kpi/comments/:comment/opinion': { publish: 'no' },
};

/** Every text of the other municipality carries this, so any of it on a page is found. */
const OTHER = 'となり';
const OTHER_PLAN = 'tonari-strategy';

interface Seeded {
  readonly users: Readonly<Record<Role, number>>;
  /** A user of our municipality that routes may change (never one whose session is used). */
  readonly ownTarget: number;
  readonly otherUser: number;
  readonly otherMunicipality: number;
  readonly comments: Readonly<Record<Scope, number>>;
}

/** Two municipalities: ours (row 1, Kitamoto with staff, R4 published) and the other, whose every text says となり. */
async function seed(store: Store): Promise<Seeded> {
  const { db } = store;
  const staff = await seedStaff(store);
  await publishEdition(db, { plan: PLAN, year: 2022, errata: null }, null);
  const other = await createMunicipality(db, { code: '112330', name: 'となり町' }, null);
  const plan = kitamotoPlan();
  await importPlan(
    db,
    { ...plan, id: OTHER_PLAN, title: 'となり町の秘密の戦略', municipality: 'となり町' },
    { municipalityId: other.id },
  );
  await db.insert(schema.departments).values({ municipalityId: other.id, name: 'となり秘密課' });
  const passwordHash = quickHash('correct horse battery staple');
  const user = async (login: string, role: Role, municipalityId: number | null) => {
    const [row] = await db
      .insert(schema.users)
      .values({ login, displayName: `${login} となり`, passwordHash, role, municipalityId })
      .returning({ id: schema.users.id });
    return row?.id ?? 0;
  };
  const [ownTarget] = await db
    .insert(schema.users)
    .values({ login: 'target', displayName: '対象 さん', passwordHash, role: 'committee' })
    .returning({ id: schema.users.id });
  const comment = async (planSlug: string) =>
    (await addComment(db, { plan: planSlug, kpi: 'births', year: 2022, body: '確認を' }, null)).id;
  return {
    comments: { own: await comment(PLAN), other: await comment(OTHER_PLAN) },
    users: {
      host: await user('hoster', 'host', null),
      admin: staff.admin,
      department: staff.kodomo,
      committee: staff.committee,
    },
    ownTarget: ownTarget?.id ?? 0,
    otherUser: await user('tonari-office', 'admin', other.id),
    otherMunicipality: other.id,
  };
}

type Scope = 'own' | 'other';

/** The concrete address of a route for our data or the other municipality's. */
function address(path: string, scope: Scope, seeded: Seeded): string {
  const values: Record<string, string> = {
    plan: scope === 'own' ? PLAN : OTHER_PLAN,
    year: 'R4',
    kpi: 'births',
    comment: String(seeded.comments[scope]),
    number: '1',
    file: '1.xlsx',
    id: path.startsWith('/staff/host')
      ? String(seeded.otherMunicipality)
      : String(scope === 'own' ? seeded.ownTarget : seeded.otherUser),
    user: String(seeded.otherUser),
  };
  const filled = path.replace(/:([a-z]+)/g, (_, name: string) => values[name] ?? `:${name}`);
  const queries: Record<string, string> = {
    '/staff/import/master-export': `plan=${values.plan}`,
    '/staff/plans/:plan/workbooks': 'year=R4',
  };
  return queries[path] === undefined ? filled : `${filled}?${queries[path]}`;
}

/** Whether the route addresses one municipality's data, so that own and other differ. */
const scoped = (path: string): boolean =>
  !path.startsWith('/staff/host') && (/:plan|:id/.test(path) || path === '/staff/import/master-export');

/**
 * What an admitted user gets at an address that names nothing of theirs without an earlier step: the
 * apply of workbooks needs the token of a preview, which only an upload gives.
 */
const ADMITTED_NOT_FOUND = new Set([
  '/staff/collect/apply',
  // A bulk import's job exists only after an upload; test/web/staff-import-bulk.test.ts shows another
  // municipality's job answering 404.
  '/staff/import/bulk/:id',
]);

function expected(access: Access, who: Who, method: string, path: string, scope: Scope): string {
  if (access === 'open') return 'any';
  const staffPlan = path.startsWith('/staff/plans/') || path.startsWith('/api/plans/');
  if (who === 'anonymous') return method === 'GET' ? 'login' : 'refused';
  // The staff home of a host administrator is the list of municipalities.
  if (who === 'host' && path === '/staff') return '303';
  const admitted = access === 'signed-in' || access.includes(who);
  // A plan of another municipality, and any plan for a host, is as unknown as one never stored.
  if (staffPlan && (who === 'host' || scope === 'other')) return '404';
  if (!admitted) return '403';
  if (scope === 'other' && scoped(path)) return '404';
  return ADMITTED_NOT_FOUND.has(path) ? '404' : 'ok';
}

function matches(outcome: string, status: number, location: string | null): boolean {
  switch (outcome) {
    case 'any':
      return status < 500;
    case 'login':
      return status === 303 && (location ?? '').startsWith('/staff/login');
    case 'refused':
      return status === 401 || status === 403;
    case 'ok':
      // 503: a download that needs what a test does not start (the PDF printer).
      return (![401, 403, 404].includes(status) && status < 500) || status === 503;
    default:
      return String(status) === outcome;
  }
}

/** A stand-in for the render workers: it answers with the job itself, so its data is checked too. */
const echoPool: RenderPool = {
  render: async (job) => JSON.stringify(job),
  close: async () => undefined,
};

describeStores('authorisation: every route × role × municipality', (store) => {
  it('lists every staff and API route of the app in the table, and nothing else', () => {
    const app = createApp(testDeps(store()));
    const routes = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/staff') || r.path.startsWith('/api')))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(
      [...routes].filter((r) => !(r in ROUTES)),
      'routes missing from the table',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !routes.has(r)),
      'table lines for no route',
    ).toEqual([]);
  });

  it('answers each role as its access says, and never shows another municipality’s data', async () => {
    const seeded = await seed(store());
    const deps = testDeps(store(), { renderPool: echoPool });
    const app = createApp(deps);
    const expires = new Date('2030-01-01T00:00:00Z');
    const failures: string[] = [];
    // The heavy routes first would not matter; the order is the table's, so a failure reads in place.
    for (const [route, access] of Object.entries(ROUTES)) {
      const [method = 'GET', path = ''] = route.split(' ');
      for (const who of WHO) {
        for (const scope of scoped(path) ? (['own', 'other'] as const) : (['own'] as const)) {
          // A session of its own per request: a sign-out or a disable in one case cannot leak into the next.
          const session =
            who === 'anonymous' ? null : await createSession(store().db, seeded.users[who], expires);
          const headers = new Headers({ Origin: 'http://localhost' });
          if (session) {
            headers.set('Cookie', `shinchoku-session=${session.token}`);
            headers.set('x-csrf-token', session.session.csrfToken);
          }
          let body: string | undefined;
          if (method === 'PUT') {
            headers.set('Content-Type', 'application/json');
            body = JSON.stringify({ figures: [] });
          } else if (method === 'POST') {
            headers.set('Content-Type', 'application/x-www-form-urlencoded');
            const fields = { ...FORMS[route], _csrf: session?.session.csrfToken ?? '' };
            body = new URLSearchParams(fields).toString();
          }
          const url = `http://localhost${address(path, scope, seeded)}`;
          const res = await app.request(url, { method, headers, body });
          const text = await res.text();
          const outcome = expected(access, who, method, path, scope);
          if (!matches(outcome, res.status, res.headers.get('location'))) {
            failures.push(`${route} as ${who} (${scope}): ${res.status}, expected ${outcome}`);
          }
          if (who !== 'host' && text.includes(OTHER)) {
            failures.push(`${route} as ${who} (${scope}): shows the other municipality's data`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing our staff did reached the other municipality's plan: its log holds only what the seed did.
    const [otherPlan] = await store()
      .db.select({ id: schema.plans.id })
      .from(schema.plans)
      .where(eq(schema.plans.slug, OTHER_PLAN));
    const otherLog = await store()
      .db.select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.planId, otherPlan?.id ?? 0))
      .orderBy(schema.auditLog.id);
    expect(otherLog.map((row) => row.action)).toEqual(['plan.import', 'comment.add']);
  }, 600_000);
});
