import { and, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { applyCollected, readCollected, type CollectReport } from '../../src/collect/read/collect.ts';
import { diffText } from '../../src/collect/read/diff-text.ts';
import { formatCollectProblem } from '../../src/collect/read/problem.ts';
import type { WorkbookFile } from '../../src/collect/read/workbook-file.ts';
import type { DecimalString } from '../../src/core/decimal.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { auditTrail } from '../../src/store/audit.ts';
import type { Db } from '../../src/store/connect.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import * as t from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { PLAN_ID, departmentPlan, file, fill, makeFor, rowOf, type CellInput } from './support.ts';

const lines = (report: CollectReport) => report.problems.map(formatCollectProblem);

async function snapshot(db: Db) {
  const trail = await auditTrail(db, await planIdOf(db, PLAN_ID), 10_000);
  return { yaml: planToYaml(await loadStoredPlan(db, PLAN_ID)), audit: trail.length };
}

/** The replies once the slips are fixed, and the workbook for the wrong year left out. */
const CORRECTED = { 'R5_産業振興課.xlsx': { F6: 400.5 }, 'R5_環境課.xlsx': { F6: '240,000' }, R4: {} };

const madeR5 = makeFor(departmentPlan(), 2023);
const madeR4 = makeFor(departmentPlan(), 2022);
const filledReplies = new Map<string, Promise<WorkbookFile[]>>();

/** The R5 replies as departments send them back: mostly right, with the usual slips. */
function replies(fixes: Record<string, Record<string, CellInput>> = {}): Promise<WorkbookFile[]> {
  const key = JSON.stringify(fixes);
  let files = filledReplies.get(key);
  if (!files) {
    files = fillReplies(fixes);
    filledReplies.set(key, files);
  }
  return files;
}

async function fillReplies(fixes: Record<string, Record<string, CellInput>>): Promise<WorkbookFile[]> {
  const [r5, r4] = await Promise.all([madeR5, madeR4]);
  const filled: Record<string, Record<string, CellInput>> = {
    'R5_産業振興課.xlsx': { F6: '約400', F7: 0.52, H7: '見込' },
    'R5_未割当.xlsx': { F6: '8,120', J6: 'PR広報の実施により増加', F7: '△12', G10: '該当なし（—）' },
    'R5_子育て支援課.xlsx': { F6: 74.8, H6: '見込', F7: '３４０', J7: '子育て世代向け事業により増加' },
    'R5_健康推進課.xlsx': { G6: '未取得', F7: 21.05 },
    'R5_環境課.xlsx': { F6: '12kg', I6: '目標達成に向け順調に推移している状況', J6: '削減が進んでいる' },
  };
  const files: WorkbookFile[] = [];
  for (const [name, cells] of Object.entries(filled)) {
    files.push({ name, bytes: await fill(file(r5, name).bytes, { ...cells, ...fixes[name] }) });
  }
  if (!('R4' in fixes)) {
    const name = 'R4_産業振興課.xlsx';
    files.push({ name, bytes: await fill(file(r4, name).bytes, { F6: 390 }) });
  }
  return files;
}

describeStores('collecting figures by workbook', (store) => {
  it('reports every mistake by file, sheet and cell, and applies nothing while any remains', async () => {
    const db = store().db;
    await importPlan(db, departmentPlan());
    const before = await snapshot(db);
    const report = await readCollected(db, await replies());
    expect(report.plan).toBe(PLAN_ID);
    expect(report.year).toBe(2023);
    expect(lines(report)).toEqual([
      'R5_産業振興課.xlsx: 入力!F6: error: 「約400」 is a figure with 「約」; enter the number alone (for example 400). If the figure is approximate, cumulative or provisional, say so in the assessment text.',
      'R5_未割当.xlsx: 入力!F6: warning: 「8,120」 was read as 8,120: thousands separators were removed.',
      'R5_未割当.xlsx: 入力!F7: warning: 「△12」 was read as -12: △ was read as a minus sign.',
      'R5_子育て支援課.xlsx: 入力!F7: warning: 「３４０」 was read as 340: full-width characters or inner spaces were folded.',
      "R5_環境課.xlsx: 入力!F6: error: 「12kg」 ends in 「kg」, but the KPI's unit is t; enter the number alone.",
      'R4_産業振興課.xlsx: error: This workbook collects 令和4年度 (R4), but 令和5年度 (R5) is being read; it is refused. Read it separately with --year R4.',
    ]);
    expect(diffText(report)).toBe(
      [
        'kitamoto-2nd-strategy R5 (令和5年度): 11 changes from 6 workbooks',
        '',
        'R5_産業振興課.xlsx',
        '  入力!F7     市内有効求人倍率 R5: (none) → 0.52倍 (見込)',
        '',
        'R5_未割当.xlsx',
        '  入力!F6     ふるさと納税寄附件数 R5: (none) → 8,120件',
        '  入力!J6     ふるさと納税寄附件数 R5 assessment: (none) → 「PR広報の実施により増加」',
        '  入力!F7     25歳から34歳までの女性の社会増減 R5: (none) → -12人',
        '  入力!G10    災害による負傷者数および死亡者数 R5: (none) → 該当なし（—）',
        '',
        'R5_子育て支援課.xlsx',
        '  入力!F6     市の子育て支援策が充実していると思う子育て世帯の割合 R5: (none) → 74.8% (見込)',
        '  入力!F7     出生数 R5: (none) → 340人',
        '  入力!J7     出生数 R5 assessment: (none) → 「子育て世代向け事業により増加」',
        '',
        'R5_健康推進課.xlsx',
        '  入力!G6     65歳健康寿命（男性） R5: (none) → 未取得',
        '  入力!F7     65歳健康寿命（女性） R5: (none) → 21.05年',
        '',
        'R5_環境課.xlsx',
        '  入力!J6     温室効果ガスの総排出量（市全体） R5 assessment: (none) → ［目標達成に向け順調に推移している状況］「削減が進んでいる」',
        '',
      ].join('\n'),
    );
    await expect(applyCollected(db, report, null)).rejects.toMatchObject({
      id: 'workbook-invalid',
      message: '3 errors in 3 of 6 workbooks; nothing was written.',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('applies the corrected replies in one go, each change audited as a single edit is', async () => {
    const db = store().db;
    await importPlan(db, departmentPlan());
    const before = await snapshot(db);
    const files = await replies(CORRECTED);
    const report = await readCollected(db, files);
    expect(lines(report).filter((l) => l.includes('error'))).toEqual([]);
    expect(await applyCollected(db, report, null)).toEqual({ figures: 10, assessments: 3 });

    const plan = await loadStoredPlan(db, PLAN_ID);
    const actual = (kpi: string, series = 0) => plan.kpis.get(kpi)?.series[series]?.actuals.get(2023);
    const provisional = (kpi: string) => plan.kpis.get(kpi)?.series[0]?.provisional.has(2023);
    const value = (v: string) => ({ kind: 'value', value: v as DecimalString });
    expect(actual('births')).toEqual(value('340'));
    expect(actual('net-product-per-worker')).toEqual(value('400.5'));
    expect(actual('greenhouse-gas-emissions')).toEqual(value('240000'));
    expect(actual('women-25-34-net-migration')).toEqual(value('-12'));
    expect(actual('childcare-support-satisfaction')).toEqual(value('74.8'));
    expect(provisional('childcare-support-satisfaction')).toBe(true);
    expect(provisional('births')).toBe(false);
    expect(actual('healthy-life-expectancy-65', 0)).toEqual({ kind: 'missing', reason: '未取得' });
    expect(actual('healthy-life-expectancy-65', 1)).toEqual(value('21.05'));
    expect(actual('disaster-casualties')).toEqual({ kind: 'none' });
    expect(plan.kpis.get('greenhouse-gas-emissions')?.assessments.get(2023)).toEqual({
      status: '目標達成に向け順調に推移している状況',
      text: '削減が進んでいる',
    });

    const trail = await auditTrail(db, await planIdOf(db, PLAN_ID), 100);
    expect(trail).toHaveLength(before.audit + 14);
    expect(trail[0]).toMatchObject({ action: 'collect.apply', subject: 'R5' });
    expect(trail[0]?.newValue).toContain('10 figures and 3 assessments from R5_産業振興課.xlsx');
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'observation.save',
        subject: 'births/R5',
        oldValue: null,
        newValue: '340人',
      }),
    );
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'observation.save',
        subject: 'childcare-support-satisfaction/R5',
        newValue: '74.8% (見込)',
      }),
    );
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'assessment.save', subject: 'births/R5' }),
    );

    const again = await readCollected(db, files);
    expect(again.changes.figures).toEqual([]);
    expect(again.changes.assessments).toEqual([]);
  });

  it('reads back an untouched workbook of stored figures as no change at all', async () => {
    const db = store().db;
    await importPlan(db, departmentPlan());
    const made = await makeFor(await loadStoredPlan(db, PLAN_ID).then((p) => ({ ...p, id: PLAN_ID })), 2022);
    const report = await readCollected(
      db,
      [...made.values()].map((m) => ({ name: m.fileName, bytes: m.bytes })),
    );
    expect(report.problems).toEqual([]);
    expect(report.changes.figures).toEqual([]);
    expect(report.changes.assessments).toEqual([]);
    expect(report.changes.unchanged).toBe(32);
  });

  it('takes back a free-text reason an earlier release stored, as it was, and no other text', async () => {
    const FREE_REASON = 'コロナ影響により未集計';
    const db = store().db;
    await importPlan(db, departmentPlan());
    // As the previous release's forms and workbooks saved free text in a figure's place.
    const births = db
      .select({ id: t.series.id })
      .from(t.series)
      .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
      .where(and(eq(t.kpis.key, 'births'), eq(t.series.position, 0)));
    await db
      .update(t.observations)
      .set({ kind: 'missing', value: null, reason: FREE_REASON })
      .where(and(inArray(t.observations.seriesId, births), eq(t.observations.fiscalYear, 2022)));
    const made = await makeFor(await loadStoredPlan(db, PLAN_ID).then((p) => ({ ...p, id: PLAN_ID })), 2022);
    const name = 'R4_子育て支援課.xlsx';
    const row = await rowOf(file(made, name).bytes, '出生数');
    const files = [...made.values()].map((m) => ({ name: m.fileName, bytes: m.bytes }));
    const withCell = async (cells: Record<string, CellInput>) => [
      ...files.filter((f) => f.name !== name),
      { name, bytes: await fill(file(made, name).bytes, cells) },
    ];

    const untouched = await readCollected(db, files);
    expect(untouched.problems).toEqual([]);
    expect(untouched.changes.figures).toEqual([]);
    expect(untouched.changes.unchanged).toBe(32);

    // The same row's state changed: the reason is written back exactly as it was stored.
    const provisional = await readCollected(db, await withCell({ [`H${row}`]: '見込' }));
    expect(provisional.problems).toEqual([]);
    expect(provisional.changes.figures.map((f) => [f.cell, f.to])).toEqual([
      [`G${row}`, { entry: { kind: 'missing', reason: FREE_REASON }, state: 'provisional' }],
    ]);

    const other = await readCollected(db, await withCell({ [`G${row}`]: 'コロナ影響' }));
    const errors = other.problems.filter((p) => p.severity === 'error');
    expect(errors).toMatchObject([{ file: name, cell: `G${row}` }]);
    expect(errors[0]?.message).toContain('「コロナ影響」 is not one of the reasons');
  });

  it('refuses a figure changed in the store since the workbook was made, rather than overwrite it', async () => {
    const db = store().db;
    await importPlan(db, departmentPlan());
    const files = await replies(CORRECTED);
    const edit = { plan: PLAN_ID, kpi: 'births', series: 0, year: 2023, state: 'final' as const };
    await saveObservation(
      db,
      { ...edit, entry: { kind: 'value', value: '330' as DecimalString }, expectedVersion: 0 },
      null,
    );
    const report = await readCollected(db, files);
    expect(lines(report)).toContain(
      'R5_子育て支援課.xlsx: 入力!F7: error: 出生数 R5 was changed in Shinchoku after this workbook was made: it was (none), it is now 330人, and the workbook says 340人. Decide which is right, then enter it in Shinchoku or in a newly made workbook.',
    );
  });

  it('applies nothing when the store moves between reading and applying', async () => {
    const db = store().db;
    await importPlan(db, departmentPlan());
    const files = await replies(CORRECTED);
    const report = await readCollected(db, files);
    const edit = {
      plan: PLAN_ID,
      kpi: 'healthy-life-expectancy-65',
      series: 1,
      year: 2023,
      state: 'final' as const,
    };
    await saveObservation(
      db,
      { ...edit, entry: { kind: 'value', value: '21.1' as DecimalString }, expectedVersion: 0 },
      null,
    );
    const before = await snapshot(db);
    await expect(applyCollected(db, report, null)).rejects.toMatchObject({ id: 'conflict' });
    expect(await snapshot(db)).toEqual(before);
  });
});
