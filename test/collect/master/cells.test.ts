import { describe, expect, it } from 'vitest';
import { ACTUAL_SHEET, ASSESSMENT_SHEET, KPI_SHEET, PLAN_SHEET } from '../../../src/collect/master/layout.ts';
import type { FigureEntry } from '../../../src/core/figure-text.ts';
import { editedMaster, jaLines, readMaster, rowOf, sheet } from './support.ts';

/** The R4 actual of a plain KPI, after the master's cell was changed to `value`. */
async function actualAfter(kpi: string, value: unknown, numFmt?: string) {
  let row = 0;
  const bytes = await editedMaster((wb) => {
    const actuals = sheet(wb, ACTUAL_SHEET);
    row = rowOf(actuals, kpi, null, 'R4');
    const cell = actuals.getCell(`D${row}`);
    cell.value = value as never;
    // A style of its own: cells loaded with the same style share one object.
    if (numFmt) cell.style = { ...cell.style, numFmt };
  });
  const read = await readMaster(bytes);
  const entry: FigureEntry | undefined = read.plan?.kpis.get(kpi)?.series[0]?.actuals.get(2022);
  return { read, entry, row, lines: jaLines(read) };
}

describe('the plan master reads cells as a person sees them', () => {
  it('reads full-width digits with separators, △ negatives and a missing reason as a plan file does', async () => {
    expect((await actualAfter('furusato-donations', '７,２９５')).entry).toEqual({
      kind: 'value',
      value: '7295',
    });
    expect((await actualAfter('women-25-34-net-migration', '△40')).entry).toEqual({
      kind: 'value',
      value: '-40',
    });
    expect((await actualAfter('births', '集計中')).entry).toEqual({ kind: 'missing', reason: '集計中' });
  });

  it('refuses 約4000件 at its cell, in the catalog’s words', async () => {
    const { read, row, lines } = await actualAfter('furusato-donations', '約7295件');
    expect(read.plan).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^シート『実績』のD${row}：.*約`));
  });

  it('takes a formula’s saved result, to the 15 digits Excel shows: =0.1+0.2 is 0.3', async () => {
    const { entry } = await actualAfter(
      'job-openings-ratio',
      { formula: '0.1+0.2', result: 0.1 + 0.2 },
      'General',
    );
    expect(entry).toEqual({ kind: 'value', value: '0.3' });
    const shown = await actualAfter('job-openings-ratio', { formula: '0.1+0.2', result: 0.1 + 0.2 }, '0.00');
    expect(shown.entry).toEqual({ kind: 'value', value: '0.30' });
  });

  it('keeps the decimals a number format shows: 74.3 shown as 74.30 is 74.30', async () => {
    const { entry } = await actualAfter('childcare-support-satisfaction', 74.3, '0.00');
    expect(entry).toEqual({ kind: 'value', value: '74.30' });
  });

  it('reads a cell shown as a percentage as the figure shown: 0.743 as 0.0% is 74.3', async () => {
    const { entry } = await actualAfter('childcare-support-satisfaction', 0.743, '0.0%');
    expect(entry).toEqual({ kind: 'value', value: '74.3' });
    const whole = await actualAfter('childcare-support-satisfaction', 0.75, '0.00%');
    expect(whole.entry).toEqual({ kind: 'value', value: '75.00' });
  });

  it('reads rich text as its text', async () => {
    const { entry } = await actualAfter('births', {
      richText: [{ text: '3' }, { font: { bold: true }, text: '25' }],
    });
    expect(entry).toEqual({ kind: 'value', value: '325' });
  });

  it('refuses a formula with no saved result, a date and an error value, naming each cell', async () => {
    const formula = await actualAfter('births', { formula: 'A1*2' });
    expect(formula.lines).toEqual([
      `シート『実績』のD${formula.row}：計算結果が保存されていない数式が入っています。値を直接書いてください（Excel で開いて保存し直すと、計算結果が保存されます）。`,
    ]);
    const date = await actualAfter('births', new Date('2023-04-01T00:00:00Z'), 'yyyy/m/d');
    expect(date.lines).toEqual([
      `シート『実績』のD${date.row}：日付が入っています。値を直接書いてください。`,
    ]);
    const error = await actualAfter('births', { error: '#DIV/0!' });
    expect(error.lines).toEqual([
      `シート『実績』のD${error.row}：エラー値（#DIV/0!）が入っています。値を直接書いてください。`,
    ]);
  });

  it('places the plan reader’s problems at their cells: a text too long, a NUL', async () => {
    let kpiRow = 0;
    const bytes = await editedMaster((wb) => {
      const kpis = sheet(wb, KPI_SHEET);
      kpiRow = rowOf(kpis, 'B3', 'births');
      kpis.getCell(`D${kpiRow}`).value = 'あ'.repeat(10_000);
      // Excel writes a control character as _xHHHH_ in the file, and exceljs reads it back as the character.
      sheet(wb, PLAN_SHEET).getCell('B3').value = '北本市_x0000_総合戦略';
    });
    const read = await readMaster(bytes);
    expect(read.plan).toBeNull();
    expect(jaLines(read)).toEqual([
      'シート『計画』のB3：4文字目に使えない文字（U+0000、制御文字）があります。取り除いてから、もう一度送信してください。',
      expect.stringMatching(new RegExp(`^シート『KPI』のD${kpiRow}：.{1,200}$`)),
    ]);
  });

  it('places a year the plan reader cannot read at the 年度 cell', async () => {
    let yearRow = 0;
    const bytes = await editedMaster((wb) => {
      const assessments = sheet(wb, ASSESSMENT_SHEET);
      yearRow = rowOf(assessments, 'births', 'R4');
      assessments.getCell(`B${yearRow}`).value = 'R4年度の次';
    });
    const read = await readMaster(bytes);
    expect(read.plan).toBeNull();
    expect(read.problems.map((p) => p.place)).toEqual([{ sheet: '評価', cell: `B${yearRow}` }]);
  });

  it('names the cell of a choice not on the list, an unknown KPI and a series a KPI does not have', async () => {
    const bytes = await editedMaster((wb) => {
      const actuals = sheet(wb, ACTUAL_SHEET);
      actuals.getCell(`E${rowOf(actuals, 'births', null, 'R4')}`).value = 'たぶん';
      actuals.getCell(`A${rowOf(actuals, 'births', null, 'R3')}`).value = 'birth';
      actuals.getCell(`B${rowOf(actuals, 'healthy-life-expectancy-65', '男性', 'R3')}`).value = '男';
    });
    const lines = jaLines(await readMaster(bytes));
    expect(lines).toEqual([
      expect.stringMatching(/^シート『実績』のA\d+：KPI ID「birth」は、シート『KPI』にありません。$/),
      expect.stringMatching(
        /^シート『実績』のE\d+：「たぶん」は選べません。「確定」、「見込」のどれかを選んでください。$/,
      ),
      expect.stringMatching(
        /^シート『実績』のB\d+：数値目標「healthy-life-expectancy-65」に系列「男」はありません。$/,
      ),
    ]);
  });
});
