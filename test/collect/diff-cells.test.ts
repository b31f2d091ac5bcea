import { expect, it } from 'vitest';
import { readCollected } from '../../src/collect/read/collect.ts';
import { diffText } from '../../src/collect/read/diff-text.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { describeStores } from '../support/stores.ts';
import { departmentPlan, file, fill, makeFor } from './support.ts';

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
});
