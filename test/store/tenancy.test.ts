import { expect, it } from 'vitest';
import { ShinchokuError } from '../../src/core/errors.ts';
import { createDepartment, listDepartments } from '../../src/store/departments.ts';
import { createMunicipality, HOME_MUNICIPALITY_ID } from '../../src/store/municipalities.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { listPlans, planMunicipalityId } from '../../src/store/plan-repository.ts';
import { accountAuditTrail, setUserDisabled } from '../../src/store/user-status.ts';
import { createUser, findUser, listUsers } from '../../src/store/users.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PASSWORD = 'correct horse battery staple';

async function refusal(work: Promise<unknown>): Promise<ShinchokuError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ShinchokuError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describeStores('municipalities as tenants', (store) => {
  it('imports a plan into its municipality, with departments of its own; a slug of another municipality is a conflict', async () => {
    const { db } = store();
    const other = await createMunicipality(db, { code: '112330', name: '北本市' }, null);
    const plan = kitamotoPlan();
    await importPlan(db, plan);
    await importPlan(db, { ...plan, id: 'other-strategy' }, { municipalityId: other.id });
    expect(await planMunicipalityId(db, plan.id ?? '')).toBe(HOME_MUNICIPALITY_ID);
    expect(await planMunicipalityId(db, 'other-strategy')).toBe(other.id);
    expect(await planMunicipalityId(db, 'nothing')).toBeNull();
    expect((await listPlans(db, other.id)).map((p) => p.slug)).toEqual(['other-strategy']);
    expect((await listPlans(db)).length).toBe(2);
    // The same department names, each municipality's own rows, each counting its own KPIs.
    const home = await listDepartments(db, HOME_MUNICIPALITY_ID);
    const theirs = await listDepartments(db, other.id);
    expect(theirs.map((d) => d.name)).toEqual(home.map((d) => d.name));
    expect(theirs.map((d) => d.kpis)).toEqual(home.map((d) => d.kpis));
    expect(theirs.some((d) => home.some((h) => h.id === d.id))).toBe(false);
    // Another municipality's slug is neither imported over nor replaced, even when replacing.
    for (const replace of [false, true]) {
      const refused = await refusal(importPlan(db, plan, { municipalityId: other.id, replace }));
      expect(refused.id).toBe('plan-exists');
      expect(refused.context.reason).toBe('other-municipality');
    }
    expect(await planMunicipalityId(db, plan.id ?? '')).toBe(HOME_MUNICIPALITY_ID);
  }, 60_000);

  it('keeps users, departments and the account log per municipality, and each its last administrator', async () => {
    const { db } = store();
    const other = await createMunicipality(db, { code: '112330', name: '北本市' }, null);
    await createDepartment(db, '環境課', null);
    await createDepartment(db, '環境課', null, other.id);
    const ours = await createUser(
      db,
      { login: 'ours', displayName: 'a', password: PASSWORD, role: 'admin' },
      null,
    );
    const theirs = await createUser(
      db,
      {
        login: 'theirs',
        displayName: 'b',
        password: PASSWORD,
        role: 'department',
        departmentName: '環境課',
        municipalityId: other.id,
      },
      ours.id,
    );
    const host = await createUser(
      db,
      { login: 'hoster', displayName: 'h', password: PASSWORD, role: 'host', municipalityId: other.id },
      null,
    );
    expect(host.municipalityId).toBeNull();
    const theirDepartment = (await listDepartments(db, other.id))[0];
    expect(theirs.departmentId).toBe(theirDepartment?.id);
    expect((await listUsers(db, HOME_MUNICIPALITY_ID)).map((u) => u.login)).toEqual(['ours']);
    expect((await listUsers(db, other.id)).map((u) => u.login)).toEqual(['theirs']);
    const theirAdmin = await createUser(
      db,
      { login: 'their-admin', displayName: 'c', password: PASSWORD, role: 'admin', municipalityId: other.id },
      null,
    );
    // Each municipality keeps an active administrator: another municipality's do not count.
    const last = await refusal(setUserDisabled(db, ours.id, true, null));
    expect(last.context.reason).toBe('last-admin');
    expect((await refusal(setUserDisabled(db, theirAdmin.id, true, null))).context.reason).toBe('last-admin');
    expect((await findUser(db, ours.id))?.disabled).toBe(false);
    const ourLog = await accountAuditTrail(db, HOME_MUNICIPALITY_ID);
    const theirLog = await accountAuditTrail(db, other.id);
    expect(ourLog.map((r) => r.subject).sort()).toEqual(['ours', '環境課']);
    // Adding the municipality stands in its own log (under its code), as every host action does.
    expect(theirLog.map((r) => r.subject).sort()).toEqual(['112330', 'their-admin', 'theirs', '環境課']);
    expect(theirLog.find((r) => r.subject === '112330')?.action).toBe('municipality.create');
  }, 60_000);
});
