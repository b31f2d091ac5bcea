import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/core/decimal.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Evaluation } from '../../src/core/evaluation.ts';
import type { Kpi } from '../../src/core/plan.ts';
import type { EvaluationSettings } from '../../src/core/settings.ts';
import { messagesFor, type Messages } from '../../src/render/messages.ts';
import { goalSheetLayout, sheetNames, summaryLayout } from '../../src/render/xlsx/layout.ts';
import { figureFormat, literal, scoreFormat } from '../../src/render/xlsx/number-format.ts';
import { buildReportWorkbook } from '../../src/render/xlsx/report.ts';
import { kitamotoPlan, kitamotoR4 } from '../support/kitamoto.ts';

const ja = messagesFor('ja');

/** The seed under other settings, with an interim target for 出生数 so that pace has one to meet. */
function withSettings(settings: Partial<EvaluationSettings>): Evaluation {
  const plan = kitamotoPlan();
  const milestone = toDecimalString('350');
  if (milestone === null) throw new Error('350 is a decimal');
  const kpis = new Map(
    [...plan.kpis].map(([id, kpi]): [string, Kpi] => [
      id,
      id === 'births'
        ? { ...kpi, series: kpi.series.map((s) => ({ ...s, milestones: new Map([[2022, milestone]]) })) }
        : kpi,
    ]),
  );
  return evaluate({ ...plan, kpis, evaluation: { ...plan.evaluation, ...settings } }, 2022);
}

function sheet(workbook: ExcelJS.Workbook, name: string | undefined): ExcelJS.Worksheet {
  const found = name === undefined ? undefined : workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name ?? ''}`);
  return found;
}

/** A KPI's cell in a column of its goal's table, in a workbook built without charts. */
function cellOf(e: Evaluation, kpiId: string, column: 'score' | 'milestone', messages: Messages = ja) {
  const workbook = buildReportWorkbook(e, messages, { charts: false });
  for (const goal of e.goals) {
    const layout = goalSheetLayout(goal, e);
    const row = layout.kpis.find((k) => k.kpi.id === kpiId)?.series[0]?.row;
    const col = layout.columns[column];
    if (row === undefined || col === null) continue;
    return sheet(workbook, sheetNames(e, messages).goals.get(goal.id)).getCell(row, col);
  }
  throw new Error(`no ${column} cell for ${kpiId}`);
}

describe('the score formula follows the plan’s method and rounding', () => {
  it('truncates with ROUNDDOWN to the plan’s places', () => {
    const e = withSettings({ rounding: { mode: 'truncate', places: 2 } });
    expect(cellOf(e, 'births', 'score').formula).toBe('ROUNDDOWN(ROUND(F5-C5,12)/ROUND(D5-C5,12)*100,2)');
  });

  it('divides actual by target for a ratio, and target by actual where lower is better', () => {
    const e = withSettings({ method: 'ratio' });
    expect(cellOf(e, 'births', 'score').formula).toBe('ROUND(F5/D5*100,1)');
    expect(cellOf(e, 'greenhouse-gas-emissions', 'score').formula).toBe('ROUND(D8/F8*100,1)');
  });

  it('measures pace against the share of the gap, or against the year’s interim target', () => {
    const e = withSettings({ method: 'pace' });
    expect(cellOf(e, 'furusato-donations', 'score').formula).toBe(
      'ROUND(ROUND(G4-C4,11)/(ROUND(D4-C4,11)*1/4)*100,1)',
    );
    expect(cellOf(e, 'births', 'score').formula).toBe('ROUND(ROUND(G5-C5,12)/ROUND(E5-C5,12)*100,1)');
    expect(cellOf(e, 'births', 'milestone').value).toBe(350);
  });
});

describe('the rates', () => {
  it('count each shared KPI once where the plan says so, over a list of distinct KPIs', () => {
    const e = withSettings({ shared: 'once' });
    const workbook = buildReportWorkbook(e, ja, { charts: false });
    const layout = summaryLayout(e);
    const summary = sheet(workbook, sheetNames(e, ja).summary);
    const rows = [...(layout.kpiList?.rows.values() ?? [])];
    expect(rows).toHaveLength(e.kpis.length);
    expect(summary.getCell(layout.overallRow, layout.achievedColumn).formula).toBe(
      `COUNTIF(B${rows[0]}:B${rows[rows.length - 1]},"達成")`,
    );
    expect(summary.getCell(layout.overallRow, layout.rateColumn).result).toBe(Number(e.overall.rate));
  });

  it('count the English statuses in an English workbook', () => {
    const en = messagesFor('en');
    const e = kitamotoR4();
    const workbook = buildReportWorkbook(e, en, { charts: false });
    const ws = sheet(workbook, sheetNames(e, en).goals.get('B1'));
    const goal = e.goals.find((g) => g.id === 'B1');
    if (!goal) throw new Error('the seed has no 基本目標 1');
    const layout = goalSheetLayout(goal, e);
    expect(ws.name).toBe('Basic goal 1');
    expect(ws.getCell(layout.tally.achieved, layout.tallyColumn).formula).toBe('COUNTIF(H4:H5,"Achieved")');
  });
});

describe('number formats', () => {
  it('quote text, escaping a quote mark, which a quoted run cannot hold', () => {
    expect(literal('万円')).toBe('"万円"');
    expect(literal('a"b')).toBe('"a"\\""b"');
    expect(literal('')).toBe('');
  });

  it('put a series label after the minus sign, as the report writes 男性：-40人', () => {
    const value = toDecimalString('-40');
    if (value === null) throw new Error('-40 is a decimal');
    expect(figureFormat(value, { prefix: '男性：', suffix: '人' })).toBe(
      '"男性："#,##0"人";"男性："-#,##0"人"',
    );
    expect(scoreFormat(0)).toBe('0"%";-0"%";0"%"');
  });
});
