import type { DecimalString } from '../../src/core/decimal.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Goal, Kpi, Plan, Population, Series } from '../../src/core/plan.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { Prng } from './prng.ts';

/** The shape of a synthetic national dataset: every municipality's plan, KPIs and years of figures. */
export interface NationalOptions {
  readonly plans: number;
  readonly kpisPerPlan: number;
  readonly years: number;
  readonly firstYear: FiscalYear;
  readonly seed: number;
}

/** Every municipality in Japan (1,718 cities, towns and villages and Tokyo's 23 wards) with a plan. */
export const NATIONAL: NationalOptions = {
  plans: 1741,
  kpisPerPlan: 40,
  years: 10,
  firstYear: 2015,
  seed: 20220401,
};

/** The same generator at a size CI runs in seconds; its plans are the first ones of the national set. */
export const QUICK_NATIONAL: NationalOptions = { ...NATIONAL, plans: 24 };

const BASIC_GOALS = 4;
const TWO_SERIES_SHARE = 0.15;
const NO_BASELINE_SHARE = 0.02;
const FLAT_TARGET_SHARE = 0.02;
/** Gaps whose progress quotients often end exactly on a half tenth, to exercise the rounding rule. */
const ROUND_GAPS = [16, 40, 80, 400, 2000, 16000];
const MISSING_REASONS = ['未取得', '集計中', '事業中止'];

/** A canonical decimal string from integer units and a count of decimal places (1234, 2 → "12.34"). */
export function decimalOf(units: number, places: number): DecimalString {
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return ((units < 0 ? '-' : '') + text) as DecimalString;
}

function seriesOf(rng: Prng, label: string | null, options: NationalOptions): Series {
  const places = rng.pick([0, 0, 1, 1, 2]);
  const baselineUnits =
    places === 0 ? rng.int(50, 50_000) : places === 1 ? rng.int(50, 950) : rng.int(10_000, 9_999_999);
  const shape = rng.next();
  const gap =
    shape < FLAT_TARGET_SHARE
      ? 0
      : shape < 0.3
        ? rng.pick(ROUND_GAPS)
        : Math.max(1, Math.round(baselineUnits * (0.05 + rng.next() * 0.55)));
  const decrease = gap > 0 && gap < baselineUnits && rng.chance(0.3);
  const sign = decrease ? -1 : 1;
  const lastYear = options.firstYear + options.years - 1;
  const performance = rng.next() * 1.9 - 0.4;
  const jitter = Math.max(1, Math.round(baselineUnits * 0.02));
  const firstReported = rng.chance(0.05) ? rng.int(1, 5) : 0;
  const actuals = new Map<FiscalYear, FigureEntry>();
  for (let i = firstReported; i < options.years; i++) {
    const roll = rng.next();
    const year = options.firstYear + i;
    if (roll < 0.03) actuals.set(year, { kind: 'missing', reason: rng.pick(MISSING_REASONS) });
    else if (roll < 0.05) actuals.set(year, { kind: 'none' });
    else if (roll >= 0.06) {
      const share = (performance * (i + 1)) / options.years + (rng.next() - 0.5) * 0.3;
      const units = Math.round(baselineUnits + sign * gap * share) + rng.int(-jitter, jitter);
      actuals.set(year, { kind: 'value', value: decimalOf(Math.max(0, units), places) });
    }
  }
  return {
    label,
    unit: null,
    baseline: rng.chance(NO_BASELINE_SHARE) ? null : { value: decimalOf(baselineUnits, places), span: null },
    target: { value: decimalOf(baselineUnits + sign * gap, places), year: lastYear },
    direction: decrease ? 'decrease' : 'increase',
    actuals,
    provisional: new Set(),
    milestones: new Map(),
    revisions: [],
  };
}

function kpiOf(rng: Prng, id: string, goalId: string, options: NationalOptions): Kpi {
  const series = rng.chance(TWO_SERIES_SHARE)
    ? [seriesOf(rng, '男性', options), seriesOf(rng, '女性', options)]
    : [seriesOf(rng, null, options)];
  return {
    id,
    name: `指標${id}`,
    goalId,
    category: [rng.pick(['成果', '活動'])],
    unit: null,
    department: null,
    direction: null,
    series,
    assessments: new Map(),
  };
}

