import type { PathSegment } from '../../plan-file/problem.ts';
import type { CellTake } from './cells.ts';
import {
  ACTUAL_COLUMNS as A,
  ASSESSMENT_COLUMNS as S,
  CATEGORY_SEPARATOR,
  DIRECTION_CHOICES,
  GOAL_COLUMNS as G,
  KIND_CHOICES,
  KPI_COLUMNS as K,
  METHOD_CHOICES,
  PLAN_HEADERS,
  PLAN_ITEMS,
  INDICATOR_CHOICES,
  STATE_CHOICES,
  type PlanItem,
} from './layout.ts';
import { clipped, type MasterPlace, type MasterProblems } from './problem.ts';
import { PlaceMap } from './place-map.ts';
import type { TableRow } from './sheet-table.ts';

type Json = Record<string, unknown>;
type Figure = string | null;

/** A KPI as its rows define it, until its series are settled. */
interface KpiDraft {
  readonly goal: number;
  readonly path: readonly PathSegment[];
  readonly value: Json;
  readonly rows: TableRow[];
  /** Where its actuals go: '' for a plain KPI, else each series's label. */
  readonly figures: Map<string, { readonly value: Json; readonly path: readonly PathSegment[] }>;
}

const fold = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * Builds the plan-file value (the JavaScript value a YAML plan parses to) from the master's rows,
 * noting for every value the cell it came from. Only the cell-level rules are checked here (a cell of
 * the wrong kind, a choice not on the list, a row that names nothing); everything a plan file's reader
 * checks is left to it.
 */
export class PlanValueBuilder {
  private readonly places = new PlaceMap();
  private planValue: Json = {};
  private readonly goalValues: Json[] = [];
  private readonly goalIndex = new Map<string, number>();
  private readonly kpiDrafts = new Map<string, KpiDraft>();

  constructor(
    private readonly problems: MasterProblems,
    private readonly planSheet: string,
    private readonly goalSheet: string,
  ) {}

  /** The value, without the keys whose cells were refused here: the plan reader sees them as not given. */
  value(): Json {
    return withoutUndefined({ plan: this.planValue, goals: this.goalValues }) as Json;
  }

  placeOf(path: readonly PathSegment[], key: boolean): MasterPlace | null {
    return this.places.find(path, key, null);
  }

  // ---- 計画

  plan(rows: readonly TableRow[]): void {
    const [itemHeader = '', valueHeader = ''] = PLAN_HEADERS;
    const items = new Map<PlanItem, TableRow>();
    for (const row of rows) {
      const label = row.take(itemHeader);
      if (label.kind !== 'text') continue;
      const item = (Object.keys(PLAN_ITEMS) as PlanItem[]).find(
        (k) => fold(PLAN_ITEMS[k]) === fold(label.text),
      );
      if (item && !items.has(item)) items.set(item, row);
    }
    this.places.set(['plan'], { sheet: this.planSheet, cell: null });
    const plan: Json = {};
    const period: Json = {};
    const item = (key: PlanItem, path: readonly PathSegment[], required: boolean) => {
      const row = items.get(key);
      if (!row) {
        if (required)
          this.problems.error(
            { sheet: this.planSheet, cell: null },
            { code: 'item-missing', item: PLAN_ITEMS[key] },
          );
        return undefined;
      }
      this.places.set(path, row.place(valueHeader));
      return { row, take: row.take(valueHeader) };
    };
    const text = (key: PlanItem, path: readonly PathSegment[], required: boolean) => {
      const found = item(key, path, required);
      if (!found) return undefined;
      return this.textOf(found.take, found.row.place(valueHeader), required ? PLAN_ITEMS[key] : null);
    };
    const year = (key: PlanItem, path: readonly PathSegment[]) => {
      const found = item(key, path, true);
      if (!found) return undefined;
      return this.yearOf(found.take, found.row.place(valueHeader), PLAN_ITEMS[key]);
    };
    const id = text('id', ['plan', 'id'], false);
    if (id !== undefined) plan.id = id;
    plan.title = text('title', ['plan', 'title'], true);
    plan.municipality = text('municipality', ['plan', 'municipality'], true);
    period.from = year('from', ['plan', 'period', 'from']);
    period.to = year('to', ['plan', 'period', 'to']);
    const from = items.get('from');
    if (from) this.places.set(['plan', 'period'], from.place(valueHeader));
    plan.period = period;
    const code = item('municipalityCode', ['plan', 'municipalityCode'], false);
    if (code && code.take.kind !== 'empty') {
      // Excel drops a typed code's leading 0 (北海道's 01…) but never its check digit: six digits come back.
      plan.municipalityCode =
        code.take.kind === 'number'
          ? code.take.decimal.padStart(6, '0')
          : this.textOf(code.take, code.row.place(valueHeader), null);
    }
    const population = text('population', ['plan', 'population', 'value'], false);
    if (population !== undefined) {
      const counted = item('populationYear', ['plan', 'population', 'year'], false);
      const year =
        counted && counted.take.kind !== 'empty'
          ? this.yearOf(counted.take, counted.row.place(valueHeader), PLAN_ITEMS.populationYear)
          : undefined;
      plan.population = { value: population, ...(year === undefined ? {} : { year }) };
      const row = items.get('population');
      if (row) this.places.set(['plan', 'population'], row.place(valueHeader));
    }
    const method = item('method', ['plan', 'evaluation', 'method'], false);
    if (method) {
      const code = this.choiceOf(method.take, method.row.place(valueHeader), METHOD_CHOICES);
      if (code) plan.evaluation = { method: code };
    }
    this.planValue = plan;
  }

