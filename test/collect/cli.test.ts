import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/files.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';
import { fill } from './support.ts';

describe('shinchoku collect', () => {
  it('makes workbooks from the database, reads them back as a dry run, and applies them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-collect-'));
    const data = ['--data', join(dir, 'db')];
    const out = join(dir, 'out');
    expect((await runCli('import', KITAMOTO_PATH, ...data)).code).toBe(0);

    const made = await runCli('collect', 'make', '--year', 'R5', '--out', out, ...data);
    expect(made).toMatchObject({ code: 0, out: `${join(out, 'R5_未割当.xlsx')}\t未割当\t15 KPIs\n` });
    expect(made.err).toContain('made 1 workbook to collect 令和5年度 for kitamoto-2nd-strategy');
    const again = await runCli('collect', 'make', '--year', 'R5', '--out', out, KITAMOTO_PATH);
    expect(again.code).toBe(73);
    expect(again.err).toContain('R5_未割当.xlsx already exists; no workbook was written.');
    expect(
      (await runCli('collect', 'make', '--year', 'R5', '--out', out, '--force', KITAMOTO_PATH)).code,
    ).toBe(0);

    const path = join(out, 'R5_未割当.xlsx');
    const blank = new Uint8Array(readFileSync(path));
    await writeFileAtomic(path, await fill(blank, { F6: '7,5OO', F11: '３４０' }));
    const refused = await runCli('collect', 'read', path, '--apply', ...data);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'R5_未割当.xlsx: 入力!F6: error: 「7,5OO」 has commas that are not thousands separators; write the number as 3,908 or 3908.',
    );
    expect(refused.err).toContain('R5_未割当.xlsx: 入力!F11: warning: 「３４０」 was read as 340');
    expect(refused.err).toContain('error: 1 error in 1 of 1 workbook; nothing was written.');
    expect(refused.out).toContain('入力!F11    出生数 R5: (none) → 340人');

    await writeFileAtomic(path, await fill(blank, { F6: 7500, F11: '３４０', H11: '見込' }));
    const applied = await runCli('collect', 'read', path, '--apply', ...data);
    expect(applied.err).toContain('applied 2 figures and 0 assessments to kitamoto-2nd-strategy R5');
    expect(applied.code).toBe(0);
    const exported = await runCli('export', ...data);
    expect(exported.out).toMatch(/R5: \{ ?value: 340, state: provisional ?\}/);
    expect(readdirSync(out)).toEqual(['R5_未割当.xlsx']);
  }, 120_000);

  it('explains its usage', async () => {
    expect((await runCli('collect')).code).toBe(2);
    expect((await runCli('collect', 'send')).err).toContain(
      'shinchoku collect takes make or read, not 「send」.',
    );
    expect((await runCli('collect', 'read')).err).toContain('needs the filled workbooks');
    expect((await runCli('collect', 'make', '--out', 'x')).err).toContain('needs --year and --out');
    const missing = await runCli('collect', 'read', '/nowhere/R5.xlsx', '--data', '/nowhere/db');
    expect(missing).toMatchObject({ code: 66 });
    const help = await runCli('help', 'collect');
    expect(help.out).toContain('shinchoku collect make --year R5');
    expect(help.out).toContain('shinchoku collect read FILES...');
  });
});
