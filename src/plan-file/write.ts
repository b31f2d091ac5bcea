import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { DecimalString } from '../core/decimal.ts';
import { impliedDirection } from '../core/direction.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import { formatFiscalYear, formatYearSpan, type FiscalYear } from '../core/fiscal-year.ts';
import type { Baseline, Kpi, Plan, Series, Target } from '../core/plan.ts';
import type { EvaluationSettings, GradeBand } from '../core/settings.ts';
import { boundDirection } from '../core/target-bound.ts';
import { ZERO_BASELINE, type Cumulative } from '../core/cumulative.ts';
import type { SettingsEdition } from '../core/editions.ts';
import type { TrendSettings } from '../core/trend-status.ts';
import { goalEn, gradeEn, kpiEn, planEn, seriesEn } from './write-translation.ts';

/** A figure to be written as a YAML number with exactly its own digits (19.00 stays 19.00). */
class FigureLiteral {
  constructor(readonly text: DecimalString) {}
}

const figureTag = {
  identify: (value: unknown) => value instanceof FigureLiteral,
  default: true,
  tag: 'tag:yaml.org,2002:float',
  resolve: (text: string) => text,
  stringify: (item: { value: unknown }) => (item.value as FigureLiteral).text,
};

const fig = (value: DecimalString) => new FigureLiteral(value);

function entryValue(entry: FigureEntry): FigureLiteral | string | null {
  if (entry.kind === 'value') return fig(entry.value);
  return entry.kind === 'missing' ? entry.reason : null;
}

/** A year's figure known only as a bound, or kept with its printed text, is written as an object. */
function boundedEntry(entry: FigureEntry): Record<string, unknown> {
  if (entry.kind !== 'value') return {};
  return {
    ...(entry.bound !== undefined ? { bound: entry.bound } : {}),
    ...(entry.label !== undefined ? { label: entry.label } : {}),
  };
}

/** The target in the form the plan wrote it: a figure (maybe a bound), a word, or null for none. */
function targetValue(target: Target): Record<string, unknown> | null {
  if (target.none) return null;
  const label = target.label !== undefined ? { label: target.label } : {};
  if (target.word !== undefined) return { word: target.word, year: formatFiscalYear(target.year), ...label };
  return {
    value: fig(target.value),
    year: formatFiscalYear(target.year),
    ...(target.bound !== undefined ? { bound: target.bound } : {}),
    ...label,
  };
}

function yearMap<T>(
  entries: Iterable<[FiscalYear, T]>,
  value: (v: T, year: FiscalYear) => unknown,
): Record<string, unknown> {
  const sorted = [...entries].sort(([a], [b]) => a - b);
  return Object.fromEntries(sorted.map(([year, v]) => [formatFiscalYear(year), value(v, year)]));
}

function baselineValue(b: Baseline): FigureLiteral | Record<string, unknown> {
  const label = b.label !== undefined ? { label: b.label } : {};
  if (b.span) return { value: fig(b.value), year: formatYearSpan(b.span), ...label };
  return b.label !== undefined ? { value: fig(b.value), ...label } : fig(b.value);
}

