import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';

describe('shinchoku import / export / plans', () => {
  it('round-trips a plan through the embedded database byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-cli-'));
    const data = ['--data', join(dir, 'nested', 'db')];
    expect(await runCli('import', KITAMOTO_PATH, ...data)).toMatchObject({
      code: 0,
      out: 'imported kitamoto-2nd-strategy: 6 goals, 15 KPIs\n',
    });
    const again = await runCli('import', KITAMOTO_PATH, ...data);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--replace');
    const first = await runCli('export', ...data);
    expect(first.code).toBe(0);
    const exported = join(dir, 'exported.yaml');
    expect((await runCli('export', ...data, '--out', exported)).code).toBe(0);
    expect(readFileSync(exported, 'utf8')).toBe(first.out);
    expect((await runCli('import', exported, '--replace', ...data)).out).toContain('replaced');
    const second = await runCli('export', ...data, '--plan', 'kitamoto-2nd-strategy');
    expect(second.out).toBe(first.out);
    expect((await runCli('plans', ...data)).out).toContain('kitamoto-2nd-strategy  北本市');
    expect((await runCli('export', ...data, '--plan', 'nowhere')).err).toContain(
      'No plan has the id nowhere',
    );
  }, 120_000);
});
