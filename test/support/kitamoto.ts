import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { FigureEntry } from '../../src/core/figure-text.ts';
import type { Assessment, Plan } from '../../src/core/plan.ts';
import { readPlanText } from '../../src/plan-file/read.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const KITAMOTO_PATH = join(ROOT, 'examples', 'kitamoto', 'plan.yaml');
/** The text of the seed report (shared/seed/000_f038ed5f343f9d44.txt), kept with the tests. */
export const SEED_PATH = join(ROOT, 'test', 'fixtures', 'seed-kitamoto-r4.txt');

export function loadExamplePlan(path: string): Plan {
  const { plan, problems } = readPlanText(readFileSync(path, 'utf8'));
  if (!plan) throw new Error(`${path}: ${problems.map((p) => p.message).join('; ')}`);
  return plan;
}

export function kitamotoPlan(): Plan {
  return loadExamplePlan(KITAMOTO_PATH);
}

/** The seed's evaluation: Kitamoto, FY R4. */
export function kitamotoR4(): Evaluation {
  return evaluate(kitamotoPlan(), 2022);
}

/** The plan with one more year's entries per KPI (a list for a KPI with several series) and assessments. */
export function withYearEntries(
  plan: Plan,
  year: number,
  entries: Readonly<Record<string, FigureEntry | readonly FigureEntry[]>>,
  assessments: Readonly<Record<string, Assessment>> = {},
): Plan {
  const kpis = new Map(
    [...plan.kpis].map(([id, kpi]) => {
      const written = entries[id];
      const list = written === undefined ? [] : Array.isArray(written) ? written : [written];
      const series = kpi.series.map((s, i) => {
        const entry = list[i] ?? list[0];
        return entry ? { ...s, actuals: new Map([...s.actuals, [year, entry]]) } : s;
      });
      const assessment = assessments[id];
      return [
        id,
        {
          ...kpi,
          series,
          assessments: assessment ? new Map([...kpi.assessments, [year, assessment]]) : kpi.assessments,
        },
      ] as const;
    }),
  );
  return { ...plan, kpis };
}

/**
 * Kitamoto's R5 as the office has it part-way through the cycle: two figures and one assessment in,
 * one figure being compiled, one unavailable, one with nothing to report, the rest not yet entered.
 */
export function kitamotoR5Partial(): Plan {
  return withYearEntries(
    kitamotoPlan(),
    2023,
    {
      births: { kind: 'value', value: '310' as DecimalString },
      'furusato-donations': { kind: 'value', value: '8100' as DecimalString },
      'net-product-per-worker': { kind: 'missing', reason: '集計中' },
      'healthy-life-expectancy-65': { kind: 'missing', reason: '未取得' },
      'job-openings-ratio': { kind: 'none' },
    },
    { 'furusato-donations': { status: null, text: 'ポータルサイトの拡充により目標を上回った' } },
  );
}
