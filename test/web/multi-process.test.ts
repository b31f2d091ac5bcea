import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCollectWorkbooks } from '../../src/collect/make/make-workbooks.ts';
import { withId } from '../../src/collect/plan-source.ts';
import { openStore } from '../../src/store/connect.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { fill, rowOf } from '../collect/support.ts';
import { nginxAvailable, startNginx } from '../support/nginx.ts';
import { overHttp, overHttpFrom, startAppProcess, type AppProcess } from '../support/app-processes.ts';
import { createTestDatabase, postgresUrl } from '../support/stores.ts';
import { formFields, kpiPath } from './entry-form-helpers.ts';
import { PLAN, StaffClient, text } from './staff-helpers.ts';

const PASSWORD = 'kitamoto-two-processes-2026';
/** Ports of this suite's two processes, and of nginx in front of them. */
const PORTS = [4211, 4212];
const NGINX_PORT = 4213;
/** No interval recheck: only the NOTIFY can make one process see the other's publication. */
const NO_RECHECK_MS = String(60 * 60 * 1000);

/** Asks again every 20 ms until the answer passes, within the notification round trip's short bound. */
async function soon<T>(ask: () => Promise<T>, passes: (answer: T) => boolean, ms = 3_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await ask();
    if (passes(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!postgresUrl)('two app processes on one PostgreSQL', { timeout: 90_000 }, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let apps: AppProcess[] = [];

  const signedIn = async (app: AppProcess) => {
    const browser = new StaffClient(overHttp(app.base));
    const res = await browser.login('admin', PASSWORD);
    expect(res.status).toBe(303);
    return browser;
  };

  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl as string);
    // Started at once on an empty database: migrations and the first start must happen once.
    const started = await Promise.allSettled(
      PORTS.map((port) =>
        startAppProcess({
          PORT: String(port),
          DATABASE_URL: database?.url ?? '',
          SHINCHOKU_ADMIN_PASSWORD: PASSWORD,
          SHINCHOKU_EDITION_RECHECK_MS: NO_RECHECK_MS,
          // nginx, on this machine: its X-Forwarded-For names the client.
          SHINCHOKU_TRUSTED_PROXIES: '127.0.0.1',
        }),
      ),
    );
    // Stopped in afterAll even when the other one failed to start.
    apps = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const s of started) if (s.status === 'rejected') throw s.reason;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await database?.drop();
  });

  it('runs the first start once when both start together on an empty database', () => {
    const firsts = apps.filter((app) => app.output().includes('First start:'));
    expect(firsts).toHaveLength(1);
    for (const app of apps) expect(app.output()).toContain('(postgres)');
  });

  it('shows a publication through one process on the other’s public page at once', async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const publisher = await signedIn(a);
    await signedIn(b);
    const page = `/plans/${PLAN}/R4`;
    const errata = '二つ目のプロセスから公表した訂正';
    const before = await fetch(b.base + page);
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain(errata);
    // Asked again: B answers from its cache now, which only a notice can drop.
    expect(await (await fetch(b.base + page)).text()).not.toContain(errata);
    const publishPage = `/staff/plans/${PLAN}/publish/R4`;
    await publisher.get(publishPage);
    const published = await publisher.post(publishPage, { errata, confirm: '1', reason: '確認済み' });
    expect(published.status).toBe(303);
    const started = Date.now();
    const seen = await soon(
      async () => (await fetch(b.base + page)).text(),
      (html) => html.includes(errata),
    );
    expect(text(seen)).toContain(errata);
    // Measured for the report: the notification round trip, not an interval.
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives one of two conflicting edits of a KPI figure, one through each process, a 409', async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const first = await signedIn(a);
    const second = await signedIn(b);
    const path = kpiPath('births');
    const [formA, formB] = [(await first.get(path)).html, (await second.get(path)).html];
    const answers = await Promise.all([
      first.post(path, { ...formFields(formA), 's0-value': '330' }),
      second.post(path, { ...formFields(formB), 's0-value': '331' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = answers.find((r) => r.status === 409);
    expect(text(lost?.html ?? '')).toContain('ほかの人の変更と重なったため、何も保存していません。');
  });

  it('applies through one process the workbooks previewed through the other, once', async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const store = await openStore({ url: database?.url ?? '' });
    const plan = withId(await loadStoredPlan(store.db, PLAN));
    await store.close();
    const [made] = await makeCollectWorkbooks(plan, 2023, { office: '未割当', now: new Date() });
    if (!made) throw new Error('no workbook');
    const row = await rowOf(made.bytes, '就業者一人当たり市内純生産');
    const bytes = await fill(made.bytes, { [`F${row}`]: '440', [`J${row}`]: '回復基調' });
    // One browser, one session cookie: the proxy sends its preview to A and its apply to B.
    let base = a.base;
    const office = new StaffClient(overHttp(() => base));
    expect((await office.login('admin', PASSWORD)).status).toBe(303);
    await office.get('/staff/collect');
    const form = new FormData();
    form.set('_csrf', office.csrf ?? '');
    form.append('files', new Blob([new Uint8Array(bytes)]), made.fileName);
    const preview = await office.request('/staff/collect/preview', {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://localhost' },
    });
    expect(preview.status).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(preview.html)?.[1] ?? '';
    base = b.base;
    const applied = await office.post('/staff/collect/apply', { token });
    expect(text(applied.html)).toContain('実績値1件、評価1件を反映しました。');
    base = a.base;
    expect((await office.post('/staff/collect/apply', { token })).status).toBe(404);
  });

  // nginx is optional (nginx-light on the development machine); the suite runs without it.
  it.runIf(nginxAvailable)(
    'serves through nginx with docs/hosting.md’s configuration, any request to any process',
    async () => {
      const proxy = await startNginx(NGINX_PORT, PORTS);
      try {
        const office = new StaffClient(overHttp(proxy.base));
        expect((await office.login('admin', PASSWORD)).status).toBe(303);
        // Round robin: consecutive requests reach both processes, and the session works on each.
        const path = kpiPath('furusato-donations');
        for (let i = 0; i < 4; i++) expect((await office.get(path)).status).toBe(200);
        const form = (await office.get(path)).html;
        const saved = await office.post(path, { ...formFields(form), 's0-value': '12345' });
        expect(saved.status).toBe(200);
        expect(text(saved.html)).not.toContain('ほかの人の変更と重なった');
        const page = await fetch(`${proxy.base}/plans/${PLAN}/R4`);
        expect(page.status).toBe(200);
        // Two people behind nginx are two clients to the sign-in limits, not one: the one who mistyped waits.
        const mistyping = () => new StaffClient(overHttpFrom(proxy.base, '127.0.0.2'));
        for (let i = 0; i < 5; i++)
          expect((await mistyping().login('admin', 'wrong password')).status).toBe(401);
        expect((await mistyping().login('admin', PASSWORD)).status).toBe(429);
        const colleague = new StaffClient(overHttpFrom(proxy.base, '127.0.0.3'));
        expect((await colleague.login('admin', PASSWORD)).status).toBe(303);
      } finally {
        await proxy.stop();
      }
    },
  );

  it('counts failed sign-ins through both processes against one budget', async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const guesses = [a, b, a, b, a].map((app) => new StaffClient(overHttp(app.base)));
    for (const guess of guesses) expect((await guess.login('admin', 'wrong password')).status).toBe(401);
    const sixth = await new StaffClient(overHttp(b.base)).login('admin', 'wrong password');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right password too waits: the limit is per login and address, whichever process answers.
    expect((await new StaffClient(overHttp(a.base)).login('admin', PASSWORD)).status).toBe(429);
  });
});
