import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTUAL_SHEET } from '../../src/collect/master/layout.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { editedMaster, rowOf, sheet, withoutEnglish } from '../collect/master/support.ts';
import { KITAMOTO_PATH, kitamotoPlan } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';

describe('shinchoku and the Excel plan master', () => {
  it('exports a stored plan as a master, and imports the master back as the same plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-master-'));
    const data = ['--data', join(dir, 'db')];
    expect((await runCli('import', KITAMOTO_PATH, ...data)).code).toBe(0);
    const master = join(dir, 'kitamoto.xlsx');
    const exported = await runCli('export', ...data, '--format', 'xlsx', '--out', master);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`not in the workbook: the plan's English texts\nwrote ${master}\n`);
    expect(await runCli('validate', master)).toMatchObject({
      code: 0,
      out: `${master}: OK — 6 goals, 15 KPIs.\n`,
    });
    const yaml = (await runCli('export', ...data)).out;

    expect((await runCli('import', master, '--replace', ...data)).out).toBe(
      'replaced kitamoto-2nd-strategy: 6 goals, 15 KPIs\n',
    );
    // The same plan but for its English, which the master has no cell for.
    const again = (await runCli('export', ...data)).out;
    expect(again).toBe(planToYaml(withoutEnglish(kitamotoPlan())));
    expect(again).not.toBe(yaml);
  }, 120_000);

  it('writes the template, and lists a broken master’s problems at their sheets and cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-master-'));
    const template = join(dir, 'template.xlsx');
    expect((await runCli('export', '--template', '--out', template)).code).toBe(0);
    const empty = await runCli('validate', template);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain(
      `${template}: sheet 計画, B3: error: 「計画名」 is empty; it must be filled in.`,
    );

    let row = 0;
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(
      broken,
      await editedMaster((wb) => {
        const actuals = sheet(wb, ACTUAL_SHEET);
        row = rowOf(actuals, 'births', null, 'R4');
        actuals.getCell(`D${row}`).value = '約325人';
      }),
    );
    const refused = await runCli('import', broken, '--data', join(dir, 'db'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${broken}: sheet 実績, D${row}: error:`);
    expect(await runCli('export', '--format', 'xlsx')).toMatchObject({ code: 2 });
  }, 120_000);

  it('names a master that is not there, or is a folder, with the path given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-master-'));
    const missing = await runCli('validate', join(dir, 'none.xlsx'));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain(`There is no file ${join(dir, 'none.xlsx')}.`);
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const notFile = await runCli('validate', folder);
    expect(notFile.code).not.toBe(0);
    expect(notFile.err).toContain(`${folder} is not a file.`);
  });
});
