import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/core/evaluation.ts';
import { explainScore } from '../../src/core/explain.ts';
import { kpiChartDescription } from '../../src/render/chart.ts';
import { kpiChartModel, kpiChartStatements } from '../../src/render/chart-model.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { renderReportPptx } from '../../src/render/pptx/report.ts';
import { buildDeck, type Deck, type Slide } from '../../src/render/slides.ts';
import { expectGolden } from '../support/golden.ts';
import { kitamotoR4, SEED_PATH } from '../support/kitamoto.ts';

/**
 * The PowerPoint report read back from its slide XML: every table cell the deck lays out, in slide
 * order, the seed's figures in the seed's order, and the text of every slide against a golden file.
 */

type Table = string[][];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? '';
  });

const all = (xml: string, pattern: RegExp): string[] => xml.match(pattern) ?? [];

/** A text body's paragraphs, each its runs' text with soft breaks as newlines. */
function paragraphs(xml: string): string[] {
  return all(xml, /<a:p>[\s\S]*?<\/a:p>/g).map((p) =>
    all(p, /<a:t>[^<]*<\/a:t>|<a:br\/>/g)
      .map((t) => (t === '<a:br/>' ? '\n' : decode(t.slice(5, -6))))
      .join(''),
  );
}

/** Each table on a slide, as rows of cells; a cell's paragraphs joined by newlines. */
function tables(xml: string): Table[] {
  return all(xml, /<a:tbl>[\s\S]*?<\/a:tbl>/g).map((tbl) =>
    all(tbl, /<a:tr [\s\S]*?<\/a:tr>/g).map((tr) =>
      all(tr, /<a:tc>[\s\S]*?<\/a:tc>/g).map((tc) => paragraphs(tc).join('\n')),
    ),
  );
}

/**
 * A slide's text, shape by shape in drawing order: text boxes by paragraph, tables by row, pictures
 * and charts by alt text.
 */
function slideText(xml: string): string[] {
  return all(
    xml,
    /<p:sp>[\s\S]*?<\/p:sp>|<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>|<p:pic>[\s\S]*?<\/p:pic>/g,
  ).flatMap((shape) => {
    if (shape.startsWith('<p:pic>')) return [`[picture] ${decode(/descr="([^"]*)"/.exec(shape)?.[1] ?? '')}`];
    if (shape.includes('<c:chart ')) return [`[chart] ${decode(/descr="([^"]*)"/.exec(shape)?.[1] ?? '')}`];
    if (shape.startsWith('<p:graphicFrame>'))
      return tables(shape).flatMap((t) =>
        t.map((row) => `| ${row.map((c) => c.replace(/\n/g, ' ↵ ')).join(' | ')} |`),
      );
    return paragraphs(shape).filter((p) => p !== '');
  });
}

async function partsOf(file: Buffer, folder: string, name: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const pattern = new RegExp(`^ppt/${folder}/${name}(\\d+)\\.xml$`);
  const parts = Object.keys(zip.files)
    .map((path) => ({ path, n: Number(pattern.exec(path)?.[1] ?? NaN) }))
    .filter((p) => !Number.isNaN(p.n))
    .sort((a, b) => a.n - b.n);
  return Promise.all(parts.map((p) => zip.file(p.path)?.async('string') ?? ''));
}

const slidesOf = (file: Buffer) => partsOf(file, 'slides', 'slide');

/** What the deck puts in each slide's table, if it has one. */
function expectedTables(slide: Slide): Table[] {
  switch (slide.kind) {
    case 'goal':
      return slide.table
        ? [[[...slide.table.header], ...slide.table.rows.map((r) => r.cells.map((c) => c.lines.join('\n')))]]
        : [];
    case 'summary':
      return [[[...slide.table.header], ...slide.table.rows.map((r) => [r.label, ...r.statuses, r.rate])]];
    case 'diagnostics':
      return [slide.items.map((item) => [item.label, item.text])];
    default:
      return [];
  }
}

