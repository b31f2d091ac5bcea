import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { messagesFor } from '../../src/render/messages.ts';
import { renderReportPptx } from '../../src/render/pptx/report.ts';
import { buildDeck } from '../../src/render/slides.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

/**
 * The PowerPoint report opens in LibreOffice Impress: converted to PDF, it has a page per slide, the
 * tables' text, and the native charts drawn with their labels. A fresh profile per run keeps parallel runs from fighting over LibreOffice's lock.
 */

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'shinchoku-pptx-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('opens in LibreOffice Impress with a page per slide', async () => {
  const evaluation = kitamotoR4();
  const messages = messagesFor('ja');
  const file = join(dir, 'report.pptx');
  writeFileSync(file, await renderReportPptx(evaluation, messages));
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 90_000 },
  );
  const pdf = join(dir, 'report.pdf');
  const { stdout: info } = await run('pdfinfo', [pdf]);
  expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBe(buildDeck(evaluation, messages).slides.length);
  const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
  for (const figure of ['-670.6%', '431.5', '26.7%', '未取得']) expect(text).toContain(figure);
  // The native charts are drawn, their labels in the chart's number formats: words, separators, places.
  // A label may wrap before its year where the face is wider (LibreOffice breaks it as PowerPoint may).
  expect(text).toMatch(/基準値\s+431\.5\s+\(H30\)/);
  expect(text).toMatch(/基準値\s+-40\s+\(H30/);
  expect(text).toMatch(/目標値\s+246,500/);
  expect(text).toMatch(/目標値\s+21\.50/);
  for (const label of ['254,000', '7,295', '18.88']) expect(text).toContain(label);
  // The pace in words below a chart.
  // (pdftotext puts a space between Latin and Japanese script: 343.8 万円.)
  expect(text).toMatch(/このままのペースでは R7 に 343\.8\s*万円（目標 438\.3\s*万円）の見込み/);
}, 120_000);
