import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { COL, address } from '../../src/collect/layout.ts';
import { departmentPlan, file, loadBook, makeFor, rowOf } from './support.ts';

describe('collect make', () => {
  it('writes one workbook per department, with the KPIs without one in the office workbook', async () => {
    const made = await makeFor(departmentPlan(), 2023);
    expect([...made.values()].map((m) => [m.fileName, m.kpis, m.rows])).toEqual([
      ['R5_産業振興課.xlsx', 2, 2],
      ['R5_未割当.xlsx', 9, 10],
      ['R5_子育て支援課.xlsx', 2, 2],
      ['R5_健康推進課.xlsx', 1, 2],
      ['R5_環境課.xlsx', 1, 1],
    ]);
    const sheet = (await loadBook(file(made, 'R5_未割当.xlsx').bytes)).getWorksheet('入力');
    const names = Array.from({ length: 10 }, (_, i) => sheet?.getCell(address(COL.kpi, 6 + i)).value);
    expect(names.filter((n) => n === '地域活動に参加している市民の割合')).toHaveLength(1);
  });

  it('protects the form, unlocks only the inputs and hides its identifiers from Excel menus', async () => {
    const made = await makeFor(departmentPlan(), 2023);
    const bytes = file(made, 'R5_健康推進課.xlsx').bytes;
    const book = await loadBook(bytes);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['記入方法', 'visible'],
      ['入力', 'visible'],
      ['_shinchoku', 'veryHidden'],
    ]);
    const sheet = book.getWorksheet('入力');
    if (!sheet) throw new Error('no input sheet');
    const locked = (column: number, row: number) => sheet.getCell(row, column).protection?.locked !== false;
    const first = await rowOf(bytes, '65歳健康寿命', '男性');
    expect(first).toBe(6);
    for (const column of [COL.value, COL.reason, COL.state, COL.status, COL.text]) {
      expect(locked(column, 6), `column ${column} of the first series`).toBe(false);
    }
    for (const column of [COL.value, COL.reason, COL.state]) expect(locked(column, 7)).toBe(false);
    for (const column of [COL.number, COL.kpi, COL.unit, COL.status, COL.text, COL.baseline, COL.target]) {
      expect(locked(column, 7), `column ${column} of the second series`).toBe(true);
    }
    expect(sheet.getCell(6, COL.baseline).value).toBe('18.43');
    expect(sheet.getCell(6, COL.value).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(7, COL.firstYear).value).toBe('20.91');
    expect(sheet.getCell(7, COL.firstYear + 1).value).toBe('未取得');

    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<sheetProtection sheet="1"/);
    expect(xml).not.toMatch(/hashValue|password=/);
    const validations = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(validations).toEqual(['F6:F7', 'G6:G7', 'H6:H7', 'I6:I7', 'J6:J7']);
    expect(xml).toContain('&quot;未取得,集計中,調査未実施,公表前,事業中止,該当なし（—）&quot;');
    expect(xml).toContain('&quot;確定,見込&quot;');
  });

  it('explains in Japanese how to fill the form in and what not to change', async () => {
    const made = await makeFor(departmentPlan(), 2023);
    const guide = (await loadBook(file(made, 'R5_環境課.xlsx').bytes)).getWorksheet('記入方法');
    const text: string[] = [];
    guide?.eachRow((row) => row.eachCell((cell) => void text.push(String(cell.value))));
    const all = text.join('\n');
    expect(all).toContain('令和5年度 数値目標（KPI）の実績照会');
    expect(all).toContain('黄色のセルだけに記入してください');
    expect(all).toContain('未入力の理由');
    expect(all).toContain('変更しないでください');
    expect(all).toContain('パスワードは設定していません');
  });

  it('fills in what is already stored for the year, so that a reply changes only what it must', async () => {
    const made = await makeFor(departmentPlan(), 2022);
    const bytes = file(made, 'R4_子育て支援課.xlsx').bytes;
    const sheet = (await loadBook(bytes)).getWorksheet('入力');
    const births = await rowOf(bytes, '出生数');
    expect(sheet?.getCell(births, COL.value).value).toBe(325);
    expect(sheet?.getCell(births, COL.state).value).toBe('確定');
    expect(String(sheet?.getCell(births, COL.text).value)).toContain('出生数の増加を図る');
    const health = (await loadBook(file(made, 'R4_健康推進課.xlsx').bytes)).getWorksheet('入力');
    expect(health?.getCell(6, COL.value).value ?? null).toBeNull();
    expect(health?.getCell(6, COL.reason).value).toBe('未取得');
  });
});
