import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { hashGate } from '../../src/store/password.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PASSWORD, PLAN, seedStaff, StaffClient, type Page } from './staff-helpers.ts';

/**
 * The server as an attacker and a crowd meet it, in-process: big anonymous bodies on every staff route,
 * a flood of failed sign-ins, hostile text in every form field and address, the same request many times
 * at once. Every loop is bounded; the assertions are the promises of issue 9: never a 500, every answer
 * within a bound, nothing read that need not be, memory that comes back, and a real user still signs in.
 */

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
/** Generous: the slowest honest answer is a sign-in, one scrypt (about a second on a loaded CI core). */
const ANSWER_BOUND_MS = 20_000;

/** What people and attackers type: NUL and other controls, a bidi override, huge, full-width and 約/延べ. */
const HOSTILE = [
  'a\u0000b\u0007c\u001b[31m\u007f\u0085\u202egnp.exe\u2066x',
  'あ'.repeat(10_000),
  '約３,９０８件（延べ１２０人）\r\n\t△40',
];

/** The heap after a full collection, when the runtime lets a test ask for one. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** A body the test makes only as the app pulls it, so `pulled` is what the app read. */
function countedBody(bytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= bytes) return controller.close();
        const size = Math.min(CHUNK, bytes - pulled);
        pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x41));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

interface Form {
  readonly action: string;
  readonly multipart: boolean;
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly string[];
}

const attr = (tag: string, name: string): string | null =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? null;

/** Every form that posts on a page, with the values it would send as served. */
function postForms(html: string): Form[] {
  const forms: Form[] = [];
  for (const match of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, open = '', inner = ''] = match;
    if (attr(open, 'method') !== 'post') continue;
    const action = attr(open, 'action') ?? '';
    if (action.endsWith('/logout')) continue;
    const fields = new Map<string, string>();
    const files: string[] = [];
    for (const [tag] of inner.matchAll(/<input[^>]*>/g)) {
      const name = attr(tag, 'name');
      if (!name || name === '_csrf') continue;
      if (attr(tag, 'type') === 'file') files.push(name);
      else fields.set(name, attr(tag, 'value') ?? '');
    }
    for (const [, name = '', text = ''] of inner.matchAll(
      /<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g,
    ))
      fields.set(name, text);
    for (const [, name = '', options = ''] of inner.matchAll(
      /<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
    ))
      fields.set(name, /value="([^"]*)"/.exec(options)?.[1] ?? '');
    forms.push({ action, multipart: /multipart/.test(open), fields, files });
  }
  return forms;
}

/** Sends a form with one field replaced, as a browser on this site would. */
function send(client: StaffClient, form: Form, name: string, value: string): Promise<Page> {
  if (!form.multipart) return client.post(form.action, { ...Object.fromEntries(form.fields), [name]: value });
  const body = new FormData();
  body.set('_csrf', client.csrf ?? '');
  for (const [key, val] of form.fields) body.set(key, key === name ? value : val);
  for (const file of form.files)
    body.set(file, new File([file === name ? value : 'plan:\n  id: x\n'], `${value.slice(0, 50)}.yaml`));
  return client.request(form.action, { method: 'POST', body, headers: { Origin: 'http://localhost' } });
}

