import { expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { ShinchokuError } from '../../src/core/errors.ts';
import { createDepartment, listDepartments } from '../../src/store/departments.ts';
import { listEditions, publishEdition } from '../../src/store/editions.ts';
import { saveAssessment, saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { listPlans, loadStoredPlan } from '../../src/store/plan-repository.ts';
import { moveReview, reviewOf } from '../../src/store/reviews.ts';
import { createUser, listUsers } from '../../src/store/users.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const PLAN = 'kitamoto-2nd-strategy';
const AT_ONCE = 30;

/** Runs the same operation many times at once; each outcome is a value or the error it was refused with. */
async function atOnce<T>(n: number, run: (i: number) => Promise<T>) {
  const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, i) => run(i)));
  const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  return { won, refused };
}

/** Every refusal is one of ours with one of the expected ids: never a database error (a 500). */
function expectRefusedAs(refused: readonly unknown[], ids: readonly string[]): void {
  for (const error of refused) {
    if (!(error instanceof ShinchokuError)) throw error;
    expect(ids).toContain(error.id);
  }
}

describeStores('concurrent writes of the same row', (store) => {
  it('first saves of one figure: one is stored, every other is told of the conflict', async () => {
    await importPlan(store().db, kitamotoPlan());
    const { won, refused } = await atOnce(AT_ONCE, (i) =>
      saveObservation(
        store().db,
        {
          plan: PLAN,
          kpi: 'births',
          series: 0,
          year: 2023,
          entry: { kind: 'value', value: String(300 + i) as DecimalString },
          state: 'final',
          expectedVersion: 0,
        },
        null,
      ),
    );
    expect(won).toEqual([{ version: 1, changed: true }]);
    expect(refused).toHaveLength(AT_ONCE - 1);
    expectRefusedAs(refused, ['conflict']);
    const stored = (await loadStoredPlan(store().db, PLAN)).kpis.get('births')?.series[0]?.actuals.get(2023);
    expect(stored?.kind).toBe('value');
    for (const error of refused) {
      expect((error as ShinchokuError).context.current).toBe(`${(stored as { value: string }).value}人`);
    }
  });

  it('first saves of one assessment: one is stored, the others conflict', async () => {
    await importPlan(store().db, kitamotoPlan());
    const { won, refused } = await atOnce(AT_ONCE, (i) =>
      saveAssessment(
        store().db,
        { plan: PLAN, kpi: 'births', year: 2023, status: null, text: `評価 ${i}`, expectedVersion: 0 },
        null,
      ),
    );
    expect(won).toHaveLength(1);
    expectRefusedAs(refused, ['conflict']);
    const stored = (await loadStoredPlan(store().db, PLAN)).kpis.get('births')?.assessments.get(2023);
    expect(stored?.text).toMatch(/^評価 \d+$/);
  });

  it('adding the same department: one is added, the others conflict', async () => {
    const { won, refused } = await atOnce(AT_ONCE, () => createDepartment(store().db, '環境課', null));
    expect(won).toHaveLength(1);
    expectRefusedAs(refused, ['conflict']);
    expect((await listDepartments(store().db, 1)).map((d) => d.name)).toEqual(['環境課']);
  });

  it('publishing a year at once: one first edition, the others refused cleanly', async () => {
    await importPlan(store().db, kitamotoPlan());
    const { won, refused } = await atOnce(AT_ONCE, () =>
      publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null),
    );
    expect(won).toHaveLength(1);
    // Refused as a conflict when it met the first on the unique key, or asked for an errata note when
    // it started after the first was committed.
    expectRefusedAs(refused, ['conflict', 'invalid']);
    expect((await listEditions(store().db, PLAN)).map((e) => e.number)).toEqual([1]);
  });

  it('corrections published at once are numbered without a gap or a clash', async () => {
    await importPlan(store().db, kitamotoPlan());
    await publishEdition(store().db, { plan: PLAN, year: 2022, errata: null }, null);
    const { won, refused } = await atOnce(10, (i) =>
      publishEdition(store().db, { plan: PLAN, year: 2022, errata: `訂正 ${i}` }, null),
    );
    expectRefusedAs(refused, ['conflict']);
    const numbers = (await listEditions(store().db, PLAN)).map((e) => e.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: won.length + 1 }, (_, i) => i + 1));
  });

  it('first submissions of one review: one is recorded, the others conflict', async () => {
    await importPlan(store().db, kitamotoPlan());
    const { won, refused } = await atOnce(AT_ONCE, () =>
      moveReview(
        store().db,
        { plan: PLAN, kpi: 'births', year: 2023, to: 'submitted', from: [null, 'returned'], comment: null },
        null,
      ),
    );
    expect(won).toHaveLength(1);
    expectRefusedAs(refused, ['conflict']);
    expect((await reviewOf(store().db, PLAN, 'births', 2023))?.state).toBe('submitted');
  });

  it('creating the same login at once: one account, the others told the login is taken', async () => {
    // Few at once: each hashes a password with scrypt, which takes 128 MB while it runs.
    const { won, refused } = await atOnce(3, () =>
      createUser(
        store().db,
        {
          login: 'tanaka',
          displayName: '田中',
          password: 'correct-horse-battery-staple',
          role: 'department',
          departmentName: '環境課',
        },
        null,
      ),
    );
    expect(won).toHaveLength(1);
    expectRefusedAs(refused, ['conflict']);
    expect((await listUsers(store().db, 1)).map((u) => u.login)).toEqual(['tanaka']);
  }, 60_000);

  it('importing a new plan at once: one is stored, the others are told it exists', async () => {
    const plan = kitamotoPlan();
    const { won, refused } = await atOnce(10, () => importPlan(store().db, plan));
    expect(won).toHaveLength(1);
    expectRefusedAs(refused, ['plan-exists']);
    expect(await loadStoredPlan(store().db, PLAN)).toEqual(plan);
  }, 60_000);

  it('replacing one plan at once: the imports take turns and the plan is whole', async () => {
    const plan = kitamotoPlan();
    const { won, refused } = await atOnce(10, () => importPlan(store().db, plan, { replace: true }));
    expect(refused).toEqual([]);
    expect(won.filter((r) => !r.replaced)).toHaveLength(1);
    expect((await listPlans(store().db)).map((p) => p.slug)).toEqual([PLAN]);
    expect(await loadStoredPlan(store().db, PLAN)).toEqual(plan);
  }, 60_000);
});
