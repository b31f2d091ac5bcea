import {
  figureFromNumber,
  parseFigureEntry,
  parseFigureText,
  readStoredFigureEntry,
  type FigureNote,
  type FigureEntry,
} from '../core/figure-text.ts';
import type { DecimalString } from '../core/decimal.ts';
import { parseFiscalYear, parseYearSpan, type FiscalYear } from '../core/fiscal-year.ts';
import { impliedDirection } from '../core/direction.ts';
import type { Assessment, Baseline, Direction, Goal, Kpi, Plan, Series, Target } from '../core/plan.ts';
import { DEFAULT_SETTINGS, type EvaluationSettings, type GradeBand } from '../core/settings.ts';
import { dec } from '../core/decimal.ts';
import { ProblemCollector } from './collector.ts';
import type { PathSegment } from './problem.ts';
import type { FigureFields, KpiDefinition, PlanFile } from './schema.ts';
import type { PlanSource } from './source.ts';
import type { PlanOrigin } from './origin.ts';
import { normalizeRevisions } from './revisions.ts';
import { closest } from './suggest.ts';
import { readTranslation } from './translation.ts';

type Path = readonly PathSegment[];

/**
 * Turns a file that has the right shape into the strict plan: figures exact, years as fiscal-year
 * numbers, references resolved, directions settled. Everything doubtful is reported with its place;
 * the plan is returned only when nothing is in error.
 */
export function normalizePlan(
  file: PlanFile,
  collector: ProblemCollector,
  source: PlanSource,
  origin: PlanOrigin = 'file',
): Plan | null {
  return new Normalizer(collector, source, origin).plan(file);
}

class Normalizer {
  /** The plan's period, once read: revisions must fall inside it. */
  private period = { from: 0, to: 0 };

  constructor(
    private readonly problems: ProblemCollector,
    private readonly source: PlanSource,
    private readonly origin: PlanOrigin,
  ) {}

  plan(file: PlanFile): Plan | null {
    const from = this.year(file.plan.period.from, ['plan', 'period', 'from']);
    const to = this.year(file.plan.period.to, ['plan', 'period', 'to']);
    if (from !== null && to !== null && to < from) {
      this.problems.error('bad-period', ['plan', 'period'], { code: 'period-reversed' });
    }
    const period = { from: from ?? 0, to: to ?? 0 };
    this.period = period;
    const evaluation = this.settings(file.plan.evaluation);

    const kpis = new Map<string, Kpi>();
    const goalIds = new Set<string>();
    /** Definitions refused as duplicates, already reported: not to be listed again. */
    const refused = new Set<string>();
    file.goals.forEach((goal, g) => {
      if (goalIds.has(goal.id)) {
        this.problems.error('duplicate-id', ['goals', g, 'id'], { code: 'goal-id-twice', id: goal.id });
      }
      goalIds.add(goal.id);
      goal.kpis.forEach((entry, k) => {
        if ('ref' in entry) return;
        const path = ['goals', g, 'kpis', k];
        if (kpis.has(entry.id)) {
          this.problems.error('duplicate-id', [...path, 'id'], { code: 'kpi-id-twice', id: entry.id });
          refused.add(`${g}/${k}`);
          return;
        }
        const kpi = this.kpi(entry, goal.id, path, period.to);
        if (kpi) kpis.set(kpi.id, kpi);
      });
    });

    const goals: Goal[] = file.goals.map((goal, g) => {
      const listed: string[] = [];
      goal.kpis.forEach((entry, k) => {
        if (refused.has(`${g}/${k}`)) return;
        const id = 'ref' in entry ? entry.ref : entry.id;
        if ('ref' in entry && !kpis.has(id)) {
          const near = closest(id, [...kpis.keys()]);
          this.problems.error('unknown-ref', ['goals', g, 'kpis', k, 'ref'], {
            code: 'unknown-ref',
            id,
            near,
          });
          return;
        }
        if (listed.includes(id)) {
          this.problems.error('duplicate-id', ['goals', g, 'kpis', k], {
            code: 'kpi-listed-twice',
            goal: goal.id,
            id,
          });
          return;
        }
        if (kpis.has(id)) listed.push(id);
      });
      return { id: goal.id, kind: goal.kind, number: goal.number, title: goal.title, kpiIds: listed };
    });

    const translation = readTranslation(file, this.problems);
    if (this.problems.hasErrors) return null;
    return {
      id: file.plan.id ?? null,
      title: file.plan.title,
      municipality: file.plan.municipality,
      period,
      evaluation,
      goals,
      kpis,
      ...(translation ? { translation } : {}),
    };
  }