describeStores('the server under abuse', (store) => {
  it('never answers 500 or hangs, reads nothing it need not, keeps memory bounded, and still lets a user in', async () => {
    await seedStaff(store());
    await publishEdition(store().db, { plan: PLAN, year: 2023, errata: null }, null);
    const app = testApp(store());
    const statuses: number[] = [];
    const timed = async (request: () => Promise<Page>): Promise<Page> => {
      const started = performance.now();
      const page = await request();
      expect(performance.now() - started).toBeLessThan(ANSWER_BOUND_MS);
      statuses.push(page.status);
      return page;
    };
    const heapBefore = heapAfterGc();

    // 1. Sixteen anonymous 55 MB posts to each staff route, all at once: refused unread.
    const routes = [
      '/staff/login',
      '/staff/collect/preview',
      '/staff/import',
      '/staff/users',
      '/staff/departments',
      `/staff/plans/${PLAN}/publish`,
      `/staff/plans/${PLAN}/R5/kpis/births`,
    ];
    for (const path of routes) {
      const bodies = Array.from({ length: 16 }, () => countedBody(55 * MB));
      await Promise.all(
        bodies.map((body) => {
          const stranger = new StaffClient(app);
          return timed(() =>
            stranger.request(path, {
              method: 'POST',
              body: body.stream,
              duplex: 'half',
              headers: {
                Origin: 'http://localhost',
                'Content-Type': 'multipart/form-data; boundary=x',
                'Content-Length': String(55 * MB),
              },
            } as RequestInit),
          );
        }),
      );
      for (const body of bodies) expect(body.pulled(), path).toBeLessThanOrEqual(CHUNK);
    }

    // 2. Failed sign-ins from forty names at once from one address, and from twenty addresses in turn.
    const flood = Array.from(
      { length: 40 },
      () => new StaffClient(app, { incoming: { socket: { remoteAddress: '192.0.2.66' } } }),
    );
    for (const client of flood) await client.get('/staff/login');
    await Promise.all(
      flood.map((client, i) =>
        timed(() => client.post('/staff/login', { login: `guess${i}`, password: 'wrong password' })),
      ),
    );
    for (let i = 0; i < 20; i++) {
      const client = new StaffClient(app, { incoming: { socket: { remoteAddress: `198.51.100.${i}` } } });
      await timed(() => client.login(['office', 'kodomo', 'shoko', 'iin'][i % 4] ?? 'office', `wrong ${i}`));
    }

    // 3. Hostile text in every field of every form each role is shown.
    const pages = {
      kodomo: [`/staff/plans/${PLAN}/R5/kpis/births`],
      iin: [`/staff/plans/${PLAN}/R5/kpis/births`],
      office: [
        `/staff/plans/${PLAN}/R5/kpis/births`,
        `/staff/plans/${PLAN}/kpis/births/settings`,
        `/staff/plans/${PLAN}/publish?year=R5`,
        '/staff/users',
        '/staff/departments',
        '/staff/import',
      ],
    };
    let posted = 0;
    for (const [login, paths] of Object.entries(pages)) {
      const client = new StaffClient(app);
      await client.login(login);
      for (const path of paths) {
        const forms = postForms((await client.get(path)).html);
        for (const form of forms) {
          for (const name of [...form.fields.keys(), ...form.files]) {
            for (const value of HOSTILE) {
              const page = await timed(() => send(client, form, name, value));
              expect(page.status, `${login} ${form.action} ${name}`).toBeLessThan(500);
              posted++;
            }
          }
        }
      }
    }
    expect(posted).toBeGreaterThan(90);

    // 4. Hostile addresses and queries on the public pages, and on the API.
    const segments = HOSTILE.map((h) => encodeURIComponent(h.slice(0, 200)));
    const publicPaths = [
      '/',
      `/plans/${PLAN}`,
      `/plans/${PLAN}/R5`,
      `/plans/${PLAN}/R5/kpis/births`,
      `/plans/${PLAN}/R5/goals/1`,
      '/api/plans',
      `/api/plans/${PLAN}`,
      `/api/plans/${PLAN}/R5`,
    ];
    const visitor = new StaffClient(app);
    for (const path of publicPaths) {
      for (const segment of segments) {
        const parts = path.split('/');
        parts[parts.length - 1] = parts.length > 2 ? segment : (parts[parts.length - 1] ?? '');
        await timed(() => visitor.get(`${parts.join('/')}?year=${segment}&lang=${segment}`));
        await timed(() => visitor.get(`${path}?year=${segment}&lang=${segment}`));
      }
    }

    // 5. The same request many times at once: a save, a department, a sign-in.
    const office = new StaffClient(app);
    await office.login('office');
    await office.get(`/staff/plans/${PLAN}/R5/kpis/births`);
    const sameSave = {
      's0-value': '331',
      's0-state': 'final',
      's0-version': '0',
      's0-original': '',
      's0-original-state': 'final',
    };
    await Promise.all(
      Array.from({ length: 10 }, () =>
        timed(() => office.post(`/staff/plans/${PLAN}/R5/kpis/births`, sameSave)),
      ),
    );
    await office.get('/staff/departments');
    await Promise.all(
      Array.from({ length: 10 }, () => timed(() => office.post('/staff/departments', { name: '同時課' }))),
    );
    const twins = Array.from(
      { length: 6 },
      () => new StaffClient(app, { incoming: { socket: { remoteAddress: '192.0.2.77' } } }),
    );
    for (const twin of twins) await twin.get('/staff/login');
    await Promise.all(
      twins.map((twin) => timed(() => twin.post('/staff/login', { login: 'kodomo', password: PASSWORD }))),
    );

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(hashGate.load).toEqual({ running: 0, waiting: 0 });

    // A real user, from an address that took no part, signs in.
    const real = new StaffClient(app, { incoming: { socket: { remoteAddress: '192.0.2.200' } } });
    expect((await timed(() => real.login('shoko'))).status).toBe(303);

    const grown = heapAfterGc() - heapBefore;
    expect(grown).toBeLessThan(64 * MB);
  }, 180_000);
});
