import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ShinchokuError } from '../../src/core/errors.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';
import { launchPdfPrinter, type PdfPrinter } from '../../src/render/pdf/printer.ts';
import { buildDeck } from '../../src/render/slides.ts';
import { kitamotoR4, SEED_PATH } from '../support/kitamoto.ts';

const REFERENCE_DIR = join(import.meta.dirname, 'reference');
/** Share of a page's pixels that may differ before the page counts as changed: anti-aliasing, not layout. */
const PIXEL_TOLERANCE = 0.01;

const evaluation = kitamotoR4();
const work = mkdtempSync(join(tmpdir(), 'shinchoku-pdf-'));
const pdfPath = { ja: join(work, 'report-ja.pdf'), en: join(work, 'report-en.pdf') };
let printer: PdfPrinter;

const run = (command: string, ...args: string[]): string => execFileSync(command, args, { encoding: 'utf8' });

beforeAll(async () => {
  printer = await launchPdfPrinter();
  // One browser prints both documents, one after the other, as the report command does.
  for (const lang of ['ja', 'en'] as const) {
    writeFileSync(pdfPath[lang], await printer.print(renderReportHtml(evaluation, messagesFor(lang))));
  }
}, 60_000);

afterAll(async () => {
  await printer?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The seed's figures, row by row, read from its tab-separated tables: every cell but the names and
 * categories (words, not figures), split where the seed puts a space (男性：18.43年 女性：20.72年), and the
 * closing slide's lone rate.
 */
function seedFigureRows(seed: string): string[][] {
  const rows: string[][] = [];
  let firstFigure = 1;
  for (const line of seed.split('\n').map((l) => l.trim())) {
    const cells = line.split('\t');
    if (cells.length > 1 && cells[0] === '数値目標') {
      firstFigure = cells.includes('区分') ? 2 : 1;
    } else if (cells.length > 1) {
      rows.push(cells.slice(firstFigure).flatMap((cell) => cell.split(/\s+/)));
    } else if (/^-?[\d,.]+%$/.test(line)) {
      rows.push([line]);
    }
  }
  return rows;
}

/**
 * Finds each row's figures in order, each row after the one before and close together, so a figure
 * missing from one row cannot be made up for by the same text further on.
 */
function findInOrder(rows: readonly string[][], tokens: readonly string[]): string[] {
  const problems: string[] = [];
  let from = 0;
  for (const row of rows) {
    let matched: number[] | null = null;
    for (
      let start = tokens.indexOf(row[0] ?? '', from);
      start >= 0;
      start = tokens.indexOf(row[0] ?? '', start + 1)
    ) {
      const positions = [start];
      for (const token of row.slice(1)) {
        const at = tokens.indexOf(token, (positions.at(-1) ?? 0) + 1);
        if (at < 0) break;
        positions.push(at);
      }
      if (positions.length === row.length && (positions.at(-1) ?? 0) - start < row.length + 6) {
        matched = positions;
        break;
      }
    }
    if (matched) from = (matched.at(-1) ?? 0) + 1;
    else problems.push(`not found in order after token ${from}: ${row.join(' ')}`);
  }
  return problems;
}

describe('the PDF report', () => {
  it('has one 16:9 page per slide of the deck', () => {
    const info = run('pdfinfo', pdfPath.ja);
    expect(info).toMatch(
      new RegExp(`^Pages:\\s+${buildDeck(evaluation, messagesFor('ja')).slides.length}$`, 'm'),
    );
    expect(info).toMatch(/^Page size:\s+960 x 540 pts/m);
  });

  it('embeds every font it uses, Noto Sans JP among them', () => {
    const fonts = run('pdffonts', pdfPath.ja).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    expect(fonts.some((f) => f.includes('NotoSansJP'))).toBe(true);
  });

  it("contains every figure of the seed, in the seed's order", () => {
    const rows = seedFigureRows(readFileSync(SEED_PATH, 'utf8'));
    expect(rows.flat()).toEqual(
      expect.arrayContaining(['431.5万円', '(H30)', '-670.6%', '3,908件', '未達成', '26.7%']),
    );
    expect(rows.flat().length).toBeGreaterThan(100);
    // -raw keeps the order the page draws its text in, which is the document's order, cell by cell.
    const tokens = run('pdftotext', '-raw', '-enc', 'UTF-8', pdfPath.ja, '-').split(/\s+/);
    expect(findInOrder(rows, tokens)).toEqual([]);
  });

  it('would notice a figure missing or out of place', () => {
    const rows = [
      ['431.5万円', '-670.6%'],
      ['—', '1.24倍'],
    ];
    const tokens = ['431.5万円', 'x', '-670.6%', '名前', '—', '1.24倍'];
    expect(findInOrder(rows, tokens)).toEqual([]);
    expect(
      findInOrder(
        rows,
        tokens.filter((t) => t !== '-670.6%'),
      ),
    ).toHaveLength(1);
    expect(findInOrder([rows[1] ?? [], rows[0] ?? []], tokens)).toHaveLength(1);
    expect(findInOrder(rows, [...tokens.slice(0, 5), ...Array<string>(20).fill('x'), '1.24倍'])).toHaveLength(
      1,
    );
  });

  it('prints several documents with one browser', () => {
    const text = run('pdftotext', '-raw', '-enc', 'UTF-8', pdfPath.en, '-');
    expect(text).toContain('Overall achievement');
    expect(text).toContain('26.7%');
  });

  it('looks as the committed reference pages do', () => {
    const pages = join(work, 'pages');
    mkdirSync(pages);
    run('pdftoppm', '-r', '40', '-png', pdfPath.ja, join(pages, 'page'));
    const files = readdirSync(pages).sort();
    const problems: string[] = [];
    files.forEach((file, i) => {
      const name = `report-ja-${String(i + 1).padStart(2, '0')}`;
      const reference = join(REFERENCE_DIR, `${name}.png`);
      const changed = join(REFERENCE_DIR, `${name}-changed.png`);
      const actual = PNG.sync.read(readFileSync(join(pages, file)));
      if (!existsSync(reference)) {
        if (process.env.CI)
          problems.push(`${name}: no reference; run the tests locally to write it, then commit it`);
        else copyFileSync(join(pages, file), reference);
        return;
      }
      const expected = PNG.sync.read(readFileSync(reference));
      const sameSize = expected.width === actual.width && expected.height === actual.height;
      const differing = sameSize
        ? pixelmatch(expected.data, actual.data, undefined, actual.width, actual.height, { threshold: 0.1 }) /
          (actual.width * actual.height)
        : 1;
      if (differing < PIXEL_TOLERANCE) {
        rmSync(changed, { force: true });
      } else {
        copyFileSync(join(pages, file), changed);
        problems.push(`${name}: ${(differing * 100).toFixed(2)}% of pixels differ; see ${changed}`);
      }
    });
    const extra = readdirSync(REFERENCE_DIR).filter(
      (f) => /^report-ja-\d+\.png$/.test(f) && Number(f.slice(10, -4)) > files.length,
    );
    for (const f of extra) problems.push(`${f}: the reference has a page the PDF no longer has`);
    expect(problems).toEqual([]);
  });

  it('says how to install Chromium when it is missing', async () => {
    const missing = join(work, 'no-chromium');
    expect(() => chromiumPath(missing)).toThrow(ShinchokuError);
    vi.stubEnv('SHINCHOKU_CHROMIUM', missing);
    try {
      const error = await launchPdfPrinter().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShinchokuError);
      expect(error).toMatchObject({ id: 'browser-missing', exitCode: 69, httpStatus: 503 });
      expect((error as ShinchokuError).message).toContain(missing);
      expect((error as ShinchokuError).message).toContain('apt-get install chromium fonts-noto-cjk');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