  private settings(raw: PlanFile['plan']['evaluation']): EvaluationSettings {
    if (!raw) return DEFAULT_SETTINGS;
    let grades: GradeBand[] | null = null;
    if (raw.grades) {
      const path = ['plan', 'evaluation', 'grades'];
      grades = raw.grades.map((band, i) => ({
        label: band.label,
        min: band.min === undefined ? null : this.figure(band.min, [...path, i, 'min'], '%'),
        achieved: band.achieved ?? null,
      }));
      grades.forEach((band, i) => {
        const next = grades?.[i + 1];
        if (band.min === null && next) {
          this.problems.error('bad-grades', [...path, i], { code: 'grade-min-not-last', label: band.label });
        }
        if (band.min !== null && next?.min && dec(next.min).gte(dec(band.min))) {
          this.problems.error('bad-grades', [...path, i + 1, 'min'], { code: 'grade-order' });
        }
      });
    }
    return {
      method: raw.method ?? DEFAULT_SETTINGS.method,
      grades,
      missing: raw.missing ?? DEFAULT_SETTINGS.missing,
      shared: raw.shared ?? DEFAULT_SETTINGS.shared,
      rounding: raw.rounding ?? DEFAULT_SETTINGS.rounding,
    };
  }

  private kpi(entry: KpiDefinition, goalId: string, path: Path, planEnd: FiscalYear): Kpi | null {
    const unit = entry.unit ?? null;
    const hasFigures =
      entry.baseline !== undefined ||
      entry.target !== undefined ||
      entry.actuals !== undefined ||
      entry.revisions !== undefined;
    let series: (Series | null)[];
    if (entry.series) {
      if (hasFigures) {
        this.problems.error('series-and-figures', path, { code: 'series-and-figures', id: entry.id });
        return null;
      }
      series = entry.series.map((s, i) =>
        this.series(
          s,
          s.label,
          s.unit ?? unit,
          entry.direction ?? null,
          [...path, 'series', i],
          planEnd,
          entry.id,
        ),
      );
    } else {
      series = [this.series(entry, null, unit, null, path, planEnd, entry.id)];
    }
    const assessments = new Map<FiscalYear, Assessment>();
    for (const [key, value] of Object.entries(entry.assessment ?? {})) {
      const year = this.yearKey(key, [...path, 'assessment'], assessments);
      if (year === null) continue;
      assessments.set(
        year,
        typeof value === 'string'
          ? { status: null, text: value }
          : { status: value.status ?? null, text: value.text },
      );
    }
    if (series.some((s) => s === null)) return null;
    return {
      id: entry.id,
      name: entry.name,
      goalId,
      category: entry.category ?? [],
      unit,
      department: entry.department ?? null,
      direction: entry.direction ?? null,
      series: series as Series[],
      assessments,
    };
  }

  private series(
    raw: FigureFields,
    label: string | null,
    unit: string | null,
    inherited: Direction | null,
    path: Path,
    planEnd: FiscalYear,
    kpiId: string,
  ): Series | null {
    const name = label ? `${kpiId} (${label})` : kpiId;
    if (raw.target === undefined) {
      this.problems.error('missing-key', path, { code: 'no-target', name });
      return null;
    }
    const baseline = this.baseline(raw.baseline, [...path, 'baseline'], unit);
    const target = this.target(raw.target, [...path, 'target'], unit, planEnd);
    if (baseline === undefined || target === null) return null;

    const implied = baseline ? impliedDirection(baseline.value, target.value) : null;
    const stated = raw.direction ?? inherited;
    let direction: Direction;
    if (stated && implied && stated !== implied) {
      this.problems.error('direction-contradicts', [...path, 'direction'], {
        code: 'direction-contradicts',
        stated,
        implied,
        target: target.value,
        baseline: String(baseline?.value),
      });
      return null;
    } else if (stated ?? implied) {
      direction = (stated ?? implied) as Direction;
    } else {
      this.problems.error('direction-needed', path, {
        code: 'direction-needed',
        name,
        equal: baseline !== null,
      });
      return null;
    }

    const actuals = new Map<FiscalYear, FigureEntry>();
    const provisional = new Set<FiscalYear>();
    for (const [key, written] of Object.entries(raw.actuals ?? {})) {
      const year = this.yearKey(key, [...path, 'actuals'], actuals);
      const detailed = written !== null && typeof written === 'object';
      const valuePath = detailed ? [...path, 'actuals', key, 'value'] : [...path, 'actuals', key];
      const entry = this.entry(detailed ? written.value : written, valuePath, unit);
      if (year === null || entry === null) continue;
      actuals.set(year, entry);
      if (detailed && written.state === 'provisional') provisional.add(year);
    }
    const milestones = new Map<FiscalYear, DecimalString>();
    for (const [key, value] of Object.entries(raw.milestones ?? {})) {
      const year = this.yearKey(key, [...path, 'milestones'], milestones);
      const figure = this.figure(value, [...path, 'milestones', key], unit);
      if (year !== null && figure !== null) milestones.set(year, figure);
    }
    const revisions = normalizeRevisions(
      raw.revisions,
      { path, name, period: this.period, baseline, target, direction },
      {
        problems: this.problems,
        year: (value, at) => this.year(value, at),
        target: (value, at, defaultYear) => this.target(value, at, unit, defaultYear),
        baseline: (value, at) => this.baseline(value, at, unit),
      },
    );
    if (revisions === null) return null;
    return { label, unit, baseline, target, direction, actuals, provisional, milestones, revisions };
  }

