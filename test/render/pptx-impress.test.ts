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
 * The PowerPoint report opens in LibreOffice Impress: converted to PDF, it has a page per slide and
 * the tables' text. A fresh profile per run keeps parallel runs from fighting over LibreOffice's lock.
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
}, 120_000);
