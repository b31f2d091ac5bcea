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
import type {
  Assessment,
  Baseline,
  Direction,
  Goal,
  Kpi,
  Plan,
  Population,
  Series,
  Target,
} from '../core/plan.ts';
import { readMunicipalityCode } from '../core/municipality-code.ts';
import { DEFAULT_SETTINGS, type EvaluationSettings, type GradeBand } from '../core/settings.ts';
import type { SettingsEdition } from '../core/editions.ts';
import type { TrendBand, TrendSettings } from '../core/trend-status.ts';
import { ZERO_BASELINE, type Cumulative } from '../core/cumulative.ts';
import { dec } from '../core/decimal.ts';
import { ProblemCollector } from './collector.ts';
import type { PathSegment } from './problem.ts';
import type { FigureFields, KpiDefinition, PlanFile } from './schema.ts';
import type { PlanSource } from './source.ts';
import type { PlanOrigin } from './origin.ts';
import { normalizeRevisions } from './revisions.ts';
import { closest } from './suggest.ts';
import { readBaselineLabel } from '../core/baseline-label.ts';
import { isTargetWord, type TargetWord } from '../core/target-bound.ts';
import { settleTarget, targetExtras, type WrittenTarget } from './target-form.ts';
import type { PlanProblemDetail } from './problem-detail.ts';
import { readTranslation } from './translation.ts';

