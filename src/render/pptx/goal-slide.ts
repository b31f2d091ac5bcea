import type PptxGenJS from 'pptxgenjs';
import type { Messages } from '../messages.ts';
import type { AssessmentBullet, GoalTable } from '../report-model.ts';
import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, addSection, framedSlide, SECTION_HEIGHT, textOptions } from './frame.ts';
import { paragraphLines } from './measure.ts';
import { noteLine } from './notes.ts';
import { addTable, layoutTable, SCALES, type PlacedTable, type TableSpec } from './table.ts';
import { BODY_BOTTOM, CONTENT_WIDTH, FONT_SIZE, lineHeight, MARGIN_X, scaledFont } from './style.ts';

type GoalSlide = Extract<Slide, { kind: 'goal' }>;

/** Points from a bullet to its text: the assessment text hangs under the lead, not under the bullet. */
const BULLET_INDENT = 20;
const BULLET_GAP = 6;
const WHITE_CIRCLE = '25CB';
/** An ideographic space as the text's bullet: the only way pptxgenjs indents a paragraph to match. */
const BLANK_BULLET = '3000';

function goalTableSpec(table: GoalTable): TableSpec {
  const width = table.header.length;
  return {
    header: table.header,
    rows: table.rows.map((row) => row.cells.map((c) => ({ lines: c.lines }))),
    align: Array.from({ length: width }, (_, i) => (i === 0 ? 'left' : 'center')),
    wraps: Array.from({ length: width }, (_, i) => i === 0),
  };
}

function bulletsHeight(bullets: readonly AssessmentBullet[], fontSize: number): number {
  const width = CONTENT_WIDTH - BULLET_INDENT / 72;
  const lines = bullets.reduce(
    (n, b) =>
      n + paragraphLines(b.lead, width, fontSize) + (b.text ? paragraphLines(b.text, width, fontSize) : 0),
    0,
  );
  return (
    lines * lineHeight(fontSize) + ((bullets.length - 1) * BULLET_GAP * (fontSize / FONT_SIZE.bullet)) / 72
  );
}

/** Where the table and the assessments go, at one scale of their fonts. */
interface Plan {
  readonly table: { readonly sectionY: number; readonly y: number; readonly placed: PlacedTable } | null;
  readonly bullets: {
    readonly sectionY: number;
    readonly y: number;
    readonly h: number;
    readonly fontSize: number;
  } | null;
  readonly bottom: number;
}

function plan(s: GoalSlide, ctx: PptxContext, top: number, scale: number): Plan {
  let y = top;
  let table: Plan['table'] = null;
  if (s.table) {
    const placed = layoutTable(
      goalTableSpec(s.table),
      CONTENT_WIDTH,
      scaledFont(FONT_SIZE.table, scale),
      ctx.lang,
    );
    table = { sectionY: y, y: y + SECTION_HEIGHT, placed };
    y = table.y + placed.height + 0.25;
  }
  let bullets: Plan['bullets'] = null;
  if (s.bullets && s.bullets.length > 0) {
    const fontSize = scaledFont(FONT_SIZE.bullet, scale);
    const h = bulletsHeight(s.bullets, fontSize);
    bullets = { sectionY: y, y: y + SECTION_HEIGHT, h, fontSize };
    y = bullets.y + h;
  }
  return { table, bullets, bottom: y };
}

function bulletParagraphs(
  bullets: readonly AssessmentBullet[],
  ctx: PptxContext,
  fontSize: number,
): PptxGenJS.TextProps[] {
  const base = textOptions(ctx, fontSize);
  const gap = BULLET_GAP * (fontSize / FONT_SIZE.bullet);
  return bullets.flatMap((b, i) => {
    const lead: PptxGenJS.TextProps = {
      text: b.lead,
      options: {
        ...base,
        bold: true,
        bullet: { characterCode: WHITE_CIRCLE, indent: BULLET_INDENT },
        ...(i > 0 ? { paraSpaceBefore: gap } : {}),
      },
    };
    if (!b.text) return [lead];
    return [
      lead,
      {
        text: b.text,
        options: { ...base, bullet: { characterCode: BLANK_BULLET, indent: BULLET_INDENT } },
      },
    ];
  });
}

/** How each progress figure on the slide was calculated, series by series. */
function formulaNotes(table: GoalTable, messages: Messages): string[] {
  return table.rows.flatMap((row) => {
    const formulas = row.cells[row.cells.length - 1]?.formula ?? [];
    return row.kpi.series.flatMap((series, i) => {
      const formula = formulas[i];
      return formula ? [noteLine(messages, row.kpi.name, series.label, formula)] : [];
    });
  });
}

/**
 * 基本目標N: the heading, 「数値目標の状況について」 with its table, then 「達成状況・要因及び対策等」 with
 * its bullets; a continuation slide carries either part, as the deck split it.
 */
export function drawGoalSlide(ctx: PptxContext, s: GoalSlide): void {
  const slide = framedSlide(ctx);
  const heading = s.continued ? `${s.heading}${ctx.messages.continued}` : s.heading;
  const top = addHeading(slide, ctx, heading);
  const fitting = SCALES.map((scale) => plan(s, ctx, top, scale));
  const chosen = fitting.find((p) => p.bottom <= BODY_BOTTOM) ?? fitting[fitting.length - 1];
  if (!chosen) return;
  if (chosen.table) {
    addSection(slide, ctx, ctx.messages.headings.goalTable, chosen.table.sectionY);
    addTable(slide, chosen.table.placed, MARGIN_X, chosen.table.y);
  }
  if (chosen.bullets && s.bullets) {
    addSection(slide, ctx, ctx.messages.headings.assessments, chosen.bullets.sectionY);
    slide.addText(bulletParagraphs(s.bullets, ctx, chosen.bullets.fontSize), {
      ...textOptions(ctx, chosen.bullets.fontSize),
      x: MARGIN_X,
      y: chosen.bullets.y,
      w: CONTENT_WIDTH,
      h: chosen.bullets.h,
      objectName: 'Assessments',
    });
  }
  const notes = s.table ? formulaNotes(s.table, ctx.messages) : [];
  if (notes.length > 0) slide.addNotes(notes.join('\n'));
}
