import { expect, it } from 'vitest';
import { readCollected } from '../../src/collect/read/collect.ts';
import { diffText } from '../../src/collect/read/diff-text.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { describeStores } from '../support/stores.ts';
import { formatCollectProblem } from '../../src/collect/read/problem.ts';
import { departmentPlan, file, fill, makeFor, rowOf } from './support.ts';

const NAME = 'R5_健康推進課.xlsx';
const made = makeFor(departmentPlan(), 2023);

describeStores('collect read, the dry run’s diff', (store) => {
  it('names the cell each entry was typed in: a reason in G, a figure in F', async () => {
    await importPlan(store().db, departmentPlan());
    const bytes = await fill(file(await made, NAME).bytes, { F6: 19, G7: '集計中' });
    const report = await readCollected(store().db, [{ name: NAME, bytes }]);
    expect(report.problems).toEqual([]);
    const diff = diffText(report);
    expect(diff).toMatch(/入力!F6 +65歳健康寿命（男性） R5: \(none\) → 19\.00年/);
    expect(diff).toMatch(/入力!G7 +65歳健康寿命（女性） R5: \(none\) → 集計中/);
    expect(diff).not.toContain('入力!F7');
  });

  it('refuses a figure with a qualifier or a reason not on the list, and asks about an odd count', async () => {
    await importPlan(store().db, departmentPlan());
    const name = 'R5_子育て支援課.xlsx';
    const blank = file(await made, name).bytes;
    const births = await rowOf(blank, '出生数');
    const read = async (cells: Record<string, string | number>) =>
      (await readCollected(store().db, [{ name, bytes: await fill(blank, cells) }])).problems.map(
        formatCollectProblem,
      );
    expect(await read({ [`F${births}`]: '約340人' })).toEqual([
      `${name}: 入力!F${births}: error: 「約340人」 is a figure with 「約」; enter the number alone (for example 340). If the figure is approximate, cumulative or provisional, say so in the assessment text.`,
    ]);
    expect(await read({ [`G${births}`]: 'コロナ影響' })).toEqual([
      `${name}: 入力!G${births}: error: 「コロナ影響」 is not one of the reasons G takes (未取得、集計中、調査未実施、公表前、事業中止、未確定); pick one from the list.`,
    ]);
    expect(await read({ [`F${births}`]: 'abc' })).toEqual([
      `${name}: 入力!F${births}: error: 「abc」 is not a number. Enter the figure alone, or leave F empty and pick a reason in G (未入力の理由).`,
    ]);
    const odd = await read({ [`F${births}`]: -3.5 });
    expect(odd).toEqual([
      `${name}: 入力!F${births}: warning: 出生数 R5: -3.5 is below zero, but 人 counts things; check the sign.`,
      `${name}: 入力!F${births}: warning: 出生数 R5: -3.5 has a fraction, but 人 counts whole things; check the figure.`,
      `${name}: 入力!F${births}: warning: 出生数 R5: -3.5 is far from the previous 325; the largest earlier change was 26. Check the figure and its unit.`,
    ]);
    // Births ran 340 (baseline), 351, 325: a step of 26 at most, so 3250 is a jump to confirm.
    expect(await read({ [`F${births}`]: 3250 })).toEqual([
      `${name}: 入力!F${births}: warning: 出生数 R5: 3250 is far from the previous 325; the largest earlier change was 26. Check the figure and its unit.`,
    ]);
  });
});
