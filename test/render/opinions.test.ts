import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Opinion } from '../../src/core/opinion.ts';
import { formatByName } from '../../src/publish/formats.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { buildDeck, LINE_CHARS, SLIDE_LINES } from '../../src/render/slides.ts';
import { kitamotoPlan } from '../support/kitamoto.ts';

const r4 = evaluate(kitamotoPlan(), 2022);
const ja = messagesFor('ja');
const short: Opinion[] = [
  { kpiId: 'births', text: '出生数の減少要因を分析されたい。', date: '2023-06-01' },
  { kpiId: 'net-product-per-worker', text: '市内純生産の推移を注視すること。', date: '2023-06-02' },
];
/** The longest comment a committee member may write, thirty times, on one KPI and on one the plan lacks. */
const long: Opinion[] = Array.from({ length: 30 }, (_, i) => ({
  kpiId: i % 2 === 0 ? 'births' : 'no-such-kpi',
  text: `${'委員会の意見'.repeat(666)}${i}\n${'x'.repeat(3)}`,
  date: '2023-06-01',
}));

describe('committee opinions in the report', () => {
  it('adds 委員会意見 slides after the summary only when there are opinions, each naming its KPI', () => {
    expect(buildDeck(r4, ja).slides.some((s) => s.kind === 'opinions')).toBe(false);
    const deck = buildDeck(r4, ja, { opinions: short, charts: false });
    const kinds = deck.slides.map((s) => s.kind);
    expect(kinds.indexOf('opinions')).toBe(kinds.indexOf('closing') + 1);
    const slide = deck.slides.find((s) => s.kind === 'opinions');
    expect(slide?.kind === 'opinions' ? slide.items.map((i) => i.kpi) : []).toEqual([
      '出生数',
      '就業者一人当たり市内純生産',
    ]);
  });

  it('paginates any number of the longest opinions, keeping every one, an unknown KPI by its id', () => {
    const slides = buildDeck(r4, ja, { opinions: long, charts: false }).slides.filter(
      (s) => s.kind === 'opinions',
    );
    const items = slides.flatMap((s) => (s.kind === 'opinions' ? s.items : []));
    // Each is cut into parts that fit a slide; put together again they are the opinions, every word kept.
    const flat = (texts: string[]) => texts.join('').replace(/\n/g, '');
    expect(flat(items.map((i) => i.text))).toBe(flat(long.map((o) => o.text)));
    expect(items.find((i) => i.kpiId === 'no-such-kpi')?.kpi).toBe('no-such-kpi');
    expect(items.every((i) => i.text.length <= (SLIDE_LINES - 2) * LINE_CHARS + SLIDE_LINES)).toBe(true);
    expect(slides.length).toBeGreaterThan(30);
    expect(slides.slice(1).every((s) => s.kind === 'opinions' && s.continued)).toBe(true);
  });

  it('prints them in the HTML, the deck, the workbook and the JSON, and leaves every format as it was without them', async () => {
    const options = { opinions: short, charts: false };
    const html = String(await formatByName('html').render(r4, ja, options));
    expect(html).toContain('委員会意見</h2>');
    expect(html).toContain('出生数の減少要因を分析されたい。');
    expect(String(await formatByName('html').render(r4, ja, { charts: false }))).not.toContain('委員会意見');

    const json = JSON.parse(String(await formatByName('json').render(r4, ja, options))) as Record<
      string,
      unknown
    >;
    expect(json.committeeOpinions).toEqual([
      { kpiId: 'births', kpiName: '出生数', text: '出生数の減少要因を分析されたい。', date: '2023-06-01' },
      {
        kpiId: 'net-product-per-worker',
        kpiName: '就業者一人当たり市内純生産',
        text: '市内純生産の推移を注視すること。',
        date: '2023-06-02',
      },
    ]);
    expect(JSON.parse(String(await formatByName('json').render(r4, ja)))).not.toHaveProperty(
      'committeeOpinions',
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await formatByName('xlsx').render(r4, ja, options)).buffer as ArrayBuffer,
    );
    expect(workbook.getWorksheet('委員会意見')?.getRow(3).values).toEqual([
      undefined,
      '就業者一人当たり市内純生産',
      '市内純生産の推移を注視すること。',
      '2023-06-02',
    ]);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(
      Buffer.from(await formatByName('xlsx').render(r4, ja, { charts: false })).buffer as ArrayBuffer,
    );
    expect(plain.getWorksheet('委員会意見')).toBeUndefined();

    const deck = await JSZip.loadAsync(
      await formatByName('pptx').render(r4, ja, { ...options, opinions: long }),
    );
    const slides = Object.keys(deck.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const texts = await Promise.all(slides.map((f) => deck.file(f)?.async('string') ?? ''));
    expect(texts.filter((t) => t.includes('委員会意見')).length).toBeGreaterThan(30);
  }, 60_000);

  it('words them in English in an English report', async () => {
    const en = messagesFor('en');
    const html = String(await formatByName('html').render(r4, en, { opinions: short, charts: false }));
    expect(html).toContain('Committee opinions</h2>');
  });
});
