import type { Evaluation, GoalResult, KpiResult } from '../core/evaluation.ts';
import { DIAGNOSTIC_SEVERITY } from '../core/diagnostic.ts';
import { formatRate } from '../core/format.ts';
import type { Messages } from './messages.ts';
import { diagnosticNames } from './names.ts';
import { untranslatedNote } from './plan-text.ts';
import type { Opinion } from '../core/opinion.ts';
import { opinionItems, type OpinionItem } from './opinions.ts';
import {
  assessmentBullets,
  goalTable,
  summaryTable,
  type AssessmentBullet,
  type GoalTable,
  type SummaryTable,
} from './report-model.ts';

/**
 * The report as a deck, slide for slide as the seed lays it out. HTML, PDF and PowerPoint all draw
 * these slides, so they paginate alike: a goal whose table and assessments overflow one slide
 * continues on the next, as 基本目標4 and 横断的な目標1 do in the seed.
 */
export type Slide =
  | {
      readonly kind: 'title';
      readonly title: string;
      readonly subtitle: string;
      /** The English edition's word on texts the plan gives no English for (plan-text.ts). */
      readonly note?: string;
    }
  | {
      readonly kind: 'overview';
      readonly heading: string;
      readonly goals: readonly { readonly label: string; readonly title: string }[];
    }
  | {
      readonly kind: 'goal';
      readonly goal: GoalResult;
      /** 基本目標1：稼ぐ産業と安定した雇用を創出する */
      readonly heading: string;
      readonly continued: boolean;
      readonly table: GoalTable | null;
      readonly bullets: readonly AssessmentBullet[] | null;
    }
  | { readonly kind: 'summary'; readonly heading: string; readonly table: SummaryTable }
  | { readonly kind: 'closing'; readonly label: string; readonly note: string; readonly rate: string }
  | { readonly kind: 'chart'; readonly heading: string; readonly kpi: KpiResult }
  | {
      readonly kind: 'opinions';
      readonly heading: string;
      readonly continued: boolean;
      readonly items: readonly OpinionItem[];
    }
  | {
      readonly kind: 'diagnostics';
      readonly heading: string;
      readonly items: readonly {
        readonly severity: 'warning' | 'info';
        readonly label: string;
        readonly text: string;
      }[];
    };

export interface Deck {
  /** Printed at the top of every slide but the title: 「第2期…総合戦略について」. */
  readonly runningHead: string;
  readonly slides: readonly Slide[];
}

/** How many text lines a slide holds below its headings; calibrated so the seed's breaks fall where its do. */
export const SLIDE_LINES = 12;
/** Characters of assessment text on one line of a slide. */
export const LINE_CHARS = 45;
const DIAGNOSTICS_PER_SLIDE = 10;

const tableLines = (table: GoalTable): number =>
  1 + table.rows.reduce((n, row) => n + Math.max(...row.cells.map((c) => c.lines.length)), 0);
const bulletLines = (b: AssessmentBullet): number =>
  Math.ceil(b.lead.length / LINE_CHARS) + (b.text ? Math.ceil(b.text.length / LINE_CHARS) : 0);

function goalSlides(goal: GoalResult, evaluation: Evaluation, messages: Messages): Slide[] {
  const heading = messages.goalHeading(goal.kind, goal.number, goal.title);
  const table = goalTable(goal, evaluation, messages);
  const bullets = assessmentBullets(goal, evaluation, messages);
  const total = tableLines(table) + bullets.reduce((n, b) => n + bulletLines(b), 0);
  if (total <= SLIDE_LINES) return [{ kind: 'goal', goal, heading, continued: false, table, bullets }];

  const slides: Slide[] = [];
  let rows: GoalTable['rows'][number][] = [];
  let used = 1;
  const flushRows = () => {
    slides.push({
      kind: 'goal',
      goal,
      heading,
      continued: slides.length > 0,
      table: { header: table.header, rows },
      bullets: null,
    });
    rows = [];
    used = 1;
  };
  for (const row of table.rows) {
    const height = Math.max(...row.cells.map((c) => c.lines.length));
    if (rows.length > 0 && used + height > SLIDE_LINES) flushRows();
    rows.push(row);
    used += height;
  }
  if (rows.length > 0) flushRows();

  let page: AssessmentBullet[] = [];
  used = 0;
  const flushBullets = () => {
    slides.push({ kind: 'goal', goal, heading, continued: true, table: null, bullets: page });
    page = [];
    used = 0;
  };
  for (const bullet of bullets) {
    const lines = bulletLines(bullet);
    if (page.length > 0 && used + lines > SLIDE_LINES) flushBullets();
    page.push(bullet);
    used += lines;
  }
  if (page.length > 0) flushBullets();
  return slides;
}

