import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationTable } from '../../src/cli/present/evaluation-table.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Plan } from '../../src/core/plan.ts';
import { messagesFor } from '../../src/render/messages.ts';
import type { Lang } from '../../src/core/language.ts';
import { launchPdfPrinter } from '../../src/render/pdf/printer.ts';
import { RENDER_FORMATS, type RenderFormat, type RenderOutput } from '../../src/web/render-pool/job.ts';
import { workerRenderPool, type RenderPool } from '../../src/web/render-pool/pool.ts';
import { hostilePlan, planTextsArb, repeated, sameText, TEXT_FIELDS } from './hostile-plans.ts';

/**
 * Every renderer ends, whatever the text: each format is rendered in a worker thread that is stopped
 * at a generous limit, so a renderer that loops fails this test instead of hanging the suite.
 */
const LIMIT_MS = 120_000;
const MIXED = '稼ぐ産業👨‍👩‍👧\u0001ＡＢＣ１２３ Supercalifragilisticexpialidocious\n\ud800\u3000<&>';

let pool: RenderPool;
beforeAll(() => {
  pool = workerRenderPool({ workers: 2, queue: 64, timeLimitMs: LIMIT_MS });
});
afterAll(() => pool.close());

type Outputs = Record<RenderFormat | 'table', RenderOutput>;

/**
 * Every format of the plan's report. The HTML always draws its charts (ECharts, cheap); the pictures of
 * PowerPoint and Excel are asked for only where a case needs them, as rasterising is most of their time.
 */
async function renderEvery(plan: Plan, lang: Lang, pictures: boolean): Promise<Outputs> {
  const evaluation = evaluate(plan, 2022);
  const rendered = await Promise.all(
    RENDER_FORMATS.map(async (format) => {
      const charts = format === 'html' || pictures;
      return [format, await pool.render({ format, evaluation, lang, charts })];
    }),
  );
  const outputs = {
    ...Object.fromEntries(rendered),
    table: evaluationTable(evaluation, messagesFor(lang)),
  } as Outputs;
  for (const [format, output] of Object.entries(outputs)) expect(output.length, format).toBeGreaterThan(0);
  for (const format of ['pptx', 'xlsx'] as const) {
    expect(
      Buffer.from(outputs[format] as Uint8Array)
        .subarray(0, 2)
        .toString(),
      format,
    ).toBe('PK');
  }
  return outputs;
}

describe('every renderer terminates, whatever the text', () => {
  it('renders a KPI whose year holds a 300-character reason, and one with a 120-character unit', async () => {
    const normal = sameText('数値目標');
    await Promise.all([
      renderEvery(hostilePlan({ ...normal, reason: repeated('集計中の理由', 300) }), 'ja', false),
      renderEvery(hostilePlan({ ...normal, unit: repeated('万円', 120) }), 'ja', true),
    ]);
  }, 300_000);

  it.each([0, 300, 10_000])(
    'renders every text field at %i characters in every format',
    async (length) => {
      const outputs = await renderEvery(hostilePlan(sameText(repeated(MIXED, length))), 'ja', false);
      if (length > 0) expect(outputs.csv).toContain('稼ぐ産業');
    },
    300_000,
  );

  it.each(TEXT_FIELDS)(
    'renders a 10,000-character unbroken word in the %s alone',
    async (field) => {
      const texts = { ...sameText('数値目標'), [field]: repeated('x', 10_000) };
      await renderEvery(hostilePlan(texts), 'en', false);
    },
    300_000,
  );

  it('renders hostile texts of any length in every field (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(planTextsArb(10_000), fc.constantFrom<Lang>('ja', 'en'), async (texts, lang) => {
        await renderEvery(hostilePlan(texts), lang, false);
      }),
      { numRuns: 3 },
    );
  }, 400_000);

  it('prints the PDF of a report whose every text is 300 characters', async () => {
    const evaluation = evaluate(hostilePlan(sameText(repeated(MIXED, 300))), 2022);
    const html = await pool.render({ format: 'html', evaluation, lang: 'ja', charts: true });
    const printer = await launchPdfPrinter({ timeout: LIMIT_MS });
    try {
      const pdf = await printer.print(String(html));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await printer.close();
    }
  }, 300_000);
});
