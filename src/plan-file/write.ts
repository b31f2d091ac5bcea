import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { DecimalString } from '../core/decimal.ts';
import { impliedDirection } from '../core/direction.ts';
import type { FigureEntry } from '../core/figure-text.ts';
import { formatFiscalYear, formatYearSpan, type FiscalYear } from '../core/fiscal-year.ts';
import type { Baseline, Kpi, Plan, Series } from '../core/plan.ts';
import { ZERO_BASELINE, type Cumulative } from '../core/cumulative.ts';
import type { SettingsEdition } from '../core/editions.ts';
import type { GradeBand } from '../core/settings.ts';
import type { TrendSettings } from '../core/trend-status.ts';

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

function yearMap<T>(
  entries: Iterable<[FiscalYear, T]>,
  value: (v: T, year: FiscalYear) => unknown,
): Record<string, unknown> {
  const sorted = [...entries].sort(([a], [b]) => a - b);
  return Object.fromEntries(sorted.map(([year, v]) => [formatFiscalYear(year), value(v, year)]));
}

function baselineValue(b: Baseline): FigureLiteral | Record<string, unknown> {
  return b.span ? { value: fig(b.value), year: formatYearSpan(b.span) } : fig(b.value);
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
  out.target = { value: fig(series.target.value), year: formatFiscalYear(series.target.year) };
  if (series.revisions.length > 0) {
    out.revisions = series.revisions.map((r) => ({
      from: formatFiscalYear(r.from),
      ...(r.target ? { target: { value: fig(r.target.value), year: formatFiscalYear(r.target.year) } } : {}),
      ...(r.baseline ? { baseline: baselineValue(r.baseline) } : {}),
      note: r.note,
    }));
  }
  const counted = b ?? (series.cumulative ? ZERO_BASELINE : null);
  const implied = counted ? impliedDirection(counted.value, series.target.value) : null;
  if (implied === null && series.direction !== kpiDirection) out.direction = series.direction;
  if (series.cumulative) out.cumulative = cumulativeValue(series.cumulative);
  if (series.yearKind && series.yearKind !== 'fiscal') out.yearKind = series.yearKind;
  if (series.actuals.size > 0) {
    out.actuals = yearMap(series.actuals, (entry, year) =>
      series.provisional.has(year) ? { value: entryValue(entry), state: 'provisional' } : entryValue(entry),
    );
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

function gradesValue(grades: readonly GradeBand[]): Record<string, unknown>[] {
  return grades.map((g) => ({
    label: g.label,
    ...(g.min === null ? {} : { min: fig(g.min) }),
    ...(g.achieved === null ? {} : { achieved: g.achieved }),
    ...(g.phrase == null ? {} : { phrase: g.phrase }),
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

function kpiObject(kpi: Kpi): Record<string, unknown> {
  const out: Record<string, unknown> = { id: kpi.id, name: kpi.name };
  if (kpi.category.length > 0) out.category = [...kpi.category];
  if (kpi.unit !== null) out.unit = kpi.unit;
  if (kpi.department !== null) out.department = kpi.department;
  if (kpi.direction !== null) out.direction = kpi.direction;
  const [only] = kpi.series;
  if (kpi.series.length === 1 && only && only.label === null) {
    Object.assign(out, figures(only, kpi.unit, kpi.direction));
  } else {
    out.series = kpi.series.map((s) => ({ label: s.label, ...figures(s, kpi.unit, kpi.direction) }));
  }
  if (kpi.assessments.size > 0) {
    out.assessment = yearMap(kpi.assessments, (a) =>
      a.status === null && !a.gradeNote
        ? a.text
        : {
            ...(a.status === null ? {} : { status: a.status }),
            text: a.text,
            ...(a.gradeNote
              ? { gradeNote: { grade: a.gradeNote.grade, mark: a.gradeNote.mark, note: a.gradeNote.note } }
              : {}),
          },
    );
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
      period: { from: formatFiscalYear(plan.period.from), to: formatFiscalYear(plan.period.to) },
      evaluation: {
        method: plan.evaluation.method,
        ...(plan.evaluation.grades ? { grades: gradesValue(plan.evaluation.grades) } : {}),
        missing: plan.evaluation.missing,
        shared: plan.evaluation.shared,
        rounding: { mode: plan.evaluation.rounding.mode, places: plan.evaluation.rounding.places },
        ...(plan.evaluation.trend ? { trend: trendValue(plan.evaluation.trend) } : {}),
        ...(plan.evaluation.editions ? { editions: editionsValue(plan.evaluation.editions) } : {}),
      },
    },
    goals: plan.goals.map((goal) => ({
      id: goal.id,
      kind: goal.kind,
      number: goal.number,
      title: goal.title,
      kpis: goal.kpiIds.map((id) => {
        const kpi = plan.kpis.get(id);
        return kpi && kpi.goalId === goal.id ? kpiObject(kpi) : { ref: id };
      }),
    })),
  };
  const doc = new Document(data, { customTags: [figureTag] });
  flowShortCollections(doc.contents, null);
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
