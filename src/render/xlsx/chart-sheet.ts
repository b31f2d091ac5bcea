import type { Workbook, Worksheet } from 'exceljs';
import type { Evaluation } from '../../core/evaluation.ts';
import { CHART_SIZE, kpiChartDescription, kpiChartSvg } from '../chart.ts';
import { kpiChartStatements } from '../chart-model.ts';
import type { Messages } from '../messages.ts';
import { svgToPng } from '../raster.ts';
import { printLandscape, setWidths, styleHeader, TITLE_FONT } from './style.ts';
import { workbookWords } from './words.ts';

/** Drawn at twice the size it is shown, so the picture stays sharp when zoomed or printed. */
const PIXEL_RATIO = 2;
const POINTS_PER_PIXEL = 0.75;
const MARGIN_POINTS = 12;
/** Pixels in one unit of Excel's column width (a digit of the default font). */
const PIXELS_PER_WIDTH = 7;

/**
 * 数値目標の推移: each KPI's chart as a picture (Excel draws no SVG), a row each, with the chart's text
 * alternative beside it since a workbook picture carries none.
 */
export function writeChartSheet(
  workbook: Workbook,
  sheet: Worksheet,
  evaluation: Evaluation,
  messages: Messages,
): void {
  const words = workbookWords(messages);
  const title = sheet.getCell(1, 1);
  title.value = messages.headings.kpiAppendix;
  title.font = TITLE_FONT;
  sheet.getCell(1, 2).value = words.chartDescription;
  styleHeader(sheet.getRow(1), 2, 2);
  setWidths(sheet, { 1: Math.ceil(CHART_SIZE.width / PIXELS_PER_WIDTH) + 2, 2: 50 });

  evaluation.kpis.forEach((kpi, i) => {
    const row = 2 + i;
    sheet.getRow(row).height = CHART_SIZE.height * POINTS_PER_PIXEL + MARGIN_POINTS;
    const png = svgToPng(kpiChartSvg(kpi, evaluation, messages), CHART_SIZE.width * PIXEL_RATIO);
    // exceljs types an image's buffer as an ArrayBuffer, which a Node Buffer is not; base64 it takes as is.
    const image = workbook.addImage({ base64: png.toString('base64'), extension: 'png' });
    sheet.addImage(image, {
      tl: { col: 0, row: row - 1 },
      ext: { width: CHART_SIZE.width, height: CHART_SIZE.height },
      editAs: 'oneCell',
    });
    const text = sheet.getCell(row, 2);
    // The pace in words, as beside every other chart, then the data the picture shows.
    text.value = [
      kpi.name,
      ...kpiChartStatements(kpi, evaluation, messages),
      kpiChartDescription(kpi, messages),
    ].join('\n');
    text.alignment = { wrapText: true, vertical: 'top' };
  });

  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  printLandscape(sheet, 1);
}
