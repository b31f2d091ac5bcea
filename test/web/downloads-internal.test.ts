import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPdfPrinter, type PdfPrinter } from '../../src/render/pdf/printer.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { pptxLines, xlsxLines } from '../support/sentences.ts';
import { KITAMOTO, publishedKitamoto, testApp } from '../support/web.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The reviewers' 点検事項 pages comment on the city's own wording: they belong to staff drafts and
 * `report --diagnostics`, never to what citizens download. Kitamoto R4 has diagnostics to show, so a
 * download that carried them would have them.
 */
const R4 = `/plans/${KITAMOTO}/R4`;
const INTERNAL = {
  ja: ['点検事項', '要確認', '大きく変動しています'],
  en: ['Points to check', 'moves far from'],
};

describe('public downloads', () => {
  let store: Store;
  let printer: PdfPrinter;
  const work = mkdtempSync(join(tmpdir(), 'shinchoku-internal-'));
  beforeAll(async () => {
    store = await openStore({ dataDir: null });
    await publishedKitamoto(store);
    printer = await launchPdfPrinter();
  }, 60_000);
  afterAll(async () => {
    await printer?.close();
    await store?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const download = async (file: string, lang: 'ja' | 'en') => {
    const app = testApp(store, { printer: async () => printer });
    const res = await app.request(`${R4}/${file}${lang === 'en' ? '?lang=en' : ''}`);
    expect(res.status, file).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  const textOf = async (file: string, bytes: Uint8Array): Promise<string> => {
    if (file.endsWith('.pptx')) return (await pptxLines(bytes)).join('\n');
    if (file.endsWith('.xlsx')) return (await xlsxLines(bytes)).join('\n');
    if (file.endsWith('.pdf')) {
      const path = join(work, 'report.pdf');
      writeFileSync(path, bytes);
      return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    }
    return new TextDecoder().decode(bytes);
  };

  it.each([
    ['report.html', 'ja'],
    ['report.html', 'en'],
    ['report.pdf', 'ja'],
    ['report.pptx', 'ja'],
    ['report.xlsx', 'ja'],
  ] as const)(
    '%s (%s) has no 点検事項',
    async (file, lang) => {
      const text = await textOf(file, await download(file, lang));
      // The report itself is there.
      expect(text).toContain(lang === 'ja' ? '全体の達成状況' : 'Overall achievement');
      for (const word of INTERNAL[lang]) expect(text).not.toContain(word);
    },
    120_000,
  );
});
