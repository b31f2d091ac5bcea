import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Kpi, Plan } from '../../src/core/plan.ts';
import { dec, type DecimalString } from '../../src/core/decimal.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { assessmentBullets, goalTable } from '../../src/render/report-model.ts';
import { evaluationCsv } from '../../src/render/evaluation-csv.ts';
import { evaluationJson } from '../../src/render/evaluation-json.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { datasetCsv } from '../../src/open-data/documents.ts';
import { openDataset } from '../../src/open-data/records.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

/** The value, or a failed test where it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/**
 * Published tables of trend statuses (進展, ○△×), cumulative KPIs (累計, 延べ) and calendar-year statistics,
 * transcribed under examples/ with their sources; each test reproduces what the publication prints.
 */
// A folder's plan.yaml, or a named file where one municipality has two examples (nagano/calendar-and-notes).
const example = (name: string): Plan =>
  loadExamplePlan(join(ROOT, 'examples', name.includes('/') ? `${name}.yaml` : join(name, 'plan.yaml')));
const d = (text: string) => text as DecimalString;
const H27 = 2015;
const H28 = 2016;
const R4 = 2022;

const statuses = (plan: Plan, year: number) =>
  Object.fromEntries(
    evaluate(plan, year).kpis.map((k) => [k.id, { trend: k.trend?.label ?? null, grade: k.grade }]),
  );

describe('江田島市 (examples/etajima): 改善○ / 維持△ / 悪化× against the baseline, and 達成度 A/B', () => {
  const plan = example('etajima');

  it('prints the statuses the city published for H27', () => {
    expect(statuses(plan, H27)).toEqual({
      'wildlife-damage': { trend: '○', grade: 'A' },
      'farm-successors': { trend: '○', grade: 'A' },
      'olive-area': { trend: '○', grade: 'B' },
    });
  });

  it('measures a decreasing KPI so that a fall is an improvement: 22,585 → 20,563 千円 is +2,022', () => {
    const kpi = evaluate(plan, H27).kpis.find((k) => k.id === 'wildlife-damage');
    expect(kpi?.trend?.change?.change).toBe('2022');
  });

  it('opens a KPI graded B (要改善) with 未達成, not 順調に推移, though its progress is positive', () => {
    const evaluation = evaluate(plan, H27);
    const olive = evaluation.kpis.find((k) => k.id === 'olive-area');
    expect(olive?.series[0]?.progress?.value).toBe('16.1');
    const bullets = assessmentBullets(must(evaluation.goals[0]), evaluation, messagesFor('ja'));
    expect(bullets.find((b) => b.kpi.id === 'olive-area')?.lead).toBe(
      'オリーブ栽培の面積については、未達成の状況',
    );
    expect(bullets.find((b) => b.kpi.id === 'wildlife-damage')?.lead).toContain('順調に推移');
  });

  it('heads the trend column as the city does and shows the mark in the table', () => {
    const evaluation = evaluate(plan, H27);
    const table = goalTable(must(evaluation.goals[0]), evaluation, messagesFor('ja'));
    expect(table.header.at(-1)).toBe('改善・悪化');
    expect(table.rows.map((r) => r.cells.at(-1)?.lines)).toEqual([['○'], ['○'], ['○']]);
  });
});

