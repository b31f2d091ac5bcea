import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, yearsWithData } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { plainEvaluation } from '../../src/core/lazy-results.ts';
import { loadExamplePlan, ROOT } from '../support/kitamoto.ts';

const EXAMPLES = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(ROOT, 'examples', name));

/** Every object the evaluation holds, reached through every key (getters included), with its path. */
function everyObject(value: unknown, path: string, found: [string, object][], seen: Set<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  found.push([path, value]);
  for (const key in value)
    everyObject((value as Record<string, unknown>)[key], `${path}.${key}`, found, seen);
}

function objectsOf(evaluation: Evaluation): [string, object][] {
  const found: [string, object][] = [];
  everyObject(evaluation, 'evaluation', found, new Set());
  return found;
}

describe('an evaluation is frozen, its lazy parts included', () => {
  it.each(EXAMPLES)('%s: every object reached, in every year with data, is frozen', (path) => {
    const plan = loadExamplePlan(path);
    for (const year of yearsWithData(plan)) {
      const objects = objectsOf(evaluate(plan, year));
      expect(objects.length).toBeGreaterThan(10);
      const mutable = objects.filter(([, o]) => !Object.isFrozen(o)).map(([p]) => p);
      expect(mutable, `${path} ${year}`).toEqual([]);
    }
  });

  it.each(EXAMPLES)('%s: the lazy parts are computed once and read the same in any order', (path) => {
    const plan = loadExamplePlan(path);
    const year = yearsWithData(plan).at(-1) ?? plan.period.from;
    const kpiFirst = evaluate(plan, year);
    const firstKpi = kpiFirst.kpis[0];
    if (!firstKpi) return;
    // The KPI's own lists first here, the evaluation's first below: the values must not depend on it.
    const diagnostics = firstKpi.diagnostics;
    const trajectory = firstKpi.trajectory;
    const history = firstKpi.series[0]?.history;
    expect(firstKpi.diagnostics).toBe(diagnostics);
    expect(firstKpi.trajectory).toBe(trajectory);
    expect(firstKpi.series[0]?.history).toBe(history);
    expect(kpiFirst.diagnostics).toBe(kpiFirst.diagnostics);
    const evaluationFirst = evaluate(plan, year);
    const all = evaluationFirst.diagnostics;
    expect(evaluationFirst.kpis.flatMap((k) => k.diagnostics)).toEqual(all);
    expect(JSON.stringify(plainEvaluation(evaluationFirst))).toBe(JSON.stringify(plainEvaluation(kpiFirst)));
    // A render thread receives a structured clone of the plain evaluation: the lazy parts as plain values.
    const clone = structuredClone(plainEvaluation(kpiFirst));
    expect(clone.kpis[0]?.diagnostics).toEqual(diagnostics);
    expect(clone.kpis[0]?.trajectory).toEqual(trajectory);
    expect(clone.kpis[0]?.series[0]?.history).toEqual(history);
    expect(clone.diagnostics).toEqual(all);
    expect(clone.goals.flatMap((g) => g.kpis.map((k) => k.series.map((s) => s.trajectory)))).toEqual(
      kpiFirst.goals.flatMap((g) => g.kpis.map((k) => k.series.map((s) => s.trajectory))),
    );
  });

  it('a lazy part cannot be replaced', () => {
    const plan = loadExamplePlan(join(ROOT, 'examples', 'kitamoto', 'plan.yaml'));
    const evaluation = evaluate(plan, 2022);
    const kpi = evaluation.kpis[0] as unknown as Record<string, unknown>;
    expect(() => {
      kpi['diagnostics'] = [];
    }).toThrow(TypeError);
    expect(() => {
      (evaluation as unknown as Record<string, unknown>)['diagnostics'] = [];
    }).toThrow(TypeError);
    expect(() => {
      (evaluation.kpis[0]?.series[0]?.history as unknown as unknown[]).push(null);
    }).toThrow(TypeError);
    expect(() => {
      (evaluation.kpis[0]?.diagnostics as unknown as unknown[]).push(null);
    }).toThrow(TypeError);
  });
});