export interface DeckOptions {
  /** The appendix: one chart slide per KPI (on by default). */
  readonly charts?: boolean;
  /**
   * The reviewers' pages of diagnostics (点検事項), which comment on the city's own wording: for staff
   * drafts and `report --diagnostics` only, so off unless asked for and never in a public download.
   */
  readonly diagnostics?: boolean;
  /** The committee's opinions published with the edition (委員会意見): pages after the summary. */
  readonly opinions?: readonly Opinion[];
}

/** Lines an opinion may fill on one slide, below its KPI's name. */
const OPINION_LINES = SLIDE_LINES - 2;

/**
 * An opinion too long for one slide, in parts that each fit one: cut between lines of LINE_CHARS
 * characters, so every word is kept and each part carries the KPI's name again.
 */
function opinionParts(item: OpinionItem): OpinionItem[] {
  const lines = item.text.split('\n').flatMap((line) => {
    const count = Math.max(1, Math.ceil(line.length / LINE_CHARS));
    return Array.from({ length: count }, (_, i) => ({
      text: line.slice(i * LINE_CHARS, (i + 1) * LINE_CHARS),
      ends: i === count - 1,
    }));
  });
  if (lines.length <= OPINION_LINES) return [item];
  const parts: OpinionItem[] = [];
  for (let i = 0; i < lines.length; i += OPINION_LINES) {
    const chunk = lines.slice(i, i + OPINION_LINES);
    const text = chunk.map((l, j) => l.text + (l.ends && j < chunk.length - 1 ? '\n' : '')).join('');
    parts.push({ ...item, text });
  }
  return parts;
}

/** The opinions' pages, paginated as the assessments are: by lines, a long one over as many as it needs. */
function opinionSlides(
  evaluation: Evaluation,
  messages: Messages,
  opinions: readonly Opinion[] | undefined,
): Slide[] {
  const slides: Slide[] = [];
  let page: OpinionItem[] = [];
  let used = 0;
  const flush = () => {
    slides.push({
      kind: 'opinions',
      heading: messages.headings.opinions,
      continued: slides.length > 0,
      items: page,
    });
    page = [];
    used = 0;
  };
  for (const item of opinionItems(evaluation, opinions).flatMap(opinionParts)) {
    const lines = Math.ceil(item.kpi.length / LINE_CHARS) + Math.ceil(item.text.length / LINE_CHARS);
    if (page.length > 0 && used + lines > SLIDE_LINES) flush();
    page.push(item);
    used += lines;
  }
  if (page.length > 0) flush();
  return slides;
}

export function buildDeck(evaluation: Evaluation, messages: Messages, options: DeckOptions = {}): Deck {
  const title = evaluation.plan.title;
  const slides: Slide[] = [
    {
      kind: 'title',
      title:
        messages.lang === 'ja'
          ? `${title}の状況について【${messages.headings.report}】`
          : `${title}: ${messages.headings.report}`,
      subtitle: `${evaluation.plan.municipality}\u3000${messages.yearLabel(evaluation.year)}`,
      ...titleNote(evaluation),
    },
    {
      kind: 'overview',
      heading: messages.headings.overview,
      goals: evaluation.goals.map((g) => ({ label: messages.goalLabel(g.kind, g.number), title: g.title })),
    },
    ...evaluation.goals.flatMap((goal) => goalSlides(goal, evaluation, messages)),
    { kind: 'summary', heading: messages.headings.summary, table: summaryTable(evaluation, messages) },
    {
      kind: 'closing',
      label: messages.yearRate(evaluation.year),
      note: messages.planYear(evaluation.planYear),
      rate: formatRate(evaluation.overall.rate),
    },
    ...opinionSlides(evaluation, messages, options.opinions),
  ];
  if (options.charts ?? true) {
    for (const kpi of evaluation.kpis)
      slides.push({ kind: 'chart', heading: messages.headings.kpiAppendix, kpi });
  }
  if (options.diagnostics === true) {
    const names = diagnosticNames(evaluation, messages);
    const items = evaluation.diagnostics.map((d) => ({
      severity: DIAGNOSTIC_SEVERITY[d.code],
      label: messages.severity(DIAGNOSTIC_SEVERITY[d.code]),
      text: messages.diagnostic(d, names),
    }));
    for (let i = 0; i < items.length; i += DIAGNOSTICS_PER_SLIDE) {
      slides.push({
        kind: 'diagnostics',
        heading: messages.headings.diagnostics,
        items: items.slice(i, i + DIAGNOSTICS_PER_SLIDE),
      });
    }
  }
  return { runningHead: messages.lang === 'ja' ? `${title}について` : title, slides };
}

function titleNote(evaluation: Evaluation): { note?: string } {
  const note = untranslatedNote(evaluation);
  return note === null ? {} : { note };
}