type Path = readonly PathSegment[];
type EvaluationFile = NonNullable<PlanFile['plan']['evaluation']>;
type TrendFile = NonNullable<EvaluationFile['trend']>;
type GradesFile = NonNullable<EvaluationFile['grades']>;

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
        if (kpi && evaluation.against === 'interim' && kpi.series.some((s) => s.milestones.size === 0)) {
          this.problems.warn('no-interim-targets', path, { code: 'no-interim-targets', name: kpi.name });
        }
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
    const municipalityCode = this.municipalityCode(file.plan.municipalityCode);
    const population = file.plan.population ? this.population(file.plan.population) : null;
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
      // Only where the plan has them, so a plan without them is the same value as before.
      ...(municipalityCode ? { municipalityCode } : {}),
      ...(population ? { population } : {}),
    };
  }

  /** The code as written: a YAML number's own digits, so a leading 0 (北海道's 01…) is not lost. */
  private municipalityCode(raw: string | number | undefined): string | null {
    if (raw === undefined) return null;
    const path = ['plan', 'municipalityCode'];
    const written = typeof raw === 'number' ? (this.source.numberText(path) ?? String(raw)) : raw;
    const read = readMunicipalityCode(written);
    if (read.ok) return read.value;
    this.problems.error('bad-municipality-code', path, {
      code: 'municipality-code',
      text: written,
      problem: read.problem,
    });
    return null;
  }

  /** Residents are a whole number; the year they were counted is optional. */
  private population(raw: NonNullable<PlanFile['plan']['population']>): Population | null {
    const path = ['plan', 'population'];
    const value = this.figure(raw.value, [...path, 'value'], '人');
    const year = raw.year === undefined ? null : this.year(raw.year, [...path, 'year']);
    if (value === null || (raw.year !== undefined && year === null)) return null;
    if (!/^[1-9]\d*$/.test(value)) {
      this.problems.error('bad-population', [...path, 'value'], { code: 'population', text: value });
      return null;
    }
    return { value, year };
  }

  private settings(raw: PlanFile['plan']['evaluation']): EvaluationSettings {
    if (!raw) return DEFAULT_SETTINGS;
    const grades = raw.grades ? this.grades(raw.grades, ['plan', 'evaluation', 'grades']) : null;
    const trend = raw.trend ? this.trend(raw.trend, ['plan', 'evaluation', 'trend']) : undefined;
    const editions = raw.editions ? this.editions(raw.editions) : undefined;
    return {
      method: raw.method ?? DEFAULT_SETTINGS.method,
      grades,
      missing: raw.missing ?? DEFAULT_SETTINGS.missing,
      shared: raw.shared ?? DEFAULT_SETTINGS.shared,
      rounding: raw.rounding ?? DEFAULT_SETTINGS.rounding,
      // Only where the plan has them, so a plan without them is the same value as before.
      ...(trend ? { trend } : {}),
      ...(editions ? { editions } : {}),
      ...(raw.against === undefined ? {} : { against: raw.against }),
      ...(raw.data === undefined ? {} : { data: raw.data }),
      ...(raw.shortfall === undefined ? {} : { shortfall: raw.shortfall }),
    };
  }

  private editions(
    raw: NonNullable<NonNullable<PlanFile['plan']['evaluation']>['editions']>,
  ): SettingsEdition[] {
    const path = ['plan', 'evaluation', 'editions'];
    let previous: FiscalYear | null = null;
    const editions: SettingsEdition[] = [];
    raw.forEach((edition, i) => {
      const from = this.year(edition.from, [...path, i, 'from']);
      if (from === null) return;
      if (previous !== null && from <= previous) {
        this.problems.error('bad-editions', [...path, i, 'from'], { code: 'edition-order', from, previous });
      }
      previous = from;
      editions.push({
        from,
        ...(edition.grades ? { grades: this.grades(edition.grades, [...path, i, 'grades']) } : {}),
        ...(edition.rounding ? { rounding: edition.rounding } : {}),
        ...(edition.trend ? { trend: this.trend(edition.trend, [...path, i, 'trend']) } : {}),
      });
    });
    return editions;
  }

  private trend(raw: TrendFile, path: Path): TrendSettings {
    const bands: TrendBand[] = raw.bands.map((band, i) => ({
      label: band.label,
      reached: band.reached ?? null,
      over: band.over === undefined ? null : this.figure(band.over, [...path, 'bands', i, 'over'], null),
      min: band.min === undefined ? null : this.figure(band.min, [...path, 'bands', i, 'min'], null),
      achieved: band.achieved ?? null,
      phrase: band.phrase ?? null,
    }));
    // A band without a condition takes every KPI left, so any band after it could never be reached.
    raw.bands.forEach((band, i) => {
      // Judged on what was written, so a refused figure is not also reported as a missing condition.
      const open = band.reached === undefined && band.over === undefined && band.min === undefined;
      if (open && i < bands.length - 1) {
        this.problems.error('bad-trend', [...path, 'bands', i], {
          code: 'trend-open-not-last',
          label: band.label,
        });
      }
    });
    return {
      against: raw.against,
      measure: raw.measure ?? 'change',
      heading: raw.heading ?? null,
      bands,
    };
  }

  private grades(raw: GradesFile, path: Path): GradeBand[] {
    const grades: GradeBand[] = raw.map((band, i) => ({
      label: band.label,
      min: band.min === undefined ? null : this.figure(band.min, [...path, i, 'min'], '%'),
      achieved: band.achieved ?? null,
      ...(band.phrase === undefined ? {} : { phrase: band.phrase }),
    }));
    grades.forEach((band, i) => {
      const next = grades[i + 1];
      if (band.min === null && next) {
        this.problems.error('bad-grades', [...path, i], { code: 'grade-min-not-last', label: band.label });
      }
      if (band.min !== null && next?.min && dec(next.min).gte(dec(band.min))) {
        this.problems.error('bad-grades', [...path, i + 1, 'min'], { code: 'grade-order' });
      }
    });
    return grades;
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
          {
            ...s,
            cumulative: s.cumulative ?? entry.cumulative,
            yearKind: s.yearKind ?? entry.yearKind,
          },
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
          : {
              status: value.status ?? null,
              text: value.text,
              ...(value.judgement
                ? {
                    judgement: {
                      grade: value.judgement.grade,
                      reason: value.judgement.reason,
                      achieved: value.judgement.achieved ?? null,
                    },
                  }
                : {}),
              ...(value.gradeNote ? { gradeNote: { ...value.gradeNote } } : {}),
            },
      );
    }
    if (series.some((s) => s === null)) return null;
    if (!series.some((s) => s?.target.none)) {
      for (const [key, value] of Object.entries(entry.assessment ?? {})) {
        if (typeof value === 'string' || !value.judgement) continue;
        this.problems.error('bad-target', [...path, 'assessment', key, 'judgement'], {
          code: 'judgement-with-target',
          name: entry.id,
        });
        return null;
      }
    }
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
      ...(entry.indicator ? { indicator: entry.indicator } : {}),
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
    const written = this.writtenTarget(raw.target, [...path, 'target'], unit, planEnd);
    if (baseline === undefined || written === null) return null;
    const cumulative = this.cumulative(raw.cumulative, [...path, 'cumulative']);
    const stated = raw.direction ?? inherited;
    const settled = settleTarget(written, baseline, stated);
    if (!settled.ok) {
      this.problems.error(
        settled.kind,
        settled.at === 'direction' ? [...path, 'direction'] : [...path, 'target'],
        {
          ...settled.detail,
          name,
        } as PlanProblemDetail,
      );
      return null;
    }
    const target = settled.target;
    let direction: Direction;
    if (settled.direction) {
      direction = settled.direction;
    } else {
      // A cumulative KPI's blank baseline means nothing counted yet, so its direction follows from 0.
      const counted = baseline ?? (cumulative ? ZERO_BASELINE : null);
      const implied = counted ? impliedDirection(counted.value, target.value) : null;
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
    }

    const actuals = new Map<FiscalYear, FigureEntry>();
    const provisional = new Set<FiscalYear>();
    for (const [key, written] of Object.entries(raw.actuals ?? {})) {
      const year = this.yearKey(key, [...path, 'actuals'], actuals);
      const detailed = written !== null && typeof written === 'object';
      const valuePath = detailed ? [...path, 'actuals', key, 'value'] : [...path, 'actuals', key];
      const entry = this.entry(detailed ? written.value : written, valuePath, unit);
      if (year === null || entry === null) continue;
      if (detailed && (written.bound !== undefined || written.label !== undefined)) {
        if (entry.kind !== 'value') {
          this.problems.error('bad-number', valuePath, { code: 'bound-without-figure' });
          continue;
        }
        actuals.set(year, {
          ...entry,
          ...(written.bound !== undefined ? { bound: written.bound } : {}),
          ...(written.label !== undefined ? { label: written.label } : {}),
        });
        if (written.state === 'provisional') provisional.add(year);
        continue;
      }
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
        target: (value, at, defaultYear) => this.revisedTarget(value, at, unit, defaultYear, name),
        baseline: (value, at) => this.baseline(value, at, unit),
      },
    );
    if (revisions === null) return null;
    return {
      label,
      unit,
      baseline,
      target,
      direction,
      actuals,
      provisional,
      milestones,
      revisions,
      // Only where written, so a plan without them is the same value as before.
      ...(cumulative ? { cumulative } : {}),
      ...(raw.yearKind && raw.yearKind !== 'fiscal' ? { yearKind: raw.yearKind } : {}),
    };
  }

  private cumulative(raw: FigureFields['cumulative'], path: Path): Cumulative | null {
    if (raw === undefined || raw === false) return null;
    if (raw === true) return { from: null, since: null, entered: 'annual' };
    const from = raw.from === undefined ? null : this.year(raw.from, [...path, 'from']);
    const since = raw.since === undefined ? null : this.year(raw.since, [...path, 'since']);
    if (from !== null && since !== null && since > from) {
      this.problems.error('bad-cumulative', [...path, 'since'], {
        code: 'cumulative-since-after-from',
        since,
        from,
      });
    }
    return { from, since, entered: raw.actuals ?? 'annual' };
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
      const printed = readBaselineLabel(raw, unit);
      if (printed) return printed;
    }
    const isObject = typeof raw === 'object';
    const value = this.figure(isObject ? raw.value : raw, isObject ? [...path, 'value'] : path, unit);
    if (value === null) return undefined;
    const label = isObject && raw.label !== undefined ? { label: raw.label } : {};
    if (!isObject || raw.year === undefined) return { value, span: null, ...label };
    const span = parseYearSpan(String(raw.year));
    if (!span.ok) {
      this.problems.error('bad-year', [...path, 'year'], {
        code: 'bad-year-span',
        text: String(raw.year),
        english: span.message,
      });
      return undefined;
    }
    return { value, span: span.value, ...label };
  }

  /** The target as written, before the baseline and direction settle a word or `none` (target-form.ts). */
  private writtenTarget(
    raw: NonNullable<FigureFields['target']> | null,
    path: Path,
    unit: string | null,
    planEnd: FiscalYear,
  ): WrittenTarget | null {
    if (raw === null) return { value: null, year: planEnd, none: true };
    if (typeof raw === 'string' && isTargetWord(raw.trim())) {
      return { value: null, year: planEnd, word: raw.trim() as TargetWord };
    }
    const isObject = typeof raw === 'object';
    const year = isObject && raw.year !== undefined ? this.year(raw.year, [...path, 'year']) : planEnd;
    if (isObject && raw.value === undefined) {
      return year === null
        ? null
        : { value: null, year, ...targetExtras(raw), ...(raw.none ? { none: true } : {}) };
    }
    const value = this.figure(
      isObject ? (raw.value as number | string) : raw,
      isObject ? [...path, 'value'] : path,
      unit,
    );
    if (value === null || year === null) return null;
    return isObject
      ? { value, year, ...targetExtras(raw), ...(raw.none ? { none: true } : {}) }
      : { value, year };
  }

  /** A revised target: a figure, with a bound or the printed text if need be, but never a word or none. */
  private revisedTarget(
    raw: NonNullable<FigureFields['target']> | null,
    path: Path,
    unit: string | null,
    defaultYear: FiscalYear,
    name: string,
  ): Target | null {
    const written = this.writtenTarget(raw, path, unit, defaultYear);
    if (written === null) return null;
    if (written.value === null || written.word !== undefined || written.none) {
      this.problems.error('bad-revision', path, { code: 'revision-target-form', name });
      return null;
    }
    const { value, year, bound, label } = written;
    return { value, year, ...(bound ? { bound } : {}), ...(label !== undefined ? { label } : {}) };
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
