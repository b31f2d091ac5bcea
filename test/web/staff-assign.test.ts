import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/connect.ts';
import * as schema from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const PAGE = `/staff/plans/${PLAN}/departments`;

async function departmentsOf(store: Store, keys: readonly string[]) {
  const rows = await store.db
    .select({ key: schema.kpis.key, department: schema.kpis.departmentId })
    .from(schema.kpis)
    .where(inArray(schema.kpis.key, [...keys]));
  return Object.fromEntries(rows.map((r) => [r.key, r.department]));
}

/** Posts the form with several ticked boxes, as a browser sends them: the same name repeated. */
function post(client: StaffClient, kpis: readonly string[], department: string) {
  const body = new URLSearchParams();
  body.set('_csrf', client.csrf ?? '');
  for (const k of kpis) body.append('kpi', k);
  body.set('department', department);
  return client.request(PAGE, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
  });
}

describeStores('assigning departments to many KPIs at once', (store) => {
  it('gives every ticked KPI the department chosen, with an audit line per KPI changed', async () => {
    const staff = await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    expect((await office.get('/staff/departments')).html).toContain(`href="${PAGE}"`);
    const page = await office.get(PAGE);
    expect(page.status).toBe(200);
    const boxes = [...page.html.matchAll(/<input type="checkbox" id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(boxes.length).toBe(15);
    for (const id of boxes) expect(page.html).toContain(`<label for="${id}"`);
    const kpis = ['childcare-support-satisfaction', 'births', 'greenhouse-gas-emissions'];
    const res = await post(office, kpis, String(staff.departments.shoko));
    expect(res.status).toBe(200);
    expect(text(res.html)).toContain('3件の数値目標を商工課に割り当てました。');
    const shoko = staff.departments.shoko;
    expect(await departmentsOf(store(), kpis)).toEqual(Object.fromEntries(kpis.map((k) => [k, shoko])));
    const audit = (await auditRows(store())).filter((r) => r.action === 'kpi.update');
    expect(
      audit
        .map((r) => [r.userId, r.subject, r.field, r.oldValue, r.newValue])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual(
      [
        [staff.admin, 'births', 'department', 'こども課', '商工課'],
        [staff.admin, 'childcare-support-satisfaction', 'department', null, '商工課'],
        [staff.admin, 'greenhouse-gas-emissions', 'department', null, '商工課'],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );

    // The department users see the change at once: shoko now enters births, kodomo no longer does.
    const shokoUser = new StaffClient(testApp(store()));
    await shokoUser.login('shoko');
    expect((await shokoUser.get(`/staff/plans/${PLAN}/R5/grid`)).html).toContain('value="births"');

    const back = await post(office, ['births'], 'none');
    expect(text(back.html)).toContain('1件の数値目標を担当課なし（企画担当）に割り当てました。');
    expect((await departmentsOf(store(), ['births'])).births).toBeNull();
    const same = await post(office, ['births'], 'none');
    expect(text(same.html)).toContain('変更はありませんでした');
  });

  it('refuses the whole change for a KPI not in the plan, no KPI, or no department chosen, keeping the ticks', async () => {
    const staff = await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get(PAGE);
    const forged = await post(office, ['births', 'no-such-kpi\u0000'], String(staff.departments.shoko));
    expect(forged.status).toBe(422);
    expect(text(forged.html)).toContain('割り当てる数値目標：選択肢から選んでください。');
    expect(forged.html).toMatch(/value="births" checked/);
    expect((await departmentsOf(store(), ['births'])).births).toBe(staff.departments.kodomo);

    const none = await post(office, [], String(staff.departments.shoko));
    expect(none.status).toBe(422);
    expect(text(none.html)).toContain('割り当てる数値目標：入力してください。');
    const noDepartment = await post(office, ['births'], '');
    expect(noDepartment.status).toBe(422);
    expect(text(noDepartment.html)).toContain('割り当てる担当課：選択肢から選んでください。');
    const gone = await post(office, ['births'], '99999');
    expect(gone.status).toBe(422);
    const many = await post(
      office,
      Array.from({ length: 5000 }, (_, i) => `k${i}`),
      'none',
    );
    expect(many.status).toBe(422);
    expect((await auditRows(store())).filter((r) => r.action === 'kpi.update')).toHaveLength(0);
  });

  it('is the office’s alone', async () => {
    await seedStaff(store());
    const app = testApp(store());
    for (const login of ['kodomo', 'iin']) {
      const client = new StaffClient(app);
      await client.login(login);
      expect((await client.get(PAGE)).status).toBe(403);
      expect((await post(client, ['births'], 'none')).status).toBe(403);
    }
    const [births] = await store()
      .db.select({ d: schema.kpis.departmentId })
      .from(schema.kpis)
      .where(eq(schema.kpis.key, 'births'));
    expect(births?.d).not.toBeNull();
  });
});