  // ---- 目標

  goals(rows: readonly TableRow[]): void {
    this.places.set(['goals'], { sheet: this.goalSheet, cell: null });
    for (const row of rows) {
      const index = this.goalValues.length;
      const path = ['goals', index];
      const id = this.textOf(row.take(G.id), row.place(G.id), G.id);
      const goal: Json = {
        id,
        // A refused kind or number is reported here; a stand-in keeps the plan's shape, so that the plan
        // reader still checks everything else (the plan is refused anyway).
        kind: this.choiceOf(row.take(G.kind), row.place(G.kind), KIND_CHOICES, G.kind) ?? 'basic',
        number: this.wholeOf(row.take(G.number), row.place(G.number), G.number) ?? index + 1,
        title: this.textOf(row.take(G.title), row.place(G.title), G.title),
        kpis: [],
      };
      this.places.set(path, row.place(G.id));
      for (const [key, header] of [
        ['id', G.id],
        ['kind', G.kind],
        ['number', G.number],
        ['title', G.title],
        ['kpis', G.id],
      ] as const) {
        this.places.set([...path, key], row.place(header));
      }
      this.goalValues.push(goal);
      if (id !== undefined && !this.goalIndex.has(id)) this.goalIndex.set(id, index);
    }
  }

  // ---- KPI

  kpis(rows: readonly TableRow[]): void {
    let previous: string | null = null;
    for (const row of rows) {
      const goalId = this.textOf(row.take(K.goal), row.place(K.goal), K.goal);
      const id = this.textOf(row.take(K.id), row.place(K.id), K.id);
      if (goalId === undefined || id === undefined) continue;
      const goal = this.goalIndex.get(goalId);
      if (goal === undefined) {
        this.problems.error(row.place(K.goal), { code: 'unknown-goal', id: clipped(goalId) });
        continue;
      }
      const kpis = this.goalValues[goal]?.kpis as Json[];
      const draft = this.kpiDrafts.get(id);
      if (draft && draft.goal !== goal) {
        // 再掲: the KPI listed again under another goal, by its id alone.
        const filled = Object.values(K).find(
          (h) => h !== K.goal && h !== K.id && row.take(h).kind !== 'empty',
        );
        if (filled)
          this.problems.error(row.place(filled), {
            code: 'shared-row-filled',
            id: clipped(id),
            header: filled,
          });
        const path = ['goals', goal, 'kpis', kpis.length];
        this.places.set(path, row.place(K.id));
        this.places.set([...path, 'ref'], row.place(K.id));
        kpis.push({ ref: id });
      } else if (draft) {
        if (previous !== id)
          this.problems.error(row.place(K.id), { code: 'kpi-rows-apart', id: clipped(id) });
        else draft.rows.push(row);
      } else {
        const path = ['goals', goal, 'kpis', kpis.length];
        const value: Json = { id };
        kpis.push(value);
        this.kpiDrafts.set(id, { goal, path, value, rows: [row], figures: new Map() });
      }
      previous = id;
    }
    for (const [id, draft] of this.kpiDrafts) this.settleKpi(id, draft);
  }