  /** undefined when the baseline is in error; null when the plan has none. */
  private baseline(
    raw: FigureFields['baseline'],
    path: Path,
    unit: string | null,
  ): Baseline | null | undefined {
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'string') {
      const entry = parseFigureEntry(raw, unit);
      if (entry.ok && entry.value.kind === 'none') return null;
    }
    const isObject = typeof raw === 'object';
    const value = this.figure(isObject ? raw.value : raw, isObject ? [...path, 'value'] : path, unit);
    if (value === null) return undefined;
    if (!isObject || raw.year === undefined) return { value, span: null };
    const span = parseYearSpan(String(raw.year));
    if (!span.ok) {
      this.problems.error('bad-year', [...path, 'year'], {
        code: 'bad-year-span',
        text: String(raw.year),
        english: span.message,
      });
      return undefined;
    }
    return { value, span: span.value };
  }

  private target(
    raw: NonNullable<FigureFields['target']>,
    path: Path,
    unit: string | null,
    planEnd: FiscalYear,
  ): Target | null {
    const isObject = typeof raw === 'object';
    const value = this.figure(isObject ? raw.value : raw, isObject ? [...path, 'value'] : path, unit);
    const year = isObject && raw.year !== undefined ? this.year(raw.year, [...path, 'year']) : planEnd;
    return value === null || year === null ? null : { value, year };
  }

  private entry(raw: number | string | null, path: Path, unit: string | null): FigureEntry | null {
    if (raw === null) return { kind: 'none' };
    if (typeof raw === 'number') {
      const value = this.figure(raw, path, unit);
      return value === null ? null : { kind: 'value', value };
    }
    const read = this.origin === 'stored' ? readStoredFigureEntry(raw, unit) : parseFigureEntry(raw, unit);
    if (!read.ok) {
      this.problems.error('bad-number', path, { code: 'figure', problem: read.problem, hint: true });
      return null;
    }
    this.noteNormalized(raw, read.notes, path);
    return read.value;
  }

  private figure(raw: number | string, path: Path, unit: string | null): DecimalString | null {
    const written = typeof raw === 'number' ? this.source.numberText(path) : raw;
    if (written !== null && /^[+-]?0[xob]/i.test(written)) {
      this.problems.error('bad-number', path, { code: 'not-decimal', text: written });
      return null;
    }
    const read = written !== null ? parseFigureText(written, unit) : null;
    if (read?.ok) {
      if (typeof raw === 'string') this.noteNormalized(raw, read.notes, path);
      return read.value;
    }
    if (typeof raw === 'number') {
      const fromNumber = figureFromNumber(raw);
      if (fromNumber.ok) return fromNumber.value;
      this.problems.error('bad-number', path, { code: 'figure', problem: fromNumber.problem, hint: false });
      return null;
    }
    this.problems.error('bad-number', path, {
      code: 'figure',
      problem: read?.ok === false ? read.problem : { code: 'not-number', text: raw },
      hint: true,
    });
    return null;
  }

  private noteNormalized(raw: string, notes: readonly FigureNote[], path: Path): void {
    if (notes.length === 0) return;
    this.problems.warn('normalized-number', path, { code: 'normalized', text: raw, notes });
  }

  private year(raw: string | number, path: Path): FiscalYear | null {
    const read = parseFiscalYear(String(raw));
    if (read.ok) return read.value;
    this.problems.error('bad-year', path, { code: 'bad-year', text: String(raw), english: read.message });
    return null;
  }

  private yearKey(key: string, path: Path, seen: ReadonlyMap<FiscalYear, unknown>): FiscalYear | null {
    const read = parseFiscalYear(key);
    if (!read.ok) {
      this.problems.error('bad-year', [...path, key], { code: 'bad-year', text: key, english: read.message });
      return null;
    }
    if (seen.has(read.value)) {
      this.problems.error('duplicate-year', [...path, key], {
        code: 'duplicate-year',
        key,
        year: read.value,
      });
      return null;
    }
    return read.value;
  }
}
