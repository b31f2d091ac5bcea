import type { Evaluation } from '../../core/evaluation.ts';
import { explainRate } from '../../core/explain.ts';
import type { Messages } from '../messages.ts';
import type { Slide } from '../slides.ts';
import { chartFigureHtml } from './chart-figure.ts';
import { escapeHtml } from './escape.ts';
import { figureHtml } from './figures.ts';
import type { IdSource } from './ids.ts';
import { goalTableHtml, summaryTableHtml } from './tables.ts';

export interface SlideContext {
  readonly evaluation: Evaluation;
  readonly messages: Messages;
  readonly runningHead: string;
  readonly ids: IdSource;
  /** The draft mark stamped on every page of a staff draft (案); null in a published report. */
  readonly draftMark?: string | null;
}

type SlideOf<K extends Slide['kind']> = Extract<Slide, { kind: K }>;

function goalBody(slide: SlideOf<'goal'>, headingId: string, ctx: SlideContext): string {
  const parts: string[] = [];
  if (slide.table) {
    const tableHeadingId = ctx.ids.next('table-heading-');
    parts.push(
      `<h3 id="${tableHeadingId}">${escapeHtml(ctx.messages.headings.goalTable)}</h3>`,
      goalTableHtml(slide.table, `${headingId} ${tableHeadingId}`, ctx.ids),
    );
  }
  if (slide.bullets) {
    const items = slide.bullets.map(
      (b) =>
        `<li><p class="lead">${escapeHtml(b.lead)}</p>${b.text === null ? '' : `<p>${escapeHtml(b.text)}</p>`}</li>`,
    );
    parts.push(
      `<h3>${escapeHtml(ctx.messages.headings.assessments)}</h3>`,
      `<ul class="assessments">\n${items.join('\n')}\n</ul>`,
    );
  }
  return parts.join('\n');
}

/** The slide's heading level and text, and what follows it. */
function slideContent(slide: Slide, headingId: string, ctx: SlideContext): { heading: string; body: string } {
  const h2 = (text: string, extra = '') => `<h2 id="${headingId}">${escapeHtml(text)}${extra}</h2>`;
  switch (slide.kind) {
    case 'title':
      return {
        heading: `<h1 id="${headingId}">${escapeHtml(slide.title)}</h1>`,
        body:
          `<p class="subtitle">${escapeHtml(slide.subtitle)}</p>` +
          (slide.note ? `<p class="subtitle"><small>${escapeHtml(slide.note)}</small></p>` : ''),
      };
    case 'overview': {
      const goals = slide.goals.map(
        (g) =>
          `<li><p class="goal-label">${escapeHtml(g.label)}</p><p class="goal-title">${escapeHtml(g.title)}</p></li>`,
      );
      return { heading: h2(slide.heading), body: `<ol class="goals">\n${goals.join('\n')}\n</ol>` };
    }
    case 'goal': {
      const continued = slide.continued
        ? `<span class="continued">${escapeHtml(ctx.messages.continued)}</span>`
        : '';
      return { heading: h2(slide.heading, continued), body: goalBody(slide, headingId, ctx) };
    }
    case 'summary':
      return { heading: h2(slide.heading), body: summaryTableHtml(slide.table, headingId, ctx.ids) };
    case 'closing':
      return {
        heading: h2(slide.label),
        body:
          `<p class="note">${escapeHtml(slide.note)}</p>\n` +
          `<p class="rate">${figureHtml(slide.rate, explainRate(ctx.evaluation.overall), ctx.ids)}</p>`,
      };
    case 'chart':
      return {
        heading: h2(slide.heading),
        body: chartFigureHtml(slide.kpi, ctx.evaluation, ctx.messages, ctx.ids),
      };
    case 'opinions': {
      const items = slide.items.map(
        (item) =>
          `<li><p class="opinion-kpi">${escapeHtml(item.kpi)}<span class="opinion-date">（${escapeHtml(item.date)}）</span></p><p class="opinion-text">${escapeHtml(item.text)}</p></li>`,
      );
      const heading = slide.continued ? `${slide.heading}${ctx.messages.continued}` : slide.heading;
      return { heading: h2(heading), body: `<ul class="opinions">\n${items.join('\n')}\n</ul>` };
    }
    case 'diagnostics': {
      const items = slide.items.map(
        (item) =>
          `<li><span class="severity severity-${item.severity}">${escapeHtml(item.label)}</span> ${escapeHtml(item.text)}</li>`,
      );
      return { heading: h2(slide.heading), body: `<ul class="diagnostics">\n${items.join('\n')}\n</ul>` };
    }
  }
}

/**
 * One slide as one page: a section named by its heading. As in the seed, every slide but the title
 * carries the running head; each is numbered for the committee to point at.
 */
export function slideHtml(slide: Slide, index: number, ctx: SlideContext): string {
  const headingId = `slide-${index + 1}-heading`;
  const { heading, body } = slideContent(slide, headingId, ctx);
  const isTitle = slide.kind === 'title';
  return [
    `<section class="slide slide-${slide.kind}" id="slide-${index + 1}" aria-labelledby="${headingId}">`,
    ctx.draftMark ? `<p class="draft-mark">${escapeHtml(ctx.draftMark)}</p>\n` : '',
    isTitle ? '' : `<p class="running-head">${escapeHtml(ctx.runningHead)}</p>\n`,
    `<div class="slide-body">\n${heading}\n${body}\n</div>`,
    isTitle ? '' : `\n<p class="slide-number" aria-hidden="true">${index + 1}</p>`,
    '\n</section>',
  ].join('');
}
