import { expect, it } from 'vitest';
import { makeCollectWorkbooks } from '../../src/collect/make/make-workbooks.ts';
import { withId } from '../../src/collect/plan-source.ts';
import type { Store } from '../../src/store/connect.ts';
import type { DecimalString } from '../../src/core/decimal.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import { fill, rowOf } from '../collect/support.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { auditRows, PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const R5 = 2023;

/** A department's workbook for a year (商工課, R5 by default), filled in as the department would. */
async function filledWorkbook(
  store: Store,
  cells: (row: number) => Record<string, string>,
  { department = '商工課', kpi = '就業者一人当たり市内純生産', year = R5 } = {},
) {
  const plan = withId(await loadStoredPlan(store.db, PLAN));
  const made = await makeCollectWorkbooks(plan, year, {
    office: '未割当',
    now: new Date('2024-04-15T09:00:00+09:00'),
  });
  const workbook = made.find((m) => m.fileName.includes(department));
  if (!workbook) throw new Error(`no workbook for ${department}`);
  const row = await rowOf(workbook.bytes, kpi);
  return { name: workbook.fileName, bytes: await fill(workbook.bytes, cells(row)) };
}

async function upload(client: StaffClient, files: { name: string; bytes: Uint8Array }[]) {
  await client.get('/staff/collect');
  const form = new FormData();
  form.set('_csrf', client.csrf ?? '');
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  return client.request('/staff/collect/preview', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost' },
  });
}

describeStores('uploading filled workbooks in the web app', (store) => {
  it('previews the diff, then applies it whole, in the audit log', async () => {
    await seedStaff(store());
    const client = new StaffClient(testApp(store()));
    await client.login('office');
    const workbook = await filledWorkbook(store(), (row) => ({
      [`F${row}`]: '４４０',
      [`J${row}`]: '回復基調',
    }));
    const preview = await upload(client, [workbook]);
    expect(preview.status).toBe(200);
    expect(text(preview.html)).toContain('440万円');
    const token = /name="token" value="([^"]+)"/.exec(preview.html)?.[1];
    expect(token).toBeDefined();
    expect(
      (await loadStoredPlan(store().db, PLAN)).kpis.get('net-product-per-worker')?.series[0]?.actuals.get(R5),
    ).toBeUndefined();

    const applied = await client.post('/staff/collect/apply', { token: token ?? '' });
    expect(text(applied.html)).toContain('実績値1件、評価1件を反映しました。');
    const plan = await loadStoredPlan(store().db, PLAN);
    expect(plan.kpis.get('net-product-per-worker')?.series[0]?.actuals.get(R5)).toEqual({
      kind: 'value',
      value: '440',
    });
    expect(plan.kpis.get('net-product-per-worker')?.assessments.get(R5)?.text).toBe('回復基調');
    expect((await auditRows(store())).map((r) => r.action)).toEqual(
      expect.arrayContaining(['collect.apply', 'observation.save', 'assessment.save']),
    );
    const again = await client.post('/staff/collect/apply', { token: token ?? '' });
    expect(again.status).toBe(404);
  });

  it('names the file, sheet and cell of every problem and offers nothing to apply', async () => {
    await seedStaff(store());
    const client = new StaffClient(testApp(store()));
    await client.login('office');
    const workbook = await filledWorkbook(store(), (row) => ({ [`F${row}`]: '12kg' }));
    const preview = await upload(client, [workbook]);
    expect(preview.status).toBe(422);
    expect(text(preview.html)).toMatch(/入力!F\d+/);
    expect(preview.html).not.toContain('name="token"');
  });

  it('is for the planning office only', async () => {
    await seedStaff(store());
    const client = new StaffClient(testApp(store()));
    await client.login('shoko');
    expect((await client.get('/staff/collect')).status).toBe(403);
  });
  it('words figure problems and empty values in the reader’s language, from the reader’s codes', async () => {
    await seedStaff(store());
    const client = new StaffClient(testApp(store()));
    await client.login('office');
    const refused = await upload(client, [await filledWorkbook(store(), (row) => ({ [`F${row}`]: 'abc' }))]);
    expect(refused.status).toBe(422);
    expect(text(refused.html)).toMatch(/入力!F\d+ エラー 数値を入力してください。/);
    expect(refused.html).not.toMatch(/is not a number|is neither a number|「abc」 is/);
    const fresh = await upload(client, [await filledWorkbook(store(), (row) => ({ [`F${row}`]: '440' }))]);
    const diff = text(
      /<section aria-labelledby="collect-changes">[\s\S]*?<\/section>/.exec(fresh.html)?.[0] ?? '',
    );
    expect(diff).toContain('なし');
    expect(diff).not.toContain('(none)');
  });

  it('words structure, identity, state and conflict problems in Japanese, and heads the diff with the plan’s title and year', async () => {
    await seedStaff(store());
    const client = new StaffClient(testApp(store()));
    await client.login('office');
    const edited = await filledWorkbook(store(), (row) => ({ [`C${row}`]: '出生数（書き換え）' }), {
      department: 'こども課',
      kpi: '出生数',
    });
    const lastYear = await filledWorkbook(store(), (row) => ({ [`F${row}`]: '400' }), { year: R5 - 1 });
    const clashing = await filledWorkbook(store(), (row) => ({ [`F${row}`]: '４５０', [`H${row}`]: '暫定' }));
    await saveObservation(
      store().db,
      {
        plan: PLAN,
        kpi: 'net-product-per-worker',
        series: 0,
        year: R5,
        state: 'final',
        entry: { kind: 'value', value: '440' as DecimalString },
        expectedVersion: 0,
      },
      null,
    );
    const preview = await upload(client, [edited, lastYear, clashing]);
    expect(preview.status).toBe(422);
    const problems = text(
      /<section aria-labelledby="collect-problems">[\s\S]*?<\/section>/.exec(preview.html)?.[0] ?? '',
    );
    expect(problems).toContain('書き換えできないセルが編集された');
    expect(problems).toContain('令和4年度の調査票ですが、いまは令和5年度の調査票を取り込んでいます');
    expect(problems).toContain('「暫定」は「確定」でも「見込」でもありません');
    expect(problems).toContain('この調査票を作った後にシステムで変更されています');
    expect(problems).toContain('全角の文字や空白を半角にそろえました');
    // File names and cell references aside, not one English word: the reader's codes are worded here.
    const words = problems.replace(/\S+\.xlsx/g, '').match(/[A-Za-z]{3,}/g);
    expect(words).toBeNull();
    const title = (await loadStoredPlan(store().db, PLAN)).title;
    const heading = text(/<h2 id="collect-changes">[\s\S]*?<\/h2>/.exec(preview.html)?.[0] ?? '');
    expect(heading.trim()).toBe(`${title}（令和5年度）に反映される変更`);
  });
});
