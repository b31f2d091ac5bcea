import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFormats } from '../../src/cli/commands/report.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';

const outDir = () => mkdtempSync(join(tmpdir(), 'shinchoku-report-'));

describe('shinchoku report', () => {
  const saved = process.env.SHINCHOKU_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.SHINCHOKU_CHROMIUM;
    else process.env.SHINCHOKU_CHROMIUM = saved;
  });

  it('writes every format from one evaluation, reporting each step on the terminal', async () => {
    const out = outDir();
    const run = await runCli('report', KITAMOTO_PATH, '--year', 'R4', '--out', out);
    expect(run.code).toBe(0);
    const files = ['html', 'pdf', 'pptx', 'xlsx'].map((ext) => join(out, `report-R4.${ext}`));
    expect(run.out).toBe(files.map((f) => `${f}\n`).join(''));
    for (const file of files) expect(existsSync(file)).toBe(true);
    expect(run.err).toContain('Starting the browser…');
    expect(run.err).toMatch(/wrote .*report-R4\.pdf \(\d+ KB\) \(\d+\.\d s\)/);
    expect(readFileSync(files[0] as string, 'utf8')).toContain('26.7%');
    expect(
      readFileSync(files[1] as string)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 180_000);

  it('still writes the other formats when Chromium is missing, and says how to install it', async () => {
    process.env.SHINCHOKU_CHROMIUM = '/nonexistent/chromium';
    const out = outDir();
    const run = await runCli('report', KITAMOTO_PATH, '--out', out, '--format', 'pdf,html,pptx');
    expect(run.code).toBe(69);
    expect(run.err).toContain('apt-get install chromium fonts-noto-cjk');
    expect(existsSync(join(out, 'report-R4.html'))).toBe(true);
    expect(existsSync(join(out, 'report-R4.pptx'))).toBe(true);
    expect(existsSync(join(out, 'report-R4.pdf'))).toBe(false);
  }, 120_000);

  it('names English reports apart from Japanese ones', async () => {
    const out = outDir();
    const run = await runCli('report', KITAMOTO_PATH, '--out', out, '--format', 'html', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'report-R4-en.html'), 'utf8')).toContain('lang="en"');
  }, 60_000);

  it('takes a list of formats and refuses unknown ones', async () => {
    expect(parseFormats('xlsx, HTML')).toEqual(['html', 'xlsx']);
    expect(() => parseFormats('docx')).toThrow(/--format takes html, pdf, pptx, xlsx/);
    expect((await runCli('report', KITAMOTO_PATH, '--format', 'docx')).code).toBe(2);
  });
});
