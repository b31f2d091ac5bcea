import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeCollectWorkbooks } from '../../src/collect/make/make-workbooks.ts';
import { withId } from '../../src/collect/plan-source.ts';
import { createMunicipality } from '../../src/store/municipalities.ts';
import { listPlans, loadStoredPlan, planMunicipalityId } from '../../src/store/plan-repository.ts';
import * as schema from '../../src/store/schema.ts';
import { fill, rowOf } from '../collect/support.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PASSWORD, PLAN, quickHash, seedStaff, StaffClient, text } from './staff-helpers.ts';

const ROOT = join(import.meta.dirname, '../..');

function multipart(client: StaffClient, path: string, file: string, replace: boolean) {
  const form = new FormData();
  form.set('_csrf', client.csrf ?? '');
  form.set('file', new File([file], 'plan.yaml', { type: 'application/yaml' }));
  if (replace) form.set('replace', '1');
  return client.request(path, { method: 'POST', body: form, headers: { Origin: 'http://localhost' } });
}

describeStores('uploads by another municipality’s office', (store) => {
  it('refuses a plan id our municipality holds, and our workbooks as an unknown plan, changing nothing', async () => {
    await seedStaff(store());
    const other = await createMunicipality(store().db, { code: '112330', name: 'となり町' }, null);
    await store()
      .db.insert(schema.users)
      .values({
        login: 'tonari-office',
        displayName: 'となり',
        passwordHash: quickHash(PASSWORD),
        role: 'admin',
        municipalityId: other.id,
      });
    const office = new StaffClient(testApp(store()));
    await office.login('tonari-office');
    await office.get('/staff/import');

    const kitamoto = readFileSync(join(ROOT, 'examples/kitamoto/plan.yaml'), 'utf8');
    for (const replace of [false, true]) {
      const refused = await multipart(office, '/staff/import', kitamoto, replace);
      expect(refused.status).toBe(422);
      expect(text(refused.html)).toContain(
        '計画のID「kitamoto-2nd-strategy」は、別の団体の計画が使っています。',
      );
    }
    expect(await planMunicipalityId(store().db, PLAN)).toBe(1);
    // A plan of its own goes into its municipality.
    const own = kitamoto.replace('id: kitamoto-2nd-strategy', 'id: tonari-strategy');
    const imported = await multipart(office, '/staff/import', own, false);
    expect(imported.status).toBe(200);
    expect((await listPlans(store().db, other.id)).map((p) => p.slug)).toEqual(['tonari-strategy']);

    // Our workbook, filled in: the plan it names is unknown to the other office, and nothing is read in.
    const plan = withId(await loadStoredPlan(store().db, PLAN));
    const made = await makeCollectWorkbooks(plan, 2023, {
      office: '未割当',
      now: new Date('2024-04-15T09:00:00+09:00'),
    });
    const workbook = made.find((m) => m.fileName.includes('商工課'));
    if (!workbook) throw new Error('no workbook for 商工課');
    const row = await rowOf(workbook.bytes, '就業者一人当たり市内純生産');
    const bytes = await fill(workbook.bytes, { [`F${row}`]: '440' });
    await office.get('/staff/collect');
    const form = new FormData();
    form.set('_csrf', office.csrf ?? '');
    form.append('files', new Blob([new Uint8Array(bytes)]), workbook.fileName);
    const preview = await office.request('/staff/collect/preview', {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://localhost' },
    });
    expect(preview.status).toBe(404);
    expect(preview.html).not.toContain('440');
    expect(text(preview.html)).not.toContain('北本');
  }, 120_000);
});
