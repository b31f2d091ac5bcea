import { expect, it } from 'vitest';
import { readPlanMaster } from '../../src/collect/master/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { loadStoredPlan } from '../../src/store/plan-repository.ts';
import {
  planOf,
  editedMaster,
  kitamotoMaster,
  rowOf,
  sheet,
  withoutEnglish,
} from '../collect/master/support.ts';
import { describeStores } from '../support/stores.ts';
import { KITAMOTO, testApp } from '../support/web.ts';
import { seedStaff, StaffClient, text } from './staff-helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(browser: StaffClient, bytes: Uint8Array, options: { name?: string; replace?: boolean } = {}) {
  const form = new FormData();
  form.set('_csrf', browser.csrf ?? '');
  form.set('master', new File([new Uint8Array(bytes)], options.name ?? 'kitamoto.xlsx', { type: XLSX }));
  if (options.replace) form.set('masterReplace', '1');
  return browser.request('/staff/import/master', {
    method: 'POST',
    body: form,
    headers: { Origin: 'http://localhost' },
  });
}

/** A download as bytes: the client's own reader keeps only text. */
async function download(app: ReturnType<typeof testApp>, browser: StaffClient, path: string) {
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

const problemLines = (html: string): string[] =>
  [...(/<ul class="plain-list">(.*?)<\/ul>/s.exec(html)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/gs)].map((m) =>
    text(m[1] ?? ''),
  );

/** The Kitamoto master under another id, with one figure changed. */
const copyOfKitamoto = (id: string, births: unknown) =>
  editedMaster((wb) => {
    sheet(wb, '計画').getCell('B2').value = id;
    const actuals = sheet(wb, '実績');
    actuals.getCell(`D${rowOf(actuals, 'births', null, 'R4')}`).value = births as never;
  });

describeStores('the Excel plan master on the import page', (store) => {
  it('offers the template, the upload and the export, in Japanese and in English', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    const page = await office.get('/staff/import');
    expect(page.status).toBe(200);
    const words = text(page.html);
    expect(words).toContain('Excel の計画表から取り込む');
    expect(words).toContain('計画表の様式をダウンロード（Excel）');
    expect(page.html).toContain('href="/staff/import/master-template.xlsx"');
    expect(page.html).toContain(`<option value="${KITAMOTO}">`);
    const english = text((await office.get('/staff/import?lang=en')).html);
    expect(english).toContain('Import the Excel plan master');
    expect(english).toContain('Export to Excel');
  });

  it('downloads the template and the stored plan as a master that reads back as the same plan', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    const template = await download(app, office, '/staff/import/master-template.xlsx');
    expect(template.status).toBe(200);
    expect(template.type).toBe(XLSX);
    const empty = await readPlanMaster({ name: 't.xlsx', bytes: template.bytes });
    expect(empty.problems.map((p) => p.place?.cell)).toContain('B3');

    const exported = await download(app, office, `/staff/import/master-export?plan=${KITAMOTO}`);
    expect(exported.status).toBe(200);
    const read = await readPlanMaster({ name: 'k.xlsx', bytes: exported.bytes });
    const stored = await loadStoredPlan(store().db, KITAMOTO);
    expect(planToYaml(planOf(read))).toBe(planToYaml(withoutEnglish(stored)));
    expect((await download(app, office, '/staff/import/master-export?plan=no-such-plan')).status).toBe(404);
  });

  it('imports an uploaded master, refuses one that exists unless asked to replace it', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff/import');
    const imported = await upload(office, await copyOfKitamoto('kitamoto-copy', '３３０'));
    expect(imported.status).toBe(200);
    expect(text(imported.html)).toContain('計画「kitamoto-copy」を取り込みました。');
    const copy = await loadStoredPlan(store().db, 'kitamoto-copy');
    expect(copy.kpis.get('births')?.series[0]?.actuals.get(2022)).toEqual({ kind: 'value', value: '330' });

    const again = await upload(office, await kitamotoMaster());
    expect(again.status).toBe(422);
    expect(text(again.html)).toContain(`「${KITAMOTO}」という計画はすでにあります。`);
    const replaced = await upload(office, await kitamotoMaster(), { replace: true });
    expect(replaced.status).toBe(200);
    expect(text(replaced.html)).toContain(`計画「${KITAMOTO}」を置き換えました。`);
  });

  it('refuses a master with mistakes, naming each sheet and cell, and imports nothing', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff/import');
    let row = 0;
    const bytes = await editedMaster((wb) => {
      sheet(wb, '計画').getCell('B2').value = 'kitamoto-broken';
      const actuals = sheet(wb, '実績');
      row = rowOf(actuals, 'furusato-donations', null, 'R4');
      actuals.getCell(`D${row}`).value = '約7300件';
      sheet(wb, '目標').getCell('B3').value = '重点目標';
    });
    const refused = await upload(office, bytes);
    expect(refused.status).toBe(422);
    expect(problemLines(refused.html)).toEqual([
      'シート『目標』のB3：「重点目標」は選べません。「基本目標」、「横断的な目標」のどれかを選んでください。',
      expect.stringMatching(new RegExp(`^シート『実績』のD${row}：.*約`)),
    ]);
    await expect(loadStoredPlan(store().db, 'kitamoto-broken')).rejects.toThrow();

    const notExcel = await upload(office, new TextEncoder().encode('plan: {}'), { name: 'plan.yaml' });
    expect(notExcel.status).toBe(422);
    expect(problemLines(notExcel.html)).toEqual([
      'ファイル全体：Excel ブック（.xlsx）ではありません。計画表を「Excel ブック (*.xlsx)」の形式で保存して取り込んでください。',
    ]);
    await office.get('/staff/import?lang=en');
    const english = await upload(office, bytes);
    expect(english.status).toBe(422);
    expect(problemLines(english.html)[0]).toBe(
      'Sheet “目標”, B3: “重点目標” cannot be chosen. Choose one of “基本目標”, “横断的な目標”.',
    );
  });

  it('imports two uploads of one new plan at once as one plan, the other told it exists', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff/import');
    const bytes = await copyOfKitamoto('kitamoto-twice', 325);
    const answers = await Promise.all([upload(office, bytes), upload(office, bytes)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
  });

  it('keeps the master to the office', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const department = new StaffClient(app);
    await department.login('kodomo');
    expect((await download(app, department, '/staff/import/master-template.xlsx')).status).toBe(403);
    expect((await download(app, department, `/staff/import/master-export?plan=${KITAMOTO}`)).status).toBe(
      403,
    );
  });
});
