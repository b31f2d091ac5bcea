import { count, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { importBundle, type BulkImporter } from '../../src/collect/bundle/import.ts';
import type { BundleFile } from '../../src/collect/bundle/listing.ts';
import { parseBundleFile } from '../../src/collect/bundle/parse.ts';
import type { Plan } from '../../src/core/plan.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { bulkJobById, finishBulkJob, runningBulkJob, startBulkJob } from '../../src/store/bulk-jobs.ts';
import {
  createMunicipality,
  municipalityByCode,
  municipalityById,
  nameHomeMunicipality,
} from '../../src/store/municipalities.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import * as t from '../../src/store/schema.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';
import { describeStores } from '../support/stores.ts';

const OFFICE: BulkImporter = {
  municipalityId: 1,
  mayAddMunicipalities: false,
  actorId: null,
  replace: false,
};
const HOST: BulkImporter = { ...OFFICE, mayAddMunicipalities: true };

const fileOf = (name: string, text: string): BundleFile => ({
  name,
  size: Buffer.byteLength(text),
  read: async () => new TextEncoder().encode(text),
});
const planNamed = (id: string, extra: Partial<Plan> = {}): Plan => ({ ...kitamotoPlan(), id, ...extra });
const planFile = (name: string, plan: Plan) => fileOf(name, planToYaml(plan));
const listing = (files: BundleFile[]) => ({ files, skipped: [] });

describeStores('bulk import', (store) => {
  const plansOf = async () =>
    (await store().db.select({ slug: t.plans.slug, m: t.plans.municipalityId }).from(t.plans)).sort((a, b) =>
      a.slug < b.slug ? -1 : 1,
    );
  const goalsOf = async (slug: string) => {
    const [row] = await store()
      .db.select({ n: count() })
      .from(t.goals)
      .innerJoin(t.plans, eq(t.goals.planId, t.plans.id))
      .where(eq(t.plans.slug, slug));
    return row?.n ?? 0;
  };

  it('imports each plan on its own and goes on after a refused one, reporting each file', async () => {
    const progress: string[] = [];
    const report = await importBundle(
      store().db,
      listing([
        planFile('a.yaml', planNamed('plan-a')),
        fileOf('b.yaml', 'plan:\n  id: b\n  title: [\n'),
        planFile('c.yaml', planNamed('plan-c')),
        planFile('d.yaml', planNamed('plan-a')),
      ]),
      OFFICE,
      (done, total, name) => void progress.push(`${done}/${total} ${name}`),
    );
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ['a.yaml', 'imported'],
      ['b.yaml', 'refused'],
      ['c.yaml', 'imported'],
      ['d.yaml', 'refused'],
    ]);
    expect(report.files[3]).toMatchObject({
      refusal: { code: 'duplicate-id', slug: 'plan-a', first: 'a.yaml' },
    });
    expect(report.files[1]).toMatchObject({ refusal: { code: 'plan-file' } });
    expect([report.imported, report.replaced, report.refused]).toEqual([2, 0, 2]);
    expect(progress).toEqual(['1/4 a.yaml', '2/4 b.yaml', '3/4 c.yaml', '4/4 d.yaml']);
    expect(await plansOf()).toEqual([
      { slug: 'plan-a', m: 1 },
      { slug: 'plan-c', m: 1 },
    ]);
    const again = await importBundle(store().db, listing([planFile('a.yaml', planNamed('plan-a'))]), OFFICE);
    expect(again.files[0]).toMatchObject({
      status: 'refused',
      refusal: { code: 'plan-exists', slug: 'plan-a' },
    });
    const replaced = await importBundle(store().db, listing([planFile('a.yaml', planNamed('plan-a'))]), {
      ...OFFICE,
      replace: true,
    });
    expect(replaced.files[0]).toMatchObject({ status: 'replaced', slug: 'plan-a' });
  });

  it('stores a plan whole or not at all: a failure inside one plan leaves none of it, and the earlier ones', async () => {
    const db = store().db;
    const kpi = [...kitamotoPlan().kpis.keys()][3];
    // The database refuses one KPI of the second plan, after its plan row and goals went in.
    await db.execute(
      sql.raw(`create function refuse_trap() returns trigger language plpgsql as $$
        begin
          if new.key = '${kpi}' and (select slug from plans where id = new.plan_id) = 'trapped' then
            raise exception 'trap';
          end if;
          return new;
        end $$`),
    );
    await db.execute(
      sql.raw(`create trigger trap before insert on kpis for each row execute function refuse_trap()`),
    );
    try {
      await expect(
        importBundle(
          db,
          listing([planFile('1.yaml', planNamed('first')), planFile('2.yaml', planNamed('trapped'))]),
          OFFICE,
        ),
      ).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger trap on kpis`));
      await db.execute(sql.raw(`drop function refuse_trap()`));
    }
    expect(await plansOf()).toEqual([{ slug: 'first', m: 1 }]);
    expect(await goalsOf('first')).toBe(kitamotoPlan().goals.length);
    expect(await goalsOf('trapped')).toBe(0);
  });

  it('stores each plan once when two bulk imports of the same plans run at once', async () => {
    const files = () => ['p1', 'p2', 'p3', 'p4'].map((id) => planFile(`${id}.yaml`, planNamed(id)));
    const [one, two] = await Promise.all([
      importBundle(store().db, listing(files()), OFFICE),
      importBundle(store().db, listing(files()), OFFICE),
    ]);
    expect(one.imported + two.imported).toBe(4);
    expect(one.refused + two.refused).toBe(4);
    for (const report of [one, two]) {
      for (const file of report.files) {
        if (file.status === 'refused') expect(file.refusal.code).toBe('plan-exists');
      }
    }
    expect((await plansOf()).map((p) => p.slug)).toEqual(['p1', 'p2', 'p3', 'p4']);
    for (const id of ['p1', 'p2', 'p3', 'p4']) expect(await goalsOf(id)).toBe(kitamotoPlan().goals.length);
  });

  it('puts a plan in the municipality its code names: added by a host, refused to an office', async () => {
    const db = store().db;
    const coded = (id: string, code: string) =>
      planNamed(id, { municipalityCode: code, municipality: '佐野市' });
    const parseWith = (plans: Record<string, Plan>) => async (file: BundleFile) => {
      const plan = plans[file.name];
      return plan ? { ok: true as const, plan, warnings: 0 } : parseBundleFile(file);
    };
    await nameHomeMunicipality(db, { code: '112330', name: '北本市' });
    const files = [fileOf('sano.yaml', 'x'), fileOf('mine.yaml', 'x')];
    const plans = { 'sano.yaml': coded('sano', '092045'), 'mine.yaml': coded('mine', '112330') };
    const office = await importBundle(db, listing(files), OFFICE, undefined, parseWith(plans));
    expect(office.files[0]).toMatchObject({
      status: 'refused',
      refusal: { code: 'municipality-unknown', municipalityCode: '092045' },
    });
    expect(office.files[1]).toMatchObject({ status: 'imported' });
    const host = await importBundle(db, listing(files), HOST, undefined, parseWith(plans));
    expect(host.files[0]).toMatchObject({ status: 'imported', slug: 'sano' });
    const sano = await municipalityByCode(db, '092045');
    expect(sano?.name).toBe('佐野市');
    expect(await plansOf()).toEqual([
      { slug: 'mine', m: 1 },
      { slug: 'sano', m: sano?.id },
    ]);
    const other = await importBundle(
      db,
      listing([fileOf('sano2.yaml', 'x')]),
      OFFICE,
      undefined,
      async () => ({
        ok: true,
        plan: coded('sano-2', '092045'),
        warnings: 0,
      }),
    );
    expect(other.files[0]).toMatchObject({ refusal: { code: 'municipality-other' } });
    const taken = await importBundle(db, listing([planFile('sano.yaml', planNamed('sano'))]), {
      ...OFFICE,
      replace: true,
    });
    expect(taken.files[0]).toMatchObject({ refusal: { code: 'slug-elsewhere', slug: 'sano' } });
    expect(await goalsOf('sano')).toBe(kitamotoPlan().goals.length);
  });

  it('names an installation that has no code yet after the first plan stating one, and keeps its plans there', async () => {
    const db = store().db;
    const coded = (id: string, code: string) =>
      planNamed(id, { municipalityCode: code, municipality: '北本市' });
    const report = await importBundle(
      db,
      listing([fileOf('a.yaml', 'x'), fileOf('b.yaml', 'x')]),
      OFFICE,
      undefined,
      async (file) => ({ ok: true, plan: coded(file.name === 'a.yaml' ? 'a' : 'b', '112330'), warnings: 0 }),
    );
    expect(report.imported).toBe(2);
    expect(await municipalityById(db, 1)).toMatchObject({ code: '112330', name: '北本市' });
    expect(await plansOf()).toEqual([
      { slug: 'a', m: 1 },
      { slug: 'b', m: 1 },
    ]);
  });

  it('keeps a KPI’s department in the plan’s municipality', async () => {
    const db = store().db;
    const saitama = await createMunicipality(db, { code: '111007', name: 'さいたま市' }, null);
    const staffed = (id: string): Plan => {
      const plan = planNamed(id);
      const kpis = new Map([...plan.kpis].map(([key, kpi]) => [key, { ...kpi, department: '企画課' }]));
      return { ...plan, kpis };
    };
    await importPlan(db, staffed('home'));
    await importPlan(db, staffed('there'), { municipalityId: saitama.id });
    const departments = await db
      .select({ m: t.departments.municipalityId, n: count() })
      .from(t.departments)
      .groupBy(t.departments.municipalityId);
    expect(departments.sort((a, b) => a.m - b.m)).toEqual([
      { m: 1, n: 1 },
      { m: saitama.id, n: 1 },
    ]);
  });

  it('runs one bulk job per municipality, and a job that stopped answering blocks no longer', async () => {
    const db = store().db;
    const other = await createMunicipality(db, { code: '092045', name: '佐野市' }, null);
    const job = { municipalityId: 1, userId: null, fileName: 'plans.zip', total: 3 };
    const first = await startBulkJob(db, job);
    expect(first).not.toBeNull();
    const both = await Promise.all([startBulkJob(db, job), startBulkJob(db, job)]);
    expect(both).toEqual([null, null]);
    expect(await startBulkJob(db, { ...job, municipalityId: other.id })).not.toBeNull();
    expect((await runningBulkJob(db, 1))?.id).toBe(first);
    expect(await bulkJobById(db, first as number, other.id)).toBeNull();
    await finishBulkJob(db, first as number, { state: 'done', done: 3, report: { files: [] } });
    expect(await bulkJobById(db, first as number, 1)).toMatchObject({
      state: 'done',
      done: 3,
      report: { files: [] },
    });
    const second = await startBulkJob(db, job);
    expect(second).not.toBeNull();
    await db
      .update(t.bulkImportJobs)
      .set({ updatedAt: new Date(Date.now() - 11 * 60 * 1000) })
      .where(eq(t.bulkImportJobs.id, second as number));
    expect((await bulkJobById(db, second as number, 1))?.state).toBe('failed');
    expect(await runningBulkJob(db, 1)).toBeNull();
    expect(await startBulkJob(db, job)).not.toBeNull();
  });
});
