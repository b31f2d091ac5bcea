import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.ts';
import type { Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { createUser } from '../../src/store/users.ts';
import { staffPaths } from '../../src/web/routes/staff/paths.ts';
import {
  logIn,
  mainText,
  publishUnapproved,
  signIn,
  startBrowserRig,
  type Account,
  type BrowserRig,
} from '../support/browser-flow.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { ENGINES } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';
const R5 = 2023;
const DEPARTMENT = '産業振興課';
const PASSWORD = 'correct horse battery staple';
/** The password each person chooses at first sign-in, when the office made the account. */
const OWN_PASSWORD = 'sangyo desk passphrase r5';
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

/** An account signed in with PASSWORD; a new one, made by the office, is led to change it first. */
const account = (login: string): Account => ({ login, password: PASSWORD });
const newAccount = (login: string): Account => ({ login, password: PASSWORD, newPassword: OWN_PASSWORD });

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
    let rig: BrowserRig;

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
      // Two people of the department, whose accounts the office has just made (each changes its password
      // first), and one who has used the system before.
      for (const [login, mustChangePassword] of [
        ['sangyo-a', true],
        ['sangyo-b', true],
        ['sangyo', false],
      ] as const) {
        await createUser(
          store.db,
          {
            login,
            displayName: DEPARTMENT,
            password: PASSWORD,
            role: 'department',
            departmentName: DEPARTMENT,
            mustChangePassword,
          },
          null,
        );
      }
      await createUser(
        store.db,
        { login: 'iin', displayName: '委員', password: PASSWORD, role: 'committee' },
        null,
      );
      await createUser(
        store.db,
        {
          login: 'shinnin',
          displayName: '新任',
          password: PASSWORD,
          role: 'department',
          departmentName: DEPARTMENT,
          mustChangePassword: true,
        },
        null,
      );
      rig = await startBrowserRig(store);
    }, 120_000);

    afterAll(async () => {
      await rig?.close();
      await opened?.dispose();
    });

    it('a department enters R5, meets a conflicting edit, the office approves and publishes, citizens see the new rates', async () => {
      const { base, browser } = rig;
      const deptA = await browser.newContext({ locale: 'ja-JP' });
      const deptB = await browser.newContext({ locale: 'ja-JP' });
      const office = await browser.newContext({ locale: 'ja-JP' });
      try {
        const first = await signIn(deptA, base, newAccount('sangyo-a'));
        const second = await signIn(deptB, base, newAccount('sangyo-b'));
        const netProduct = `${base}${staffPaths.kpi(PLAN, R5, 'net-product-per-worker')}`;
        const jobs = `${base}${staffPaths.kpi(PLAN, R5, 'job-openings-ratio')}`;

        // Two people open the same KPI; the first saves, then the second's save must not overwrite it.
        await first.goto(netProduct);
        await second.goto(netProduct);
        await first.getByLabel('R5の実績値（単位：万円）').fill('４４０');
        await first.getByRole('button', { name: '保存', exact: true }).click();
        await expect.poll(() => first.getByText('保存しました。').count()).toBeGreaterThan(0);
        await second.getByLabel('R5の実績値（単位：万円）').fill('430');
        await second.getByRole('button', { name: '保存', exact: true }).click();
        const conflict = await mainText(second);
        expect(conflict).toContain('ほかの人の変更と重なったため、何も保存していません。');
        expect(conflict).toContain('440');
        expect(conflict).toContain('430');

        await first.goto(jobs);
        await first.getByLabel('R5の実績値（単位：倍）').fill('1.30');
        await first.getByRole('button', { name: '保存', exact: true }).click();
        await expect.poll(() => first.getByText('保存しました。').count()).toBeGreaterThan(0);
        for (const url of [netProduct, jobs]) {
          await first.goto(url);
          await first.getByLabel('評価の文章').fill(`${ASSESSMENT}${url.endsWith('ratio') ? '' : SCRIPT}`);
          await first.getByRole('button', { name: '保存', exact: true }).click();
          await expect.poll(() => first.getByText('保存しました。').count()).toBeGreaterThan(0);
          await first.getByRole('button', { name: '企画担当に提出' }).click();
          await expect.poll(() => first.getByText('提出しました。').count()).toBeGreaterThan(0);
        }

        // A department may not touch another department's KPI, even by posting to it directly.
        const births = `${base}${staffPaths.kpi(PLAN, R5, 'births')}`;
        await first.goto(births);
        expect(await first.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
        const token = await first.locator('input[name="_csrf"]').first().inputValue();
        const posted = await first.request.post(births, {
          form: { _csrf: token, 's0-value': '999', 's0-version': '0', 'a-version': '0' },
          maxRedirects: 0,
        });
        expect(posted.status()).toBe(403);

        const admin = await signIn(office, base, account('office'));
        for (const kpi of DEPARTMENT_KPIS) {
          await admin.goto(`${base}${staffPaths.kpi(PLAN, R5, kpi)}`);
          await admin.getByRole('button', { name: '承認', exact: true }).click();
          await expect.poll(() => admin.getByText('承認しました。').count()).toBeGreaterThan(0);
        }

        // Publishing is a deliberate act: the year is chosen, then what would go public is shown first.
        await admin.goto(`${base}${staffPaths.publish(PLAN)}`);
        await admin.getByLabel('公表する年度').selectOption({ label: '令和5年度（R5）' });
        await admin.getByRole('button', { name: '公表する内容を確認' }).click();
        await admin.waitForURL((url) => url.pathname === staffPaths.publishYear(PLAN, R5));
        const rows = (header: string) =>
          admin
            .getByRole('row')
            .filter({ has: admin.getByRole('rowheader', { name: header, exact: true }) })
            .innerText();
        // The 13 KPIs of other departments are not entered (the refused post above left births empty).
        expect(await rows('未入力')).toMatch(/13$/);
        const pending = await admin
          .getByRole('table', { name: '承認していない数値目標（13件）' })
          .innerText();
        expect(pending).toContain(planWithDepartment().kpis.get('births')?.name);
        for (const kpi of DEPARTMENT_KPIS) {
          expect(pending).not.toContain(planWithDepartment().kpis.get(kpi)?.name);
        }
        // The rates the edition would show, before it exists: 2 of 2 evaluated achieved.
        expect(await rows('全体')).toMatch(/^全体\s+2\s+2\s+100%$/);
        await publishUnapproved(
          admin,
          13,
          '基本目標1の数値目標を先に公表し、残りは揃いしだい次の版で反映します。',
        );

        const citizen = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
        await citizen.goto(`${base}/plans/${PLAN}/R5`);
        const text = await mainText(citizen);
        // Both R5 figures meet their targets (440 ≥ 438.3万円, 1.30 ≥ 1.24倍): 2 of 2 evaluated.
        expect(text).toContain('100%');
        await citizen.goto(`${base}/plans/${PLAN}/R5/goals/B1`);
        const goal = await mainText(citizen);
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
      const { base, browser } = rig;
      const anonymous = await browser.newContext({ locale: 'ja-JP' });
      const office = await browser.newContext({ locale: 'ja-JP' });
      const dept = await browser.newContext({ locale: 'ja-JP' });
      const committee = await browser.newContext({ locale: 'ja-JP' });
      const newcomer = await browser.newContext({ locale: 'ja-JP' });
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
        const admin = await signIn(office, base, account('office'));
        for (const path of [
          staffPaths.home,
          staffPaths.overview(PLAN, R5),
          staffPaths.kpi(PLAN, R5, 'births'),
          staffPaths.kpiSettings(PLAN, 'births'),
          staffPaths.publish(PLAN),
          staffPaths.publishYear(PLAN, R5),
          staffPaths.audit(PLAN),
          staffPaths.importPlan,
          staffPaths.collect,
          staffPaths.users(),
          staffPaths.departments,
          staffPaths.password(),
          staffPaths.deadlines(PLAN),
          staffPaths.reviewQueue(PLAN, R5),
          staffPaths.notices,
          staffPaths.settings,
          staffPaths.contact(),
        ]) {
          await expectNoAxeViolations(admin, `${base}${path}`);
        }
        const department = await signIn(dept, base, account('sangyo'));
        await expectNoAxeViolations(department, `${base}${staffPaths.home}`);
        await expectNoAxeViolations(department, `${base}${staffPaths.notices}`);
        await expectNoAxeViolations(
          department,
          `${base}${staffPaths.kpi(PLAN, 2024, 'net-product-per-worker')}`,
        );
        const member = await signIn(committee, base, account('iin'));
        await expectNoAxeViolations(member, `${base}${staffPaths.kpi(PLAN, R5, 'births')}`);
        // The page every staff page leads to until a new account has its own password.
        const forced = await logIn(newcomer, base, account('shinnin'));
        expect(new URL(forced.url()).pathname).toBe(staffPaths.password());
        await expectNoAxeViolations(forced, `${base}${staffPaths.home}`);
        expect(new URL(forced.url()).pathname).toBe(staffPaths.password());
      } finally {
        await Promise.all([
          anonymous.close(),
          office.close(),
          dept.close(),
          committee.close(),
          newcomer.close(),
        ]);
      }
    }, 180_000);
  });
}