  private settleKpi(id: string, draft: KpiDraft): void {
    const { path, value, rows } = draft;
    const [first] = rows;
    if (!first) return;
    this.places.set(path, first.place(K.id));
    this.places.set([...path, 'id'], first.place(K.id));
    for (const row of rows.slice(1)) {
      for (const header of [K.name, K.category, K.unit, K.department]) {
        const later = row.take(header);
        if (later.kind !== 'empty' && takeText(later) !== takeText(first.take(header))) {
          this.problems.error(row.place(header), { code: 'kpi-cell-differs', id: clipped(id), header });
        }
      }
    }
    value.name = this.textOf(first.take(K.name), first.place(K.name), K.name);
    this.places.set([...path, 'name'], first.place(K.name));
    const category = this.textOf(first.take(K.category), first.place(K.category), null);
    if (category !== undefined) {
      value.category = category
        .split(CATEGORY_SEPARATOR)
        .map((c) => c.trim())
        .filter((c) => c !== '');
      this.places.set([...path, 'category'], first.place(K.category));
    }
    for (const [key, header] of [
      ['unit', K.unit],
      ['department', K.department],
    ] as const) {
      const text = this.textOf(first.take(header), first.place(header), null);
      if (text !== undefined) value[key] = text;
      this.places.set([...path, key], first.place(header));
    }
    const indicator = this.choiceOf(first.take(K.indicator), first.place(K.indicator), INDICATOR_CHOICES);
    if (indicator) value.indicator = indicator;
    this.places.set([...path, 'indicator'], first.place(K.indicator));
    const labels = rows.map((row) => this.textOf(row.take(K.series), row.place(K.series), null));
    const directions = rows.map((row) =>
      this.choiceOf(row.take(K.direction), row.place(K.direction), DIRECTION_CHOICES),
    );
    if (rows.length === 1 && labels[0] === undefined) {
      if (directions[0]) value.direction = directions[0];
      this.places.set([...path, 'direction'], first.place(K.direction));
      Object.assign(value, this.figures(first, path));
      draft.figures.set('', { value, path });
      return;
    }
    const unlabelled = rows.findIndex((_, i) => labels[i] === undefined);
    if (unlabelled >= 0) {
      this.problems.error(rows[unlabelled]?.place(K.series) ?? null, {
        code: 'series-needed',
        id: clipped(id),
      });
      return;
    }
    const same = directions.every((d) => d === directions[0]);
    if (same && directions[0]) {
      value.direction = directions[0];
      this.places.set([...path, 'direction'], first.place(K.direction));
    }
    value.series = rows.map((row, i) => {
      const seriesPath = [...path, 'series', i];
      const label = labels[i] as string;
      const series: Json = { label, ...this.figures(row, seriesPath) };
      if (!same && directions[i]) series.direction = directions[i];
      this.places.set(seriesPath, row.place(K.series));
      this.places.set([...seriesPath, 'label'], row.place(K.series));
      this.places.set([...seriesPath, 'direction'], row.place(K.direction));
      if (!draft.figures.has(label)) draft.figures.set(label, { value: series, path: seriesPath });
      return series;
    });
    this.places.set([...path, 'series'], first.place(K.series));
  }

  /** A row's baseline and target, each with its year where one is given. */
  private figures(row: TableRow, path: readonly PathSegment[]): Json {
    const out: Json = {};
    for (const [key, valueHeader, yearHeader] of [
      ['baseline', K.baseline, K.baselineYear],
      ['target', K.target, K.targetYear],
    ] as const) {
      const figure = this.figureOf(row.take(valueHeader), row.place(valueHeader));
      const year = this.yearOf(row.take(yearHeader), row.place(yearHeader), null);
      this.places.set([...path, key], row.place(valueHeader));
      this.places.set([...path, key, 'value'], row.place(valueHeader));
      this.places.set([...path, key, 'year'], row.place(yearHeader));
      if (year === undefined) {
        // Empty: no baseline (—), or no numeric target (評価なし).
        if (figure !== undefined) out[key] = figure;
      } else if (figure === null) {
        this.problems.error(row.place(valueHeader), { code: 'required', header: valueHeader });
      } else if (figure !== undefined) {
        out[key] = { value: figure, year };
      }
    }
    return out;
  }

  // ---- 実績

  actuals(rows: readonly TableRow[]): void {
    for (const row of rows) {
      const target = this.figuresFor(row, A.kpi, A.series);
      const year = this.yearOf(row.take(A.year), row.place(A.year), A.year);
      if (!target || year === undefined) continue;
      const value = this.figureOf(row.take(A.value), row.place(A.value));
      const state = this.choiceOf(row.take(A.state), row.place(A.state), STATE_CHOICES);
      if (value === undefined) continue;
      const actuals = (target.value.actuals ??= {}) as Json;
      const key = String(year);
      if (key in actuals) {
        this.problems.error(row.place(A.year), {
          code: 'year-twice',
          id: clipped(String(target.path.at(-1))),
          year: clipped(key),
        });
        continue;
      }
      actuals[key] = state === 'provisional' ? { value, state } : value;
      const path = [...target.path, 'actuals', key];
      this.places.set(path, row.place(A.value));
      this.places.set([...path, 'value'], row.place(A.value));
      this.places.set([...path, 'state'], row.place(A.state));
      this.places.setKey(path, row.place(A.year));
    }
  }

