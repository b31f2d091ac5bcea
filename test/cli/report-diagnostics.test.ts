import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pptxLines } from '../support/sentences.ts';
import { runCli } from '../support/io.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';

describe('shinchoku report --diagnostics', () => {
  it('leaves the reviewers’ 点検事項 out by default and adds them on request', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'shinchoku-report-'));
    const draft = mkdtempSync(join(tmpdir(), 'shinchoku-report-'));
    const args = [KITAMOTO_PATH, '--year', 'R4', '--format', 'html,pptx'];
    expect((await runCli('report', ...args, '--out', plain)).code).toBe(0);
    expect((await runCli('report', ...args, '--out', draft, '--diagnostics')).code).toBe(0);

    const html = (dir: string) => readFileSync(join(dir, 'report-R4.html'), 'utf8');
    const pptx = async (dir: string) =>
      (await pptxLines(readFileSync(join(dir, 'report-R4.pptx')))).join('\n');
    expect(html(plain)).not.toContain('点検事項');
    expect(await pptx(plain)).not.toContain('点検事項');
    expect(html(draft)).toMatch(/>点検事項</);
    expect(html(draft)).toContain(
      '地域活動に参加している市民の割合：基本目標 4と横断的な目標 1に再掲されています。',
    );
    expect(await pptx(draft)).toContain('点検事項');
  }, 120_000);
});
