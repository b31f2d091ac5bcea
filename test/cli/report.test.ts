import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('refuses an --out where no folder can be made, at once and without spinning', async () => {
    // Node's recursive mkdir retried for ever under /proc; the folder check now ends in a clear refusal.
    const run = await runCli('report', KITAMOTO_PATH, '--out', '/proc/shinchoku-report', '--format', 'html');
    expect(run.code).toBe(73);
    expect(run.err).toContain('Could not create the folder /proc/shinchoku-report');
    expect(run.err).not.toContain('Rendering HTML');
  }, 20_000);

  it('refuses an --out that names a file with the output-unwritable code, not an internal error', async () => {
    const file = join(outDir(), 'a-file');
    writeFileSync(file, 'kept');
    const run = await runCli('report', KITAMOTO_PATH, '--out', file, '--format', 'html');
    expect(run.code).toBe(73);
    expect(run.err).toContain(`--out ${file} is a file`);
    expect(readFileSync(file, 'utf8')).toBe('kept');
    const nested = await runCli('report', KITAMOTO_PATH, '--out', join(file, 'sub'), '--format', 'html');
    expect(nested.code).toBe(73);
  }, 20_000);

  it('takes a list of formats and refuses unknown ones', async () => {
    expect(parseFormats('xlsx, HTML')).toEqual(['html', 'xlsx']);
    expect(() => parseFormats('docx')).toThrow(/--format takes html, pdf, pptx, xlsx/);
    expect((await runCli('report', KITAMOTO_PATH, '--format', 'docx')).code).toBe(2);
  });
});