function figures(
  series: Series,
  kpiUnit: string | null,
  kpiDirection: Kpi['direction'],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (series.unit !== kpiUnit) out.unit = series.unit;
  const b = series.baseline;
  out.baseline = b === null ? null : baselineValue(b);
  out.target = targetValue(series.target);
  if (series.revisions.length > 0) {
    out.revisions = series.revisions.map((r) => ({
      from: formatFiscalYear(r.from),
      ...(r.target ? { target: targetValue(r.target) } : {}),
      ...(r.baseline ? { baseline: baselineValue(r.baseline) } : {}),
      note: r.note,
    }));
  }
  // A bound or word sets the direction itself; 維持 and none leave it to be written where it is not the default.
  // A cumulative KPI's blank baseline counts from 0.
  const counted = b ?? (series.cumulative ? ZERO_BASELINE : null);
  const implied =
    series.target.none || series.target.word === '維持'
      ? 'increase'
      : series.target.bound !== undefined
        ? boundDirection(series.target.bound)
        : counted
          ? impliedDirection(counted.value, series.target.value)
          : null;
  if ((implied === null || implied !== series.direction) && series.direction !== kpiDirection) {
    out.direction = series.direction;
  }
  if (series.cumulative) out.cumulative = cumulativeValue(series.cumulative);
  if (series.yearKind && series.yearKind !== 'fiscal') out.yearKind = series.yearKind;
  if (series.actuals.size > 0) {
    out.actuals = yearMap(series.actuals, (entry, year) => {
      const bounded = boundedEntry(entry);
      if (!series.provisional.has(year) && Object.keys(bounded).length === 0) return entryValue(entry);
      return {
        value: entryValue(entry),
        ...(series.provisional.has(year) ? { state: 'provisional' } : {}),
        ...bounded,
      };
    });
  }
  if (series.milestones.size > 0) out.milestones = yearMap(series.milestones, fig);
  return out;
}

function cumulativeValue(c: Cumulative): Record<string, unknown> {
  return {
    ...(c.from === null ? {} : { from: formatFiscalYear(c.from) }),
    ...(c.since === null ? {} : { since: formatFiscalYear(c.since) }),
    actuals: c.entered,
  };
}

function gradesValue(
  grades: readonly GradeBand[],
  english: (label: string) => Record<string, unknown> = () => ({}),
): Record<string, unknown>[] {
  return grades.map((g) => ({
    label: g.label,
    ...(g.min === null ? {} : { min: fig(g.min) }),
    ...(g.achieved === null ? {} : { achieved: g.achieved }),
    ...(g.phrase == null ? {} : { phrase: g.phrase }),
    ...english(g.label),
  }));
}

function trendValue(t: TrendSettings): Record<string, unknown> {
  return {
    against: t.against,
    measure: t.measure,
    ...(t.heading === null ? {} : { heading: t.heading }),
    bands: t.bands.map((b) => ({
      label: b.label,
      ...(b.reached === true ? { reached: true } : {}),
      ...(b.over === null ? {} : { over: fig(b.over) }),
      ...(b.min === null ? {} : { min: fig(b.min) }),
      ...(b.achieved === null ? {} : { achieved: b.achieved }),
      ...(b.phrase === null ? {} : { phrase: b.phrase }),
    })),
  };
}

function editionsValue(editions: readonly SettingsEdition[]): Record<string, unknown>[] {
  return editions.map((e) => ({
    from: formatFiscalYear(e.from),
    ...(e.grades ? { grades: gradesValue(e.grades) } : {}),
    ...(e.rounding ? { rounding: { mode: e.rounding.mode, places: e.rounding.places } } : {}),
    ...(e.trend ? { trend: trendValue(e.trend) } : {}),
  }));
}

function kpiObject(kpi: Kpi, plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = { id: kpi.id, name: kpi.name };
  if (kpi.category.length > 0) out.category = [...kpi.category];
  if (kpi.unit !== null) out.unit = kpi.unit;
  if (kpi.department !== null) out.department = kpi.department;
  if (kpi.indicator !== undefined) out.indicator = kpi.indicator;
  Object.assign(out, kpiEn(plan, kpi));
  if (kpi.direction !== null) out.direction = kpi.direction;
  const [only] = kpi.series;
  if (kpi.series.length === 1 && only && only.label === null) {
    Object.assign(out, figures(only, kpi.unit, kpi.direction));
  } else {
    out.series = kpi.series.map((s, i) => ({
      label: s.label,
      ...figures(s, kpi.unit, kpi.direction),
      ...seriesEn(plan, kpi, i),
    }));
  }
  if (kpi.assessments.size > 0) {
    out.assessment = yearMap(kpi.assessments, (a) => {
      if (a.status === null && !a.judgement && !a.gradeNote) return a.text;
      const judgement = a.judgement && {
        grade: a.judgement.grade,
        reason: a.judgement.reason,
        ...(a.judgement.achieved === null ? {} : { achieved: a.judgement.achieved }),
      };
      return {
        ...(a.status === null ? {} : { status: a.status }),
        text: a.text,
        ...(judgement ? { judgement } : {}),
        ...(a.gradeNote
          ? { gradeNote: { grade: a.gradeNote.grade, mark: a.gradeNote.mark, note: a.gradeNote.note } }
          : {}),
      };
    });
  }
  return out;
}