describe('千葉県 (examples/chiba): 進展 / 進展せず against the previous year', () => {
  const plan = example('chiba');

  it('prints the statuses the prefecture reported for 22年度', () => {
    expect(statuses(plan, R4)).toEqual({
      'net-migration': { trend: '進展', grade: null },
      'business-sites': { trend: '進展', grade: null },
      'vacant-facilities': { trend: '進展', grade: null },
      expressways: { trend: '進展せず', grade: null },
    });
  });

  it('has no status for a year whose previous year has no figure', () => {
    expect(statuses(plan, 2021)['net-migration']?.trend).toBeNull();
  });

  it('labels the calendar-year statistic in its own years: 17,187人 (R1年), 令和4年', () => {
    const evaluation = evaluate(plan, R4);
    const ja = messagesFor('ja');
    const row = must(goalTable(must(evaluation.goals[0]), evaluation, ja).rows[0]);
    expect(row.cells[0]?.lines).toEqual(['人口の社会増', '（暦年）']);
    expect(row.cells[2]?.lines).toEqual(['17,187人 (R1年)']);
    const json = evaluationJson(evaluation, ja) as {
      goals: { kpis: { series: { yearKind?: string }[] }[] }[];
    };
    expect(json.goals[0]?.kpis.map((k) => k.series[0]?.yearKind ?? 'fiscal')).toEqual([
      'calendar',
      'fiscal',
      'fiscal',
      'fiscal',
    ]);
    expect(evaluationCsv(evaluation).split('\r\n')[1]).toMatch(/,進展,515,,calendar$/);
  });

  it('reads a 累計 KPI with a blank baseline as counted from 0', () => {
    const sites = evaluate(plan, R4).kpis.find((k) => k.id === 'business-sites');
    expect(sites?.series[0]?.progress?.value).toBe('79.0'); // 237 / 300
  });
});

describe('open data of a plan with trend statuses, cumulative KPIs and a calendar-year statistic', () => {
  it('adds the three columns, words the calendar year as 令和4年, and marks the totals', () => {
    const dataset = openDataset(example('chiba'), R4, null);
    expect(dataset.fields.slice(-3).map((f) => f.key)).toEqual(['trend_status', 'cumulative', 'year_kind']);
    const row = (id: string, year: number) =>
      must(dataset.records.find((r) => r.kpi_id === id && r.fiscal_year === year));
    expect(row('net-migration', R4)).toMatchObject({
      fiscal_year_label: '令和4年',
      trend_status: '進展',
      cumulative: null,
      year_kind: '暦年',
    });
    expect(row('business-sites', R4)).toMatchObject({ fiscal_year_label: '令和4年度', cumulative: '累計' });
    const csv = datasetCsv(dataset).split('\r\n');
    expect(csv[0]).toMatch(/,推移の評価,累計,年の種類$/);
  });

  it('leaves a plan without them as it was', () => {
    const dataset = openDataset(example('izumo'), H28, null);
    expect(dataset.fields.map((f) => f.key)).not.toContain('trend_status');
    expect(dataset.fields.at(-1)?.key).toBe('cumulative');
  });
});

describe('出雲市 (examples/izumo): five-year totals built from the yearly figures', () => {
  const plan = example('izumo');

  it('reproduces the printed totals 515, 1,098 and 3,170 for H28', () => {
    const totals = evaluate(plan, H28).kpis.map((k) => {
      const a = k.series[0]?.actual;
      return a?.kind === 'value' ? a.value : null;
    });
    expect(totals).toEqual(['515', '1098', '3170']);
  });

  it('judges each total against the five-year target from 0', () => {
    expect(evaluate(plan, H28).kpis.map((k) => k.series[0]?.progress?.value)).toEqual([
      '51.5',
      '68.6',
      '39.6',
    ]);
  });
});

describe('長与町 (examples/nagayo): S/A/B/C against the baseline, renamed from A/B/C/D between editions', () => {
  // The town's KPI tables could not be read, so the method is applied to KPIs of the test's own.
  const withKpis = (plan: Plan): Plan => {
    const kpi = (id: string, baseline: string, target: string, actual: string): [string, Kpi] => [
      id,
      {
        id,
        name: id,
        goalId: 'P1',
        category: [],
        unit: '%',
        department: null,
        direction: null,
        assessments: new Map(),
        series: [
          {
            label: null,
            unit: '%',
            baseline: { value: d(baseline), span: null },
            target: { value: d(target), year: 2020 },
            direction: dec(d(target)).gte(dec(d(baseline))) ? 'increase' : 'decrease',
            actuals: new Map([
              [2016, { kind: 'value', value: d(actual) }],
              [2018, { kind: 'value', value: d(actual) }],
            ]),
            provisional: new Set(),
            milestones: new Map(),
            revisions: [],
          },
        ],
      },
    ];
    const kpis = new Map([
      kpi('above-target', '50', '60', '61'),
      kpi('above-baseline', '50', '60', '50.1'),
      kpi('at-baseline', '50', '60', '50'),
      kpi('ten-percent-down', '50', '60', '45'),
      kpi('further-down', '50', '60', '44.9'),
      kpi('decrease-better', '200', '150', '180'),
    ]);
    return { ...plan, kpis, goals: plan.goals.map((g) => ({ ...g, kpiIds: [...kpis.keys()] })) };
  };
  const plan = withKpis(example('nagayo'));

  it('keeps the H28 labels for H28 and prints S/A/B/C from H30', () => {
    const labels = (year: number) => evaluate(plan, year).kpis.map((k) => k.trend?.label);
    expect(labels(2016)).toEqual(['A', 'B', 'C', 'C', 'D', 'B']);
    expect(labels(2018)).toEqual(['S', 'A', 'B', 'B', 'C', 'A']);
  });

  it('puts a fall of exactly 10% in B (「△10%以内」) and anything more in C, exactly', () => {
    const kpis = evaluate(plan, 2018).kpis;
    expect(kpis.find((k) => k.id === 'ten-percent-down')?.trend?.change?.exact).toBe('-10');
    expect(kpis.find((k) => k.id === 'further-down')?.trend?.change?.exact).toBe('-10.2');
  });
});

