import { randomBytes, scryptSync } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/connect.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import * as schema from '../../src/store/schema.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';

export const PLAN = 'kitamoto-2nd-strategy';
export const PASSWORD = 'correct horse battery staple';

/** The one-time password a page shows once, after an administrator is added or reset. */
export const oneTimePassword = (html: string): string =>
  /<code class="one-time-password">([^<]+)<\/code>/.exec(html)?.[1] ?? '';

export interface Page {
  readonly status: number;
  readonly html: string;
  readonly location: string | null;
  readonly headers: Headers;
}

/** The text a reader sees: tags removed, entities of the escaper decoded, spaces folded. */
export const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** A hidden or text field's value as the page serves it. */
export function fieldValue(html: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  if (input) return /value="([^"]*)"/.exec(input)?.[1] ?? '';
  const area = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html);
  return area ? (area[1] ?? '') : null;
}

/**
 * A browser in miniature: it keeps cookies, sends the Origin a browser sends, and fills in the form
 * token of the last page it read, so tests read like a person using the site.
 */
export class StaffClient {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly env: Record<string, unknown> | undefined = undefined,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await this.app.request(`http://localhost${path}`, { ...init, headers }, this.env);
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** Posts a form as a browser on this site would, with the token unless the test says otherwise. */
  post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; origin?: string | null } = {},
  ): Promise<Page> {
    const body = new URLSearchParams(fields);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.set('_csrf', token);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const origin = options.origin === undefined ? 'http://localhost' : options.origin;
    if (origin !== null) headers.Origin = origin;
    return this.request(path, { method: 'POST', body, headers });
  }

  async login(login: string, password = PASSWORD): Promise<Page> {
    await this.get('/staff/login');
    return this.post('/staff/login', { login, password });
  }
}

/**
 * A hash in the stored format at a test's cost: verifyPassword reads the cost from the hash, so sign-ins
 * run the real check without the production cost, which is slow on purpose.
 */
export function quickHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export interface Staff {
  readonly admin: number;
  readonly kodomo: number;
  readonly shoko: number;
  readonly committee: number;
  readonly departments: { readonly kodomo: number; readonly shoko: number };
}

/** KPIs each department reports in these tests; the rest have none. */
export const KODOMO_KPIS = ['births', 'women-25-34-net-migration', 'healthy-life-expectancy-65'];
export const SHOKO_KPIS = ['net-product-per-worker', 'job-openings-ratio', 'furusato-donations'];

/** Kitamoto with two departments, their KPIs assigned, and one user per role. */
export async function seedStaff(store: Store): Promise<Staff> {
  const passwordHash = quickHash(PASSWORD);
  const { db } = store;
  await importPlan(db, kitamotoPlan());
  const [kodomo, shoko] = await db
    .insert(schema.departments)
    .values([{ name: 'こども課' }, { name: '商工課' }])
    .onConflictDoNothing()
    .returning({ id: schema.departments.id });
  const departments = { kodomo: kodomo?.id ?? 0, shoko: shoko?.id ?? 0 };
  await db
    .update(schema.kpis)
    .set({ departmentId: departments.kodomo })
    .where(inArray(schema.kpis.key, KODOMO_KPIS));
  await db
    .update(schema.kpis)
    .set({ departmentId: departments.shoko })
    .where(inArray(schema.kpis.key, SHOKO_KPIS));
  const user = async (login: string, role: string, departmentId: number | null) => {
    const [row] = await db
      .insert(schema.users)
      .values({ login, displayName: `${login} さん`, passwordHash, role, departmentId })
      .returning({ id: schema.users.id });
    return row?.id ?? 0;
  };
  return {
    admin: await user('office', 'admin', null),
    kodomo: await user('kodomo', 'department', departments.kodomo),
    shoko: await user('shoko', 'department', departments.shoko),
    committee: await user('iin', 'committee', null),
    departments,
  };
}

export async function auditRows(store: Store) {
  return store.db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
}

export async function disableUser(store: Store, id: number): Promise<void> {
  await store.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, id));
}
