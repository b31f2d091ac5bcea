import { expect, it } from 'vitest';
import { readCollected } from '../../src/collect/read/collect.ts';
import { diffText } from '../../src/collect/read/diff-text.ts';
import { formatCollectProblem } from '../../src/collect/read/problem.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { describeStores } from '../support/stores.ts';
import { departmentPlan, file, fill, loadBook, makeFor, type CellInput } from './support.ts';

const NAME = 'R5_健康推進課.xlsx';
const made = makeFor(departmentPlan(), 2023);

/** Each case: what is typed into the 65歳健康寿命 rows, and the one problem it should raise. */
const CASES: [Record<string, CellInput>, string][] = [
  [
    { F6: true as unknown as CellInput },
    '入力!F6: error: the cell holds TRUE; enter the figure itself as a number.',
  ],
  [
    { F6: 18.9, G6: '未取得' },
    'F6: error: both the figure (F6) and a reason for its absence (G6) are filled in',
  ],
  [{ G6: 340 }, 'G6: error: the cell holds the number 340; a figure goes in F, and G takes only a reason'],
  [{ G6: '18.9' }, 'G6: error: 「18.9」 is a figure; enter it in F (実績値) and leave G empty.'],
  [
    { F6: 18.9, H6: '仮' },
    'H6: error: 「仮」 is neither 確定 nor 見込; pick one from the list (empty means 確定).',
  ],
  [{ I6: '順調', J6: null }, 'I6: error: a status phrase needs the assessment itself in J.'],
  [
    { J6: 'あ'.repeat(4001) },
    'J6: error: this text is 4,001 characters long; an assessment may be at most 4,000.',
  ],
  [
    { I6: '順'.repeat(101), J6: '延伸している' },
    'I6: error: this text is 101 characters long; a status phrase may be at most 100.',
  ],
  // Excel writes a control character in a cell as _x0007_, which the workbook reader turns back into it.
  [
    { J6: '延伸_x0007_している' },
    'J6: error: this text has a control character (U+0007) at character 3 of the text',
  ],
  [
    { G6: '未取得_x0000_' },
    'G6: error: this text has a control character (U+0000) at character 4 of the text',
  ],
  [{ G6: '未'.repeat(101) }, 'G6: error: this text is 101 characters long; a figure or the reason'],
  [{ F6: 1234567890123456 }, 'F6: error: 1234567890123456 has more than 15 significant digits'],
  [{ F6: '18.9年' }, 'F6: warning: 「18.9年」 was read as 18.9: the unit 年 was removed.'],
  [{ H6: '見込' }, 'H6: warning: 見込 is given but there is no figure; it is ignored.'],
  [
    { F6: '18.9kg' },
    "F6: error: 「18.9kg」 ends in 「kg」, but the KPI's unit is 年; enter the number alone.",
  ],
];

describeStores('collect read, cell by cell', (store) => {
  it('names the cell and what it expected for every kind of slip', async () => {
    await importPlan(store().db, departmentPlan());
    const blank = file(await made, NAME).bytes;
    for (const [cells, expected] of CASES) {
      const report = await readCollected(store().db, [{ name: NAME, bytes: await fill(blank, cells) }]);
      const problems = report.problems.map(formatCollectProblem);
      expect(problems, JSON.stringify(cells).slice(0, 80)).toHaveLength(1);
      expect(problems[0]).toContain(`${NAME}: 入力!${expected.replace(/^入力!/, '')}`);
    }
  });

  it('refuses formulas and dates in the figure cell, and reads a figure with its shown decimals', async () => {
    await importPlan(store().db, departmentPlan());
    const book = await loadBook(file(await made, NAME).bytes);
    const sheet = book.getWorksheet('入力');
    if (!sheet) throw new Error('no input sheet');
    sheet.getCell('F6').value = { formula: 'K6*1', result: 18 };
    // Excel turns 5/3 typed into a General cell into a date, and the cell's format with it.
    sheet.getCell('F7').value = new Date('2024-05-03T00:00:00Z');
    sheet.getCell('F7').numFmt = 'yyyy/m/d';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const report = await readCollected(store().db, [{ name: NAME, bytes }]);
    expect(report.problems.map(formatCollectProblem)).toEqual([
      `${NAME}: 入力!F6: error: the cell holds a formula; enter the figure itself as a number.`,
      `${NAME}: 入力!F7: error: the cell holds a date; enter the figure itself as a number.`,
    ]);
    const typed = await readCollected(store().db, [
      { name: NAME, bytes: await fill(file(await made, NAME).bytes, { F6: 19, G7: ' 集計中 ', H7: '見込' }) },
    ]);
    expect(typed.problems).toEqual([]);
    expect(diffText(typed)).toContain('65歳健康寿命（男性） R5: (none) → 19.00年');
    expect(diffText(typed)).toContain('65歳健康寿命（女性） R5: (none) → 集計中 (見込)');
  });
});
