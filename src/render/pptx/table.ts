import type PptxGenJS from 'pptxgenjs';
import { columnWidths } from './columns.ts';
import { linesOf } from './measure.ts';
import { COLOR, lineHeight, LINE_PITCH, scaledFont } from './style.ts';

export type Align = 'left' | 'center' | 'right';

export interface CellSpec {
  /** One paragraph per line: a series each (男性：18.43年 / 女性：20.72年). */
  readonly lines: readonly string[];
  readonly bold?: boolean;
  readonly fill?: string;
}

export interface TableSpec {
  /** null for a table without a header row. */
  readonly header: readonly string[] | null;
  readonly rows: readonly (readonly CellSpec[])[];
  readonly align: readonly Align[];
  /** The columns that wrap first when the table is too narrow (KPI names). */
  readonly wraps: readonly boolean[];
  /** Inches; for a table of few words that should fill its slide, as the summary does. */
  readonly minRowHeight?: number;
}

export interface PlacedTable {
  readonly rows: PptxGenJS.TableRow[];
  readonly colW: number[];
  readonly rowH: number[];
  readonly height: number;
}

/** Cell padding in inches: top, right, bottom, left (pptxgenjs reads values below 1 as inches). */
const PADDING: [number, number, number, number] = [0.05, 0.08, 0.05, 0.08];
const MIN_NAME_WIDTH = 2.4;
const BORDER: PptxGenJS.BorderProps = { type: 'solid', pt: 0.75, color: COLOR.border };

/** pptxgenjs honours a paragraph's line spacing in table cells too, though its types leave it out. */
type CellOptions = PptxGenJS.TableCellProps & Pick<PptxGenJS.TextPropsOptions, 'lineSpacing'>;

function cell(
  spec: CellSpec,
  align: Align,
  fontSize: number,
  lang: string,
  header: boolean,
): PptxGenJS.TableCell {
  const fill = header ? COLOR.headerFill : spec.fill;
  const options: CellOptions = {
    fontSize,
    lang,
    align: header ? 'center' : align,
    valign: 'middle',
    bold: header || spec.bold === true,
    color: COLOR.ink,
    ...(fill ? { fill: { color: fill } } : {}),
    border: [BORDER, BORDER, BORDER, BORDER],
    margin: PADDING,
    lineSpacing: Math.round(fontSize * LINE_PITCH),
  };
  return { text: spec.lines.join('\n'), options };
}

/**
 * Lays a table out at a font size: column widths from its text, and each row as tall as its tallest
 * cell once wrapped. Renderers grow a row whose text needs more, but the slide places what follows the
 * table from these heights, so they are estimated generously (see measure.ts).
 */
export function layoutTable(spec: TableSpec, width: number, fontSize: number, lang: string): PlacedTable {
  const headerRow: readonly CellSpec[] | null = spec.header ? spec.header.map((h) => ({ lines: [h] })) : null;
  const all = headerRow ? [headerRow, ...spec.rows] : [...spec.rows];
  const padX = PADDING[1] + PADDING[3];
  const colW = columnWidths(
    spec.align.map((_, i) => ({
      lines: all.flatMap((row) => row[i]?.lines ?? []),
      wraps: spec.wraps[i] === true,
    })),
    width,
    fontSize,
    padX,
    MIN_NAME_WIDTH,
  );
  const line = lineHeight(fontSize);
  const rowH = all.map((row) =>
    Math.max(
      spec.minRowHeight ?? 0,
      Math.max(...row.map((c, i) => linesOf(c.lines, (colW[i] ?? 0) - padX, fontSize))) * line +
        PADDING[0] +
        PADDING[2],
    ),
  );
  const rows = all.map((row, r) =>
    row.map((c, i) => cell(c, spec.align[i] ?? 'left', fontSize, lang, headerRow !== null && r === 0)),
  );
  return { rows, colW, rowH, height: rowH.reduce((a, b) => a + b, 0) };
}

/** Font scales tried in turn until what a slide holds fits above its bottom margin. */
export const SCALES = [1, 0.92, 0.84, 0.76, 0.68];

/** The table at the largest scale of `fontSize` whose estimated height fits in `height`. */
export function layoutTableToFit(
  spec: TableSpec,
  width: number,
  height: number,
  fontSize: number,
  lang: string,
): PlacedTable {
  let placed = layoutTable(spec, width, fontSize, lang);
  for (const scale of SCALES.slice(1)) {
    if (placed.height <= height) break;
    placed = layoutTable(spec, width, scaledFont(fontSize, scale), lang);
  }
  return placed;
}

export function addTable(slide: PptxGenJS.Slide, table: PlacedTable, x: number, y: number): void {
  slide.addTable(table.rows, {
    x,
    y,
    w: table.colW.reduce((a, b) => a + b, 0),
    colW: table.colW,
    rowH: table.rowH,
    autoPage: false,
  });
}