/** The seed's figures, table by table and row by row: each year's cell, progress, status and rate. */
function seedFigures(): string[] {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const figures = seed
    .split('\n')
    .filter((line) => line.includes('\t') && !line.startsWith('数値目標\t'))
    .flatMap((line) => {
      const cells = line.split('\t');
      const summaryRow = /^(基本目標|横断的な目標) \d+$/.test(cells[0] ?? '');
      return cells
        .slice(summaryRow ? 1 : 2)
        .flatMap((cell) => (/^\S+：\S+( \S+：\S+)+$/.test(cell) ? cell.split(' ') : [cell]));
    });
  const closing = /(\d+(\.\d+)?%)\s*$/.exec(seed)?.[1];
  return closing ? [...figures, closing] : figures;
}

function expectInOrder(text: string, tokens: readonly string[]): void {
  let from = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, from);
    expect(at, `「${token}」 after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + token.length;
  }
}

describe('renderReportPptx: Kitamoto R4', () => {
  let evaluation: Evaluation;
  let deck: Deck;
  let file: Buffer;
  let slides: string[];

  beforeAll(async () => {
    evaluation = kitamotoR4();
    // The reviewers' draft, with its 点検事項 page.
    deck = buildDeck(evaluation, messagesFor('ja'), { diagnostics: true });
    file = await renderReportPptx(evaluation, messagesFor('ja'), { diagnostics: true });
    slides = await slidesOf(file);
  }, 60_000);

  it('has one 16:9 slide per deck slide', async () => {
    expect(slides).toHaveLength(deck.slides.length);
    const presentation =
      (await (await JSZip.loadAsync(file)).file('ppt/presentation.xml')?.async('string')) ?? '';
    expect(presentation).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
  });

  it('holds every goal table, the summary and the diagnostics as native tables, cell for cell, in slide order', () => {
    expect(slides.map(tables)).toEqual(deck.slides.map(expectedTables));
    expect(slides.flatMap(tables).length).toBeGreaterThan(evaluation.goals.length);
  });

  it("prints the seed's figures in the seed's order", () => {
    const text = slides.flatMap(slideText).join('\n');
    const figures = seedFigures();
    expect(figures).toEqual(expect.arrayContaining(['-670.6%', '男性：18.43年', '431.5万円 (H30)', '26.7%']));
    expectInOrder(text, figures);
  });

  it('puts the running head on every slide but the title', () => {
    const heads = slides.map((xml) => slideText(xml).includes(deck.runningHead));
    expect(heads).toEqual(deck.slides.map((s) => s.kind !== 'title'));
  });

  it('draws each KPI chart as a native chart, no picture, with its description as alt text', async () => {
    expect(slides.flatMap((xml) => all(xml, /<p:pic>/g))).toEqual([]);
    const frames = slides.flatMap((xml) =>
      all(xml, /<p:graphicFrame>(?:(?!<\/p:graphicFrame>)[\s\S])*<c:chart /g),
    );
    expect(frames.map((p) => decode(/descr="([^"]*)"/.exec(p)?.[1] ?? ''))).toEqual(
      evaluation.kpis.map((k) => kpiChartDescription(k, messagesFor('ja'))),
    );
    expect(await partsOf(file, 'charts', 'chart')).toHaveLength(evaluation.kpis.length);
  });

  it("holds each chart's years, figures and labels in the chart's own cache, as the chart model has them", async () => {
    const charts = await partsOf(file, 'charts', 'chart');
    evaluation.kpis.forEach((kpi, i) => {
      const xml = charts[i] ?? '';
      const model = kpiChartModel(kpi, evaluation, messagesFor('ja'));
      const series = all(xml, /<c:ser>[\s\S]*?<\/c:ser>/g);
      expect(series.map((ser) => decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? ''))).toEqual(
        model.lines.map((l) => l.name),
      );
      series.forEach((ser, k) => {
        const cat = /<c:cat>[\s\S]*?<\/c:cat>/.exec(ser)?.[0] ?? '';
        expect(all(cat, /<c:v>[^<]*<\/c:v>/g).map((v) => v.slice(5, -6))).toEqual(model.categories);
        const val = /<c:val>[\s\S]*?<\/c:val>/.exec(ser)?.[0] ?? '';
        const cached = all(val, /<c:v>[^<]*<\/c:v>/g).map((v) => v.slice(5, -6));
        expect(cached).toEqual(model.lines[k]?.points.map((p) => (p === null ? '' : String(p.value))));
      });
    });
    // The first KPI: its baseline at H30, its own year, labelled with its span and figure.
    const first = charts[0] ?? '';
    expect(first).toContain('<c:v>H30</c:v>');
    expect(decode(first)).toContain('formatCode=""基準値 "#,##0.0" (H30)""');
    expect(decode(first)).toContain('formatCode=""目標値 "#,##0.0"');
    // Big figures carry thousands separators in their label format.
    const ghg = charts[evaluation.kpis.findIndex((k) => k.unit === 't')] ?? '';
    expect(ghg).toContain('<c:v>272000</c:v>');
    expect(decode(ghg)).toContain('formatCode=""基準値 "#,##0"');
  });

  it('states the pace and the projection in words below each chart', () => {
    const chartSlides = slides.filter((xml) => xml.includes('<c:chart '));
    chartSlides.forEach((xml, i) => {
      const kpi = evaluation.kpis[i];
      if (!kpi) throw new Error('a chart slide without its KPI');
      const text = slideText(xml);
      for (const sentence of kpiChartStatements(kpi, evaluation, messagesFor('ja')))
        expect(text).toContain(sentence);
    });
    expect(slides.flatMap(slideText)).toContain(
      'このままのペースでは R7 に 343.8万円（目標 438.3万円）の見込み：目標に届かないペース',
    );
  });

  it('tags every run as Japanese, so PowerPoint breaks lines by Japanese rules', () => {
    const runs = slides.flatMap((xml) => all(xml, /<a:r><a:rPr [^>]*>/g));
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.filter((r) => !r.includes('lang="ja-JP"'))).toEqual([]);
  });

  it('names BIZ UDPゴシック for Latin and Japanese text in the theme, and no face on any run', async () => {
    const theme = (await (await JSZip.loadAsync(file)).file('ppt/theme/theme1.xml')?.async('string')) ?? '';
    const fonts = all(theme, /<a:(?:latin|ea) typeface="[^"]*"/g);
    expect(fonts).toEqual([
      '<a:latin typeface="BIZ UDPゴシック"',
      '<a:ea typeface="BIZ UDPゴシック"',
      '<a:latin typeface="BIZ UDPゴシック"',
      '<a:ea typeface="BIZ UDPゴシック"',
    ]);
    expect(slides.filter((xml) => /<a:(latin|ea) typeface=/.test(xml))).toEqual([]);
    expect(slides.filter((xml) => xml.includes('lang="en-US"'))).toEqual([]);
  });

  it('writes no paragraph PowerPoint would have to repair (one set of paragraph properties each)', () => {
    const paragraphsXml = slides.flatMap((xml) => all(xml, /<a:p>[\s\S]*?<\/a:p>/g));
    expect(paragraphsXml.filter((p) => all(p, /<a:pPr[ >/]/g).length > 1)).toEqual([]);
  });

  it("gives the presenter each progress figure's calculation in the notes", async () => {
    const notes = (await partsOf(file, 'notesSlides', 'notesSlide')).map((xml) => paragraphs(xml).join('\n'));
    const first = evaluation.goals[0]?.kpis[0]?.series[0]?.score;
    expect(first).toBeTruthy();
    if (first) expect(notes[2]).toContain(`就業者一人当たり市内純生産：${explainScore(first)}`);
  });

  it('matches the golden text of every slide', () => {
    const text = slides
      .map((xml, i) => [`=== slide ${i + 1} ===`, ...slideText(xml)].join('\n'))
      .join('\n\n');
    expectGolden('pptx/kitamoto-r4-ja.txt', `${text}\n`);
  });
});

describe('renderReportPptx: output', () => {
  it('writes the same slides, pictures and notes every time; only docProps/core.xml carries the time', async () => {
    const evaluation = kitamotoR4();
    const options = { charts: false, diagnostics: true };
    const [a, b] = await Promise.all([
      renderReportPptx(evaluation, messagesFor('en'), options).then((f) => JSZip.loadAsync(f)),
      renderReportPptx(evaluation, messagesFor('en'), options).then((f) => JSZip.loadAsync(f)),
    ]);
    const names = Object.keys(a.files).filter((n) => n !== 'docProps/core.xml');
    expect(Object.keys(b.files).filter((n) => n !== 'docProps/core.xml')).toEqual(names);
    for (const name of names) {
      expect(await b.file(name)?.async('string'), name).toBe(await a.file(name)?.async('string'));
    }
  });
});