/** Each plan has its own stream, so plan i is the same whatever the number of plans generated. */
function planSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/** One municipality's plan: four basic goals and a cross-cutting one, with KPIs listed again (再掲). */
export function generatePlan(index: number, options: NationalOptions): Plan {
  const rng = new Prng(planSeed(options.seed, index));
  const number = String(index + 1).padStart(4, '0');
  const goalIds = [...Array.from({ length: BASIC_GOALS }, (_, g) => `B${g + 1}`), 'X1'];
  const perGoal = Math.ceil(options.kpisPerPlan / goalIds.length);
  const kpis = new Map<string, Kpi>();
  const goals: Goal[] = goalIds.map((goalId, g) => {
    const own: string[] = [];
    for (let k = g * perGoal; k < Math.min(options.kpisPerPlan, (g + 1) * perGoal); k++) {
      const id = `k${String(k + 1).padStart(2, '0')}`;
      kpis.set(id, kpiOf(rng, id, goalId, options));
      own.push(id);
    }
    const earlier = [...kpis.keys()].filter((id) => !own.includes(id));
    const shared = earlier.length === 0 ? 0 : goalId === 'X1' ? rng.int(1, 4) : rng.int(0, 2);
    const listed = new Set(own);
    for (let s = 0; s < shared; s++) listed.add(rng.pick(earlier));
    return {
      id: goalId,
      kind: goalId === 'X1' ? 'cross-cutting' : 'basic',
      number: goalId === 'X1' ? 1 : g + 1,
      title: `目標${goalId}`,
      kpiIds: [...listed],
    };
  });
  return {
    id: `m${number}`,
    title: `第2期市町村${number}まち・ひと・しごと創生総合戦略`,
    municipality: `市町村${number}`,
    period: { from: options.firstYear, to: options.firstYear + options.years - 1 },
    evaluation: DEFAULT_SETTINGS,
    goals,
    // Last, from a stream of its own: the KPIs again, one tagged, and the population.
    ...comparable(index, options, kpis),
  };
}

/** Plans whose first KPI is tagged with the fertility rate, and plans stating a population. */
const TAGGED_SHARE = 0.9;
const POPULATION_SHARE = 0.95;

/**
 * The comparison's keys (a KPI's indicator, the population) from a stream of their own, so that every
 * figure the plan's stream generates stays as it was. The first KPI is tagged 合計特殊出生率, which is
 * compared as it stands (no unit), so every tagged plan is ranked; populations run from 1,000 to about
 * 3.7 million, spread evenly on a log scale as Japan's municipalities are.
 */
function comparable(
  index: number,
  options: NationalOptions,
  kpis: Map<string, Kpi>,
): { kpis: Map<string, Kpi>; population?: Population } {
  const rng = new Prng(planSeed(options.seed ^ 0x5bd1e995, index));
  const tagged = rng.chance(TAGGED_SHARE);
  const residents = Math.round(1000 * 3700 ** rng.next());
  const population = rng.chance(POPULATION_SHARE)
    ? { population: { value: String(residents) as DecimalString, year: options.firstYear } }
    : {};
  const first = kpis.keys().next().value;
  const kpi = first === undefined ? undefined : kpis.get(first);
  if (!tagged || !kpi || first === undefined) return { kpis, ...population };
  const retagged = new Map(kpis);
  retagged.set(first, { ...kpi, indicator: 'total-fertility-rate' });
  return { kpis: retagged, ...population };
}

export function generateNational(options: NationalOptions): Plan[] {
  return Array.from({ length: options.plans }, (_, i) => generatePlan(i, options));
}

/** The fiscal years the dataset covers, oldest first. */
export function yearsOf(options: NationalOptions): FiscalYear[] {
  return Array.from({ length: options.years }, (_, i) => options.firstYear + i);
}
