import { describe, expect, it } from 'vitest';
import { formatPercent, formatRate } from '../../src/core/format.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

/** The seed report's figures, as it prints them (shared/seed/000_f038ed5f343f9d44.txt). */
const SEED = {
  B1: {
    rate: '0%',
    kpis: [
      ['net-product-per-worker', 'not_achieved', ['-670.6%']],
      ['job-openings-ratio', 'not_achieved', ['—']],
    ],
  },
  B2: {
    rate: '50%',
    kpis: [
      ['furusato-donations', 'not_achieved', ['82.8%']],
      ['women-25-34-net-migration', 'achieved', ['247.5%']],
    ],
  },
  B3: {
    rate: '0%',
    kpis: [
      ['childcare-support-satisfaction', 'not_achieved', ['0%']],
      ['births', 'not_achieved', ['-37.5%']],
    ],
  },
  B4: {
    rate: '50%',
    kpis: [
      ['healthy-life-expectancy-65', 'not_evaluated', ['—', '—']],
      ['community-activity-participation', 'not_achieved', ['-2850.0%']],
      ['safe-streets-satisfaction', 'not_achieved', ['55.6%']],
      ['greenhouse-gas-emissions', 'achieved', ['117.6%']],
      ['disaster-casualties', 'achieved', ['—']],
    ],
  },
  X1: {
    rate: '25%',
    kpis: [
      ['local-learning-opportunities', 'not_achieved', ['-63.2%', '-10.1%']],
      ['civic-participation', 'achieved', ['174.1%']],
      ['collaborative-projects', 'not_achieved', ['-100.0%']],
      ['community-activity-participation', 'not_achieved', ['-2850.0%']],
    ],
  },
  X2: { rate: '0%', kpis: [['digital-technology-uses', 'not_achieved', ['66.7%']]] },
} as const;

describe('the seed report, FY R4', () => {
  const evaluation = kitamotoR4();

  it('lists the goals in the seed order', () => {
    expect(evaluation.goals.map((g) => g.id)).toEqual(Object.keys(SEED));
  });

  for (const [goalId, expected] of Object.entries(SEED)) {
    it(`reproduces ${goalId}: every progress figure, status and the goal rate`, () => {
      const goal = evaluation.goals.find((g) => g.id === goalId);
      expect(goal).toBeDefined();
      const actual = goal?.kpis.map((k) => [
        k.id,
        k.status,
        k.series.map((s) => formatPercent(s.progress?.value ?? null)),
      ]);
      expect(actual).toEqual(expected.kpis);
      expect(formatRate(goal?.rate ?? null)).toBe(expected.rate);
    });
  }

  it('counts the goals as the seed does: 基本目標4 has five KPIs, four evaluated, two achieved', () => {
    const b4 = evaluation.goals.find((g) => g.id === 'B4');
    expect([b4?.kpis.length, b4?.evaluated, b4?.achieved, b4?.notEvaluated]).toEqual([5, 4, 2, 1]);
  });

  it('rates the year 4 / 15 = 26.7%, counting the shared KPI once per goal (not the mean of goal rates)', () => {
    expect(evaluation.overall).toMatchObject({ achieved: 4, evaluated: 15, rate: '26.7' });
    expect(evaluation.planYear).toBe(1);
  });

  it('fills the summary table with the evaluated KPIs in order', () => {
    const rows = evaluation.goals.map((g) => g.summary.map((k) => k.status));
    expect(rows).toEqual([
      ['not_achieved', 'not_achieved'],
      ['not_achieved', 'achieved'],
      ['not_achieved', 'not_achieved'],
      ['not_achieved', 'not_achieved', 'achieved', 'achieved'],
      ['not_achieved', 'achieved', 'not_achieved', 'not_achieved'],
      ['not_achieved'],
    ]);
    expect(evaluation.summaryWidth).toBe(4);
  });

  it('opens each assessment with the phrase the result implies (DOMAIN rule 9)', () => {
    const phrases = Object.fromEntries(evaluation.kpis.map((k) => [k.id, k.phrase]));
    expect(phrases).toMatchObject({
      'net-product-per-worker': 'not-achieved',
      'furusato-donations': 'on-track',
      'women-25-34-net-migration': 'achieved',
      'childcare-support-satisfaction': 'unchanged',
      'healthy-life-expectancy-65': null,
      'disaster-casualties': 'achieved',
    });
  });

  it('leaves the KPI without an R4 actual unevaluated and does not fall back to R3', () => {
    const kpi = evaluation.kpis.find((k) => k.id === 'healthy-life-expectancy-65');
    expect(kpi?.status).toBe('not_evaluated');
    expect(kpi?.missing).toEqual({ reason: '未取得' });
    expect(kpi?.series.map((s) => s.progress)).toEqual([null, null]);
  });

  it('shows the years with data up to the evaluation year as columns', () => {
    expect(evaluation.columns).toEqual([2021, 2022]);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(evaluation)).toBe(true);
    expect(Object.isFrozen(evaluation.goals[0]?.kpis[0]?.series[0])).toBe(true);
  });
});
