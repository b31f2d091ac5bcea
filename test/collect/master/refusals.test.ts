import { describe, expect, it } from 'vitest';
import { ACTUAL_SHEET, KPI_SHEET } from '../../../src/collect/master/layout.ts';
import { readPlanMaster } from '../../../src/collect/master/read.ts';
import { makePlanMaster } from '../../../src/collect/master/write.ts';
import { handMadeZip, partsOf, zipParts } from '../zip.ts';
import { editedMaster, jaLines, kitamotoMaster, NOW, readMaster, rowOf, sheet } from './support.ts';

const refusedWith = async (bytes: Uint8Array, name = 'master.xlsx', size?: number) => {
  const started = performance.now();
  const read = await readPlanMaster({ name, bytes, ...(size ? { size } : {}) });
  expect(read.plan).toBeNull();
  // Every refusal comes quickly: the checks run before anything is expanded or parsed.
  expect(performance.now() - started).toBeLessThan(10_000);
  return jaLines(read);
};

describe('the plan master refuses what it cannot take, saying where', () => {
  it('refuses a file that is not an xlsx, an empty file and an oversized one unread', async () => {
    expect(await refusedWith(new TextEncoder().encode('plan:\n  title: x\n'))).toEqual([
      'ファイル全体：Excel ブック（.xlsx）ではありません。計画表を「Excel ブック (*.xlsx)」の形式で保存して取り込んでください。',
    ]);
    expect(await refusedWith(new Uint8Array(0))).toHaveLength(1);
    expect(await refusedWith(new Uint8Array(16), 'big.xlsx', 11 * 1024 * 1024)).toEqual([
      'ファイル全体：ファイルの大きさが11.0MBあります。計画表は10.0MBまでです。',
    ]);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = handMadeZip([{ name: 'xl/sharedStrings.xml', content: new Uint8Array(60 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect((await refusedWith(bomb))[0]).toMatch(/^ファイル全体：.*安全のため受け付けません。$/);
  });

  it('refuses a sheet with 100,000 rows before parsing it', async () => {
    const parts: Map<string, Uint8Array | string> = await partsOf(await kitamotoMaster());
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`,
    );
    parts.set(
      'xl/worksheets/sheet5.xml',
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    expect(await refusedWith(await zipParts(parts))).toEqual([
      'ファイル全体：シート（xl/worksheets/sheet5.xml）が100,000行あります。計画表の各シートは10,000行までです。',
    ]);
  });

  it('names a missing sheet and a missing header', async () => {
    const noSheet = await editedMaster((wb) => wb.removeWorksheet(sheet(wb, ACTUAL_SHEET).id));
    expect(await refusedWith(noSheet)).toEqual([
      'ファイル全体：シート「実績」がありません。計画表には「計画」「目標」「KPI」「実績」「評価」の5つのシートが必要です。様式をダウンロードして確かめてください。',
    ]);
    const noHeader = await editedMaster((wb) => (sheet(wb, KPI_SHEET).getCell('I1').value = '基準値'));
    expect(await refusedWith(noHeader)).toEqual([
      'シート『KPI』：1行目に見出し「現状値」がありません。見出しの文字は様式のまま残してください（列の順番は入れ替えても読み取れます）。',
    ]);
  });

  it('reads columns by their headers, wherever they stand', async () => {
    const moved = await editedMaster((wb) => {
      const actuals = sheet(wb, ACTUAL_SHEET);
      actuals.spliceColumns(1, 0, ['メモ']);
    });
    const read = await readMaster(moved);
    expect(jaLines(read)).toEqual([]);
    expect(read.plan?.kpis.get('births')?.series[0]?.actuals.get(2022)).toEqual({
      kind: 'value',
      value: '325',
    });
  });

  it('lists the empty template’s required cells, each at its cell', async () => {
    const template = await makePlanMaster(null, NOW);
    expect(await refusedWith(template.bytes)).toEqual([
      'シート『計画』のB3：「計画名」が空欄です。記入してください。',
      'シート『計画』のB4：「自治体名」が空欄です。記入してください。',
      'シート『計画』のB5：「計画期間（開始年度）」が空欄です。記入してください。',
      'シート『計画』のB6：「計画期間（終了年度）」が空欄です。記入してください。',
      expect.stringMatching(/^シート『目標』：/),
    ]);
  });

  it('checks the rows of a KPI: series together, the same KPI cells, a 再掲 row with its id alone', async () => {
    const bytes = await editedMaster((wb) => {
      const kpis = sheet(wb, KPI_SHEET);
      const women = rowOf(kpis, 'B4', 'healthy-life-expectancy-65', '女性');
      kpis.getCell(`D${women}`).value = '65歳健康寿命（女性）';
      const shared = rowOf(kpis, 'X1', 'community-activity-participation');
      kpis.getCell(`F${shared}`).value = '%';
    });
    expect(await refusedWith(bytes)).toEqual([
      expect.stringMatching(
        /^シート『KPI』のF\d+：数値目標「community-activity-participation」はほかの目標で定義されています。/,
      ),
      expect.stringMatching(
        /^シート『KPI』のD\d+：「数値目標」が、数値目標「healthy-life-expectancy-65」の最初の行と違います。/,
      ),
    ]);
  });

  it('lists at most 200 problems of a sheet of bad rows, and counts the rest', async () => {
    const bytes = await editedMaster((wb) => {
      const actuals = sheet(wb, ACTUAL_SHEET);
      for (let r = 100; r < 600; r++) actuals.getRow(r).values = ['no-such-kpi', null, 'R4', 1];
    });
    const read = await readMaster(bytes);
    expect(read.problems).toHaveLength(200);
    expect(read.unlisted).toBe(300);
  });
});
