import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.ts';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';
import { CHROMIUM_ARGS } from '../../src/render/pdf/printer.ts';
import type { Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { createUser } from '../../src/store/users.ts';
import { createApp } from '../../src/web/app.ts';
import { systemClock } from '../../src/web/clock.ts';
import { staffPaths } from '../../src/web/routes/staff/paths.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { ENGINES } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';
const R5 = 2023;
const DEPARTMENT = '産業振興課';
const PASSWORD = 'correct horse battery staple';
const DEPARTMENT_KPIS = ['net-product-per-worker', 'job-openings-ratio'];
const ASSESSMENT = '市内事業者の回復により目標値を上回った';
/** Text a citizen must see as text: the assessment is shown on the public pages. */
const SCRIPT = '<script>document.title="pwned"</script>';

/** The seed plan with 基本目標1's KPIs assigned to one department, as the planning office would set it up. */
function planWithDepartment(): Plan {
  const plan = kitamotoPlan();
  const kpis = new Map(
    [...plan.kpis].map(([id, kpi]) => [
      id,
      DEPARTMENT_KPIS.includes(id) ? { ...kpi, department: DEPARTMENT } : kpi,
    ]),
  );
  return { ...plan, kpis };
}

async function signIn(context: BrowserContext, base: string, login: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${staffPaths.login()}`);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return page;
}

async function expectNoAxeViolations(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(result.violations.map((v) => `${new URL(url).pathname}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`the whole year in the browser [${engine.name}]`, () => {
    let opened: Awaited<ReturnType<(typeof engine)['open']>>;
    let store: Store;
    let server: ServerType;
    let browser: Browser;
    let base = '';

    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await importPlan(store.db, planWithDepartment());
      await publishEdition(store.db, { plan: PLAN, year: 2022, errata: null }, null);
      await createUser(
        store.db,
        { login: 'office', displayName: '企画課', password: PASSWORD, role: 'admin' },
        null,
      );
      await createUser(
        store.db,
        {
          login: 'sangyo',
          displayName: '産業振興課',
          password: PASSWORD,
          role: 'department',
          departmentName: DEPARTMENT,
        },
        null,
      );
      await createUser(
        store.db,
        { login: 'iin', displayName: '委員', password: PASSWORD, role: 'committee' },
        null,
      );
      const app = createApp({ store, clock: systemClock, printer: null, secureCookies: false });
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
      await opened?.dispose();
    });

    it('a department enters R5, meets a conflicting edit, the office approves and publishes, citizens see the new rates', async () => {
      const deptA = await browser.newContext({ locale: 'ja-JP' });
      const deptB = await browser.newContext({ locale: 'ja-JP' });
      const office = await browser.newContext({ locale: 'ja-JP' });
      try {
        const first = await signIn(deptA, base, 'sangyo');
        const second = await signIn(deptB, base, 'sangyo');
        const netProduct = `${base}${staffPaths.kpi(PLAN, R5, 'net-product-per-worker')}`;
        const jobs = `${base}${staffPaths.kpi(PLAN, R5, 'job-openings-ratio')}`;

        // Two people open the same KPI; the first saves, then the second's save must not overwrite it.
        await first.goto(netProduct);
        await second.goto(netProduct);
        await first.getByLabel('R5の実績値（単位：万円）').fill('４４０');
        await first.getByRole('button', { name: '保存' }).click();
        await expect.poll(() => first.getByText('保存しました。').count()).toBeGreaterThan(0);
        await second.getByLabel('R5の実績値（単位：万円）').fill('430');
        await second.getByRole('button', { name: '保存' }).click();
        const conflict = await second.locator('main').innerText();
        expect(conflict).toContain('ほかの人の変更と重なったため、何も保存していません。');
        expect(conflict).toContain('440');
        expect(conflict).toContain('430');

        await first.goto(jobs);
        await first.getByLabel('R5の実績値（単位：倍）').fill('1.30');
        await first.getByRole('button', { name: '保存' }).click();
        await expect.poll(() => first.getByText('保存しました。').count()).toBeGreaterThan(0);
        for (const url of [netProduct, jobs]) {
          await first.goto(url);
          await first.getByLabel('評価の文章').fill(`${ASSESSMENT}${url.endsWith('ratio') ? '' : SCRIPT}`);
          await first.getByRole('button', { name: '保存' }).click();
          await expect.poll(() => first.getByText('保存しました。').count()).toBeGreaterThan(0);
          await first.getByRole('button', { name: '企画担当に提出' }).click();
          await expect.poll(() => first.getByText('提出しました。').count()).toBeGreaterThan(0);
        }

        // A department may not touch another department's KPI, even by posting to it directly.
        await first.goto(`${base}${staffPaths.kpi(PLAN, R5, 'births')}`);
        expect(await first.getByRole('button', { name: '保存' }).count()).toBe(0);

        const admin = await signIn(office, base, 'office');
        for (const kpi of DEPARTMENT_KPIS) {
          await admin.goto(`${base}${staffPaths.kpi(PLAN, R5, kpi)}`);
          await admin.getByRole('button', { name: '承認' }).click();
          await expect.poll(() => admin.getByText('承認しました。').count()).toBeGreaterThan(0);
        }
        await admin.goto(`${base}${staffPaths.publish(PLAN)}`);
        await admin.getByLabel('公表する年度').selectOption({ label: '令和5年度（R5）' });
        await admin.getByRole('button', { name: '公表する' }).click();
        await expect.poll(() => admin.getByText('公表しました。').count()).toBeGreaterThan(0);

        const citizen = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
        await citizen.goto(`${base}/plans/${PLAN}/R5`);
        const text = await citizen.locator('main').innerText();
        // Both R5 figures meet their targets (440 ≥ 438.3万円, 1.30 ≥ 1.24倍): 2 of 2 evaluated.
        expect(text).toContain('100%');
        await citizen.goto(`${base}/plans/${PLAN}/R5/goals/B1`);
        const goal = await citizen.locator('main').innerText();
        expect(goal).toContain('440万円');
        expect(goal).toContain('1.30倍');
        expect(goal).toContain(SCRIPT);
        expect(await citizen.title()).not.toBe('pwned');
        await citizen.context().close();
      } finally {
        await Promise.all([deptA.close(), deptB.close(), office.close()]);
      }
    }, 180_000);

    it('has no accessibility violations on any public page or staff form', async () => {
      const anonymous = await browser.newContext({ locale: 'ja-JP' });
      const office = await browser.newContext({ locale: 'ja-JP' });
      const dept = await browser.newContext({ locale: 'ja-JP' });
      const committee = await browser.newContext({ locale: 'ja-JP' });
      try {
        const page = await anonymous.newPage();
        for (const path of [
          '/',
          `/plans/${PLAN}`,
          `/plans/${PLAN}/R4/goals/B4`,
          `/plans/${PLAN}/R4/kpis/healthy-life-expectancy-65`,
          '/nowhere',
          staffPaths.login(),
        ]) {
          await expectNoAxeViolations(page, `${base}${path}`);
        }
        const admin = await signIn(office, base, 'office');
        for (const path of [
          staffPaths.home,
          staffPaths.overview(PLAN, R5),
          staffPaths.kpi(PLAN, R5, 'births'),
          staffPaths.kpiSettings(PLAN, 'births'),
          staffPaths.publish(PLAN),
          staffPaths.audit(PLAN),
          staffPaths.importPlan,
          staffPaths.collect,
          staffPaths.users(),
          staffPaths.departments,
        ]) {
          await expectNoAxeViolations(admin, `${base}${path}`);
        }
        const department = await signIn(dept, base, 'sangyo');
        await expectNoAxeViolations(department, `${base}${staffPaths.home}`);
        await expectNoAxeViolations(
          department,
          `${base}${staffPaths.kpi(PLAN, 2024, 'net-product-per-worker')}`,
        );
        const member = await signIn(committee, base, 'iin');
        await expectNoAxeViolations(member, `${base}${staffPaths.kpi(PLAN, R5, 'births')}`);
      } finally {
        await Promise.all([anonymous.close(), office.close(), dept.close(), committee.close()]);
      }
    }, 180_000);
  });
}