describe('長野県 (examples/nagano/calendar-and-notes.yaml): calendar and fiscal years in one table, and 「C (A※1)」', () => {
  const plan = example('nagano/calendar-and-notes');
  // Each KPI in the year of its latest data, as the H29 release judged it (see the example's header).
  const gradeIn = (id: string, year: number) => evaluate(plan, year).kpis.find((k) => k.id === id);

  it('reproduces every 進捗区分 the release printed', () => {
    expect(
      [
        ['fertility', 2017],
        ['net-migration', 2017],
        ['labour-productivity', 2015],
        ['employment-rate', 2017],
        ['public-transport', 2016],
      ].map(([id, year]) => gradeIn(id as string, year as number)?.grade),
    ).toEqual(['C', 'A', 'C', 'A', 'A']);
  });

  it('prints 労働生産性 as 「C (A※1)」 with the footnote under its assessment', () => {
    const evaluation = evaluate(plan, 2015);
    const ja = messagesFor('ja');
    const goal = must(evaluation.goals[0]);
    const row = must(goalTable(goal, evaluation, ja).rows.find((r) => r.kpi.id === 'labour-productivity'));
    expect(row.cells.at(-1)?.lines).toEqual(['C (A※1)']);
    const bullet = must(
      assessmentBullets(goal, evaluation, ja).find((b) => b.kpi.id === 'labour-productivity'),
    );
    expect(bullet.text).toMatch(/\n※1 労働生産性の算出根拠となる県民経済計算が遡及改定され/);
    const json = evaluationJson(evaluation, ja) as {
      goals: { kpis: { id: string; gradeNote?: unknown }[] }[];
    };
    expect(json.goals[0]?.kpis.find((k) => k.id === 'labour-productivity')?.gradeNote).toMatchObject({
      grade: 'A',
      mark: '※1',
    });
  });

  it('words the calendar-year statistics in calendar years and the others in fiscal years', () => {
    const evaluation = evaluate(plan, 2017);
    const rows = goalTable(must(evaluation.goals[0]), evaluation, messagesFor('ja')).rows;
    expect(rows.map((r) => r.cells[2]?.lines[0])).toEqual([
      '1.54 (H26年)',
      '-3,703人 (H26年)',
      '8,012千円/人 (H24)',
      '59.5% (H26年)',
      '48.2回/人 (H25)',
    ]);
  });
});

describe('every example here survives export → import', () => {
  it.each(['etajima', 'chiba', 'izumo', 'nagayo', 'nagano/calendar-and-notes'])('%s', (name) => {
    const plan = example(name);
    const yaml = planToYaml(plan);
    const again = readPlanText(yaml);
    expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(planToYaml(must(again.plan))).toBe(yaml);
    for (const year of [H27, H28, 2017, 2019, 2021, R4]) {
      expect(JSON.stringify(evaluate(must(again.plan), year))).toBe(JSON.stringify(evaluate(plan, year)));
    }
  });
});