  /** The KPI, or its series, a 実績 row names; null (reported) where it names none. */
  private figuresFor(row: TableRow, kpiHeader: string, seriesHeader: string) {
    const id = this.textOf(row.take(kpiHeader), row.place(kpiHeader), kpiHeader);
    if (id === undefined) return null;
    const draft = this.kpiDrafts.get(id);
    if (!draft) {
      this.problems.error(row.place(kpiHeader), { code: 'unknown-kpi', id: clipped(id) });
      return null;
    }
    const label = this.textOf(row.take(seriesHeader), row.place(seriesHeader), null) ?? '';
    const found = draft.figures.get(label);
    if (found) return found;
    if (draft.figures.size > 0) {
      this.problems.error(
        row.place(seriesHeader),
        label === ''
          ? { code: 'series-needed', id: clipped(id) }
          : { code: 'unknown-series', id: clipped(id), series: clipped(label) },
      );
    }
    return null;
  }

  // ---- 評価

  assessments(rows: readonly TableRow[]): void {
    for (const row of rows) {
      const id = this.textOf(row.take(S.kpi), row.place(S.kpi), S.kpi);
      const year = this.yearOf(row.take(S.year), row.place(S.year), S.year);
      if (id === undefined) continue;
      const draft = this.kpiDrafts.get(id);
      if (!draft) {
        this.problems.error(row.place(S.kpi), { code: 'unknown-kpi', id: clipped(id) });
        continue;
      }
      const status = this.textOf(row.take(S.status), row.place(S.status), null);
      const text = this.textOf(row.take(S.text), row.place(S.text), S.text);
      if (year === undefined || text === undefined) continue;
      const assessment = (draft.value.assessment ??= {}) as Json;
      const key = String(year);
      if (key in assessment) {
        this.problems.error(row.place(S.year), { code: 'year-twice', id: clipped(id), year: clipped(key) });
        continue;
      }
      assessment[key] = status === undefined ? text : { status, text };
      const path = [...draft.path, 'assessment', key];
      this.places.set(path, row.place(S.text));
      this.places.set([...path, 'text'], row.place(S.text));
      this.places.set([...path, 'status'], row.place(S.status));
      this.places.setKey(path, row.place(S.year));
    }
  }

  // ---- cells

  /** A text cell; a number is taken as the digits it shows (an id 12, a name 2030). */
  private textOf(take: CellTake, place: MasterPlace, required: string | null): string | undefined {
    switch (take.kind) {
      case 'empty':
        if (required !== null) this.problems.error(place, { code: 'required', header: required });
        return undefined;
      case 'text':
        return take.text;
      case 'number':
        return take.decimal;
      case 'bad-number':
        return take.problem.text;
      case 'bad':
        this.problems.error(place, { code: 'cell-kind', what: take.content.what });
        return undefined;
    }
  }

  /** A figure cell: text is read by the plan file's figure rule (３,９０８, △40, 未取得); empty is —. */
  private figureOf(take: CellTake, place: MasterPlace): Figure | undefined {
    switch (take.kind) {
      case 'empty':
        return null;
      case 'text':
        return take.text;
      case 'number':
        return take.decimal;
      case 'bad-number':
        this.problems.error(place, {
          code: 'plan',
          detail: { code: 'figure', problem: take.problem, hint: false },
        });
        return undefined;
      case 'bad':
        this.problems.error(place, { code: 'cell-kind', what: take.content.what });
        return undefined;
    }
  }

  /** A year cell: R4, 令和4年度, H30～R2平均値 as text, or 2022 as a number. */
  private yearOf(take: CellTake, place: MasterPlace, required: string | null): string | number | undefined {
    if (take.kind === 'number') return /^\d+$/.test(take.decimal) ? Number(take.decimal) : take.decimal;
    return this.textOf(take, place, required);
  }

  private wholeOf(take: CellTake, place: MasterPlace, required: string): number | undefined {
    const text = this.textOf(take, place, required);
    if (text === undefined) return undefined;
    const folded = text.normalize('NFKC');
    if (/^\d{1,6}$/.test(folded)) return Number(folded);
    this.problems.error(place, { code: 'not-whole-number', value: clipped(text) });
    return undefined;
  }

  /** A list cell: the printed choice (増やす) or the plan file's own word (increase). */
  private choiceOf<C extends string>(
    take: CellTake,
    place: MasterPlace,
    choices: Readonly<Record<C, string>>,
    required: string | null = null,
  ): C | undefined {
    const text = this.textOf(take, place, required);
    if (text === undefined) return undefined;
    const codes = Object.keys(choices) as C[];
    const found = codes.find((code) => fold(choices[code]) === fold(text) || code === text.trim());
    if (found) return found;
    this.problems.error(place, {
      code: 'choice',
      value: clipped(text),
      allowed: codes.map((c) => choices[c]),
    });
    return undefined;
  }
}

/** A cell as compared between a KPI's rows. */
function takeText(take: CellTake): string {
  switch (take.kind) {
    case 'text':
      return take.text;
    case 'number':
      return take.decimal;
    case 'bad-number':
      return take.problem.text;
    default:
      return '';
  }
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}
