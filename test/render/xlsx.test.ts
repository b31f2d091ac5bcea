import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal, decimalPlacesOf, toFixedString, type DecimalString } from '../../src/core/decimal.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { NO_FIGURE, withSeriesLabel } from '../../src/core/format.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { differencePlaces } from '../../src/render/xlsx/formulas.ts';
import { goalSheetLayout, sheetNames, summaryLayout } from '../../src/render/xlsx/layout.ts';
import { buildReportWorkbook, renderReportXlsx } from '../../src/render/xlsx/report.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

const evaluation = kitamotoR4();
const ja = messagesFor('ja');
const names = sheetNames(evaluation, ja);
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const buffer = await renderReportXlsx(evaluation, ja);
  book = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer; a copy of the bytes is one.
  await book.xlsx.load(new Uint8Array(buffer).buffer);
}, 60_000);

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function goalSheet(workbook: ExcelJS.Workbook, goalId: string, e: Evaluation): ExcelJS.Worksheet {
  return sheet(workbook, sheetNames(e, ja).goals.get(goalId) ?? goalId);
}

/** The goal tables share their columns; B4's, with a KPI of two series, stands for them. */
const B4 = evaluation.goals.find((g) => g.id === 'B4');
if (!B4) throw new Error('the seed has no 基本目標 4');
const columns = goalSheetLayout(B4, evaluation).columns;

/** Every series of every goal sheet with the row it sits on. */
function seriesRows(e: Evaluation) {
  return e.goals.flatMap((goal) => {
    const layout = goalSheetLayout(goal, e);
    return layout.kpis.flatMap(({ kpi, series }) =>
      series.map(({ series: s, row }) => ({ goal, layout, kpi, s, row })),
    );
  });
}

function cellAt(workbook: ExcelJS.Workbook, e: Evaluation, kpiId: string, label: string | null = null) {
  const found = seriesRows(e).find((r) => r.kpi.id === kpiId && r.s.label === label);
  if (!found) throw new Error(`no row for ${kpiId}`);
  const ws = goalSheet(workbook, found.goal.id, e);
  return (column: number) => ws.getCell(found.row, column);
}

