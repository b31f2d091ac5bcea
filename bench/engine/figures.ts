import type { FiscalYear } from '../../src/core/fiscal-year.ts';

/**
 * The figures both sides must agree on, keyed the same way: every goal's and plan's tally and rate per
 * plan × year, and the progress of every series of the sampled plans.
 */
export interface Figures {
  /** `plan|year|goal` (goal `*` for the plan's overall rate) → `achieved/evaluated rate`. */
  readonly rates: Map<string, string>;
  /** `plan|kpi|series|year` → the rounded progress, or null where there is none. */
  readonly progress: Map<string, string | null>;
}

export type FiguresJson = { rates: [string, string][]; progress: [string, string | null][] };

export const emptyFigures = (): Figures => ({ rates: new Map(), progress: new Map() });

export function rateKey(plan: number, year: FiscalYear, goal: number | null): string {
  return `${plan}|${year}|${goal ?? '*'}`;
}

export function rateValue(achieved: number, evaluated: number, rate: string | null): string {
  return `${achieved}/${evaluated} ${rate ?? 'null'}`;
}

export function progressKey(plan: number, kpi: number, series: number, year: FiscalYear): string {
  return `${plan}|${kpi}|${series}|${year}`;
}

/** Whether a plan's progress figures are among those compared. */
export const sampled = (plan: number, every: number): boolean => plan % every === 0;

export const figuresToJson = (figures: Figures): FiguresJson => ({
  rates: [...figures.rates],
  progress: [...figures.progress],
});

export const figuresFromJson = (json: FiguresJson): Figures => ({
  rates: new Map(json.rates),
  progress: new Map(json.progress),
});