/** Short maps and lists (a year's figures, a series, the categories) read best on one line, as hand-written plans have them. */
const FLOW_KEYS = new Set([
  'actuals',
  'milestones',
  'period',
  'rounding',
  'baseline',
  'target',
  'category',
  'grades',
]);

function flowShortCollections(node: unknown, key: string | null): void {
  if (isMap(node)) {
    if (key !== null && FLOW_KEYS.has(key)) node.flow = true;
    for (const pair of node.items)
      flowShortCollections(pair.value, isScalar(pair.key) ? String(pair.key.value) : null);
  } else if (isSeq(node)) {
    if (key === 'category') node.flow = true;
    for (const item of node.items) {
      if ((key === 'series' || key === 'grades') && isMap(item)) item.flow = true;
      flowShortCollections(item, null);
    }
  }
}

function interimAndLatestSettings(settings: EvaluationSettings): Record<string, unknown> {
  return {
    ...(settings.against === undefined ? {} : { against: settings.against }),
    ...(settings.data === undefined ? {} : { data: settings.data }),
    ...(settings.shortfall === undefined ? {} : { shortfall: settings.shortfall }),
  };
}

/**
 * Writes a plan as a plan file. The output is a function of the plan alone, so export → import → export
 * is byte-identical; every setting is written out, defaults included, so nothing depends on the reader.
 */
export function planToYaml(plan: Plan): string {
  const data = {
    plan: {
      ...(plan.id === null ? {} : { id: plan.id }),
      title: plan.title,
      municipality: plan.municipality,
      // Written only where the plan has them, so a plan without them exports as it always did.
      ...(plan.municipalityCode === undefined ? {} : { municipalityCode: plan.municipalityCode }),
      ...(plan.population === undefined
        ? {}
        : {
            population: {
              value: fig(plan.population.value),
              ...(plan.population.year === null ? {} : { year: formatFiscalYear(plan.population.year) }),
            },
          }),
      period: { from: formatFiscalYear(plan.period.from), to: formatFiscalYear(plan.period.to) },
      evaluation: {
        method: plan.evaluation.method,
        ...(plan.evaluation.grades
          ? { grades: gradesValue(plan.evaluation.grades, (label) => gradeEn(plan, label)) }
          : {}),
        missing: plan.evaluation.missing,
        shared: plan.evaluation.shared,
        rounding: {
          mode: plan.evaluation.rounding.mode,
          places: plan.evaluation.rounding.places,
          ...(plan.evaluation.rounding.zero === undefined ? {} : { zero: plan.evaluation.rounding.zero }),
        },
        // Written only where the plan uses them, so a plan without them exports as it always did.
        ...interimAndLatestSettings(plan.evaluation),
        ...(plan.evaluation.trend ? { trend: trendValue(plan.evaluation.trend) } : {}),
        ...(plan.evaluation.editions ? { editions: editionsValue(plan.evaluation.editions) } : {}),
      },
      ...planEn(plan),
    },
    goals: plan.goals.map((goal) => ({
      id: goal.id,
      kind: goal.kind,
      number: goal.number,
      title: goal.title,
      ...goalEn(plan, goal.id),
      kpis: goal.kpiIds.map((id) => {
        const kpi = plan.kpis.get(id);
        return kpi && kpi.goalId === goal.id ? kpiObject(kpi, plan) : { ref: id };
      }),
    })),
  };
  const doc = new Document(data, { customTags: [figureTag] });
  flowShortCollections(doc.contents, null);
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