describe('the report workbook, read back', () => {
  it('has the summary, a sheet per goal, the charts and the raw data', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      '全体の達成状況',
      '基本目標 1',
      '基本目標 2',
      '基本目標 3',
      '基本目標 4',
      '横断的な目標 1',
      '横断的な目標 2',
      '数値目標の推移',
      'データ',
    ]);
  });

  it('freezes the header rows of every sheet', () => {
    const headerRows = new Map<string, number>([
      [names.summary, summaryLayout(evaluation).headerRow],
      ...evaluation.goals.map(
        (g) => [names.goals.get(g.id) ?? '', goalSheetLayout(g, evaluation).headerRow] as const,
      ),
      [names.charts, 1],
      [names.raw, 1],
    ]);
    for (const ws of book.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: headerRows.get(ws.name) });
    }
  });

  it('prints every sheet on landscape A4 pages one page wide, repeating its header rows', () => {
    for (const ws of book.worksheets) {
      const view = ws.views[0];
      const header = view && 'ySplit' in view ? view.ySplit : 0;
      expect(ws.pageSetup, ws.name).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `1:${header}`,
      });
    }
  });

  it('names BIZ UDPゴシック on every written cell, keeping bold and size', () => {
    const faces = new Set<string>();
    for (const ws of book.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => faces.add(`${cell.font.name}/${cell.font.charset}`)));
    }
    expect([...faces]).toEqual(['BIZ UDPゴシック/128']);
    const title = sheet(book, names.summary).getCell(1, 1).font;
    expect(title).toMatchObject({ name: 'BIZ UDPゴシック', bold: true, size: 14 });
  });

  it('names Segoe UI in the English edition, whose untranslated Japanese Windows draws by font linking', () => {
    const english = buildReportWorkbook(evaluation, messagesFor('en'), { charts: false });
    const faces = new Set<string>();
    for (const ws of english.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => faces.add(`${cell.font.name}/${cell.font.family}`)));
    }
    expect([...faces]).toEqual(['Segoe UI/2']);
  });

  it('writes every figure as a number equal to its decimal, with the decimals it was written with', () => {
    let figures = 0;
    for (const { goal, layout, s, row } of seriesRows(evaluation)) {
      const ws = goalSheet(book, goal.id, evaluation);
      const check = (column: number, value: DecimalString) => {
        const cell = ws.getCell(row, column);
        expect(typeof cell.value, cell.address).toBe('number');
        expect(new Decimal(cell.value as number).eq(new Decimal(value)), cell.address).toBe(true);
        const places = decimalPlacesOf(value);
        expect(cell.numFmt, cell.address).toContain(places === 0 ? '#,##0"' : `#,##0.${'0'.repeat(places)}"`);
        figures++;
      };
      if (s.baseline) check(layout.columns.baseline, s.baseline.value);
      check(layout.columns.target, s.target.value);
      s.history.forEach((h, i) => {
        if (h.entry?.kind === 'value') check(layout.columns.years[i]?.column ?? 0, h.entry.value);
      });
    }
    expect(figures).toBeGreaterThan(50);
  });

  it('formats figures as the report prints them: separators, units, baseline years and series labels', () => {
    const { baseline, target, actual, score } = columns;
    const formats: [string, string | null, number, number, string][] = [
      ['net-product-per-worker', null, baseline, 431.5, '#,##0.0"万円 (H30)"'],
      ['net-product-per-worker', null, target, 438.3, '#,##0.0"万円"'],
      ['women-25-34-net-migration', null, baseline, -40, '#,##0"人 (H30～R2平均値)"'],
      ['greenhouse-gas-emissions', null, actual, 242000, '#,##0"t"'],
      ['childcare-support-satisfaction', null, target, 75, '#,##0.0"%"'],
      ['healthy-life-expectancy-65', '男性', target, 19, '"男性："#,##0.00"年";"男性："-#,##0.00"年"'],
    ];
    for (const [kpiId, label, column, value, numFmt] of formats) {
      const cell = cellAt(book, evaluation, kpiId, label)(column);
      expect({ value: cell.value, numFmt: cell.numFmt }, kpiId).toEqual({ value, numFmt });
    }
    expect(cellAt(book, evaluation, 'net-product-per-worker')(score).numFmt).toBe('0.0"%";-0.0"%";0"%"');
    expect(cellAt(book, evaluation, 'local-learning-opportunities', '児童')(score).numFmt).toBe(
      '"児童："0.0"%";"児童："-0.0"%";"児童："0"%"',
    );
    expect(cellAt(book, evaluation, 'job-openings-ratio')(baseline).value).toBe(NO_FIGURE);
    expect(cellAt(book, evaluation, 'healthy-life-expectancy-65', '女性')(actual).value).toBe('女性：未取得');
  });

  it('writes each progress figure as a live formula over its row, carrying the engine’s value', () => {
    const printed: string[] = [];
    for (const { goal, layout, s, row } of seriesRows(evaluation)) {
      const cell = goalSheet(book, goal.id, evaluation).getCell(row, layout.columns.score);
      if (!s.score) {
        expect(cell.value, cell.address).toBe(withSeriesLabel(s.label, NO_FIGURE));
        continue;
      }
      const c = s.score.calculation;
      if (c.method !== 'progress') throw new Error(`unexpected method ${c.method}`);
      const k = differencePlaces([c.actual, c.baseline, c.target]);
      expect(cell.formula, cell.address).toBe(
        `ROUND(ROUND(F${row}-C${row},${k})/ROUND(D${row}-C${row},${k})*100,1)`,
      );
      expect(toFixedString(new Decimal(cell.result as number), 1)).toBe(s.score.value);
      printed.push(s.score.value);
    }
    expect(printed.slice(0, 5)).toEqual(['-670.6', '82.8', '247.5', '0.0', '-37.5']);
    const score = (kpiId: string) => cellAt(book, evaluation, kpiId)(columns.score);
    // Differences are taken to the places at which they are exact: 12 beside 431.5, 9 beside 272,000.
    expect(score('net-product-per-worker').formula).toBe('ROUND(ROUND(F4-C4,12)/ROUND(D4-C4,12)*100,1)');
    expect(score('greenhouse-gas-emissions').formula).toBe('ROUND(ROUND(F8-C8,9)/ROUND(D8-C8,9)*100,1)');
  });

  it('counts statuses and computes the rates with formulas that refer to the status cells', () => {
    const goal = B4;
    const layout = goalSheetLayout(goal, evaluation);
    const ws = goalSheet(book, goal.id, evaluation);
    const range = `H${layout.firstRow}:H${layout.lastRow}`;
    expect(ws.getCell(layout.tally.achieved, 2).formula).toBe(`COUNTIF(${range},"達成")`);
    expect(ws.getCell(layout.tally.evaluated, 2).formula).toBe(
      `COUNTIF(${range},"達成")+COUNTIF(${range},"未達成")`,
    );
    expect(ws.getCell(layout.tally.rate, 2).formula).toBe('IF(B12=0,"—",ROUND(B11/B12*100,1))');
    expect(ws.getCell(layout.tally.rate, 2).numFmt).toBe('General"%"');

    const summary = sheet(book, names.summary);
    const s = summaryLayout(evaluation);
    const rates = evaluation.goals.map(
      (g) => summary.getCell(s.goalRows.get(g.id) ?? 0, s.rateColumn).result,
    );
    expect(rates).toEqual([0, 50, 0, 50, 25, 0]);
    expect(summary.getCell(s.goalRows.get(goal.id) ?? 0, s.achievedColumn).formula).toBe(`'基本目標 4'!B11`);
    expect(summary.getCell(s.goalRows.get(goal.id) ?? 0, 2).formula).toBe(
      `'基本目標 4'!H${layout.firstRow + 2}`,
    );
    const overall = (column: number) => summary.getCell(s.overallRow, column);
    expect(overall(s.achievedColumn).formula).toBe('SUM(F4:F9)');
    expect(overall(s.rateColumn).formula).toBe('IF(G11=0,"—",ROUND(F11/G11*100,1))');
    expect([
      overall(s.achievedColumn).result,
      overall(s.evaluatedColumn).result,
      overall(s.rateColumn).result,
    ]).toEqual([4, 15, 26.7]);
    expect(overall(1).value).toBe('令和4年度における達成率 ※計画1年目');
  });

  it('wraps long names and gives the columns readable widths', () => {
    const ws = goalSheet(book, 'B4', evaluation);
    const layout = goalSheetLayout(B4, evaluation);
    expect(ws.getColumn(layout.columns.name).width).toBeGreaterThanOrEqual(20);
    expect(ws.getColumn(layout.columns.assessment).width).toBeGreaterThanOrEqual(40);
    expect(ws.getCell(layout.firstRow, layout.columns.name).alignment?.wrapText).toBe(true);
    expect(ws.getCell(layout.firstRow, layout.columns.assessment).alignment?.wrapText).toBe(true);
  });

  it('puts each KPI’s chart on the chart sheet as a PNG', () => {
    const charts = sheet(book, names.charts);
    const images = charts.getImages();
    expect(images).toHaveLength(evaluation.kpis.length);
    const media = book.getImage(Number(images[0]?.imageId));
    expect(media.extension).toBe('png');
  });

  it('lays the raw data out tidily: a row per goal × KPI × series × year, figures as numbers', () => {
    const raw = sheet(book, names.raw);
    const expected = evaluation.goals.reduce(
      (n, g) => n + g.kpis.reduce((m, k) => m + k.series.length * evaluation.columns.length, 0),
      0,
    );
    expect(raw.actualRowCount).toBe(1 + expected);
    const row = raw.getRow(2).values as unknown[];
    expect(row.slice(1)).toEqual([
      '基本目標 1',
      '稼ぐ産業と安定した雇用を創出する',
      'net-product-per-worker',
      '就業者一人当たり市内純生産',
      '',
      '万円',
      2021,
      'R3',
      385.9,
      '',
      431.5,
      'H30',
      438.3,
      'R7',
    ]);
  });
});
