import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationTable } from '../../src/cli/present/evaluation-table.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { evaluationCsv } from '../../src/render/evaluation-csv.ts';
import { evaluationJson } from '../../src/render/evaluation-json.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { toJsonText } from '../../src/render/json-text.ts';
import { messagesFor } from '../../src/render/messages.ts';
import type { Lang } from '../../src/core/language.ts';
import { launchPdfPrinter, type PdfPrinter } from '../../src/render/pdf/printer.ts';
import { renderReportPptx } from '../../src/render/pptx/report.ts';
import { buildReportWorkbook } from '../../src/render/xlsx/report.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { kitamotoR5Partial } from '../support/kitamoto.ts';
import { localizeEvaluation } from '../../src/render/plan-text.ts';
import { danglingLines, htmlLines, pptxLines, xlsxLines } from '../support/sentences.ts';
import { KITAMOTO, testApp } from '../support/web.ts';

/**
 * Kitamoto's R5 part-way through the cycle: one KPI evaluated with the office's text, one evaluated
 * without any, and the rest not evaluated for each kind of reason. Every format a person reads must give
 * each KPI a whole sentence, in both languages.
 */
const plan = kitamotoR5Partial();
const evaluation = evaluate(plan, 2023);
const japaneseNames = evaluation.kpis.map((k) => k.name);
const LANGS: readonly Lang[] = ['ja', 'en'];

/** What each format must say for the KPIs that are not evaluated, by reason, and for the one without text. */
const EXPECTED: Record<Lang, readonly string[]> = {
  ja: [
    '就業者一人当たり市内純生産については、令和5年度の実績値が集計中のため評価していません',
    '市内有効求人倍率については、令和5年度は報告する実績値がないため評価していません',
    '65歳健康寿命については、令和5年度の実績値が未取得のため評価していません',
    '25歳から34歳までの女性の社会増減については、令和5年度の実績値が未入力のため評価していません',
    '出生数については、未達成の状況',
  ],
  // The Kitamoto example gives its KPI names in English (en:), which the English formats print.
  en: [
    'Net municipal product per employed person: not evaluated, as the R5 actual is still being compiled (集計中)',
    'Ratio of job openings to applicants in the city: not evaluated, as there is nothing to report for R5',
    'Healthy life expectancy at 65: not evaluated, as the R5 actual is not yet available (未取得)',
    'Net migration of women aged 25 to 34: not evaluated, as the R5 actual has not been entered yet',
    'Number of births: not achieved',
  ],
};

/** The xlsx puts the name in its own column, so its cells hold only what follows it. */
const afterName = (sentence: string): string => sentence.replace(/^.*?(については、|: )/, '');

const work = mkdtempSync(join(tmpdir(), 'shinchoku-sentences-'));
let printer: PdfPrinter;
let store: Store;

beforeAll(async () => {
  printer = await launchPdfPrinter();
  store = await openStore({ dataDir: null });
  await importPlan(store.db, plan);
  await publishEdition(store.db, { plan: KITAMOTO, year: 2023, errata: null }, null);
}, 120_000);

afterAll(async () => {
  await printer?.close();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the fixture', () => {
  it('has KPIs evaluated with and without text, and not evaluated for every kind of reason', () => {
    const byId = new Map(evaluation.kpis.map((k) => [k.id, k]));
    expect(byId.get('furusato-donations')).toMatchObject({ status: 'achieved' });
    expect(byId.get('births')).toMatchObject({ status: 'not_achieved', assessment: null });
    expect(evaluation.kpis.filter((k) => k.status === 'not_evaluated')).toHaveLength(13);
  });
});

describe.each(LANGS)('every format has a whole sentence for every KPI (%s)', (lang) => {
  const messages = messagesFor(lang);
  const names = localizeEvaluation(evaluation, lang).kpis.map((k) => k.name);
  const html = renderReportHtml(evaluation, messages);

  const expectWhole = (lines: readonly string[], sentences: readonly string[] = EXPECTED[lang]) => {
    expect(danglingLines(lines, names)).toEqual([]);
    const text = lines.join('\n');
    for (const sentence of sentences) expect(text).toContain(sentence);
  };

  it('HTML', () => expectWhole(htmlLines(html)));

  it('PDF', async () => {
    const file = join(work, `report-${lang}.pdf`);
    writeFileSync(file, await printer.print(html));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lines = text.split('\n');
    expect(danglingLines(lines, names)).toEqual([]);
    // A line may wrap anywhere in a PDF: compare with the white space taken out.
    const flat = text.replace(/\s+/g, '');
    for (const sentence of EXPECTED[lang]) expect(flat).toContain(sentence.replace(/\s+/g, ''));
  }, 60_000);

  it('PowerPoint, slides and notes', async () => {
    expectWhole(await pptxLines(await renderReportPptx(evaluation, messages, { charts: false })));
  }, 60_000);

  it('Excel, the assessment column', async () => {
    const workbook = buildReportWorkbook(evaluation, messages, { charts: false });
    const lines = await xlsxLines(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expectWhole(lines, EXPECTED[lang].map(afterName));
  }, 60_000);

  it('the terminal table', () => {
    expectWhole(
      evaluationTable(evaluation, messages)
        .split('\n')
        .map((l) => l.replace(/^- /, '')),
    );
  });

  it('CSV and JSON, which carry the phrases but no empty one', () => {
    const json = JSON.parse(toJsonText(evaluationJson(evaluation, messages))) as {
      goals: { kpis: { phrase: string | null }[] }[];
    };
    const phrases = json.goals.flatMap((g) => g.kpis.map((k) => k.phrase));
    expect(phrases).not.toContain('');
    expect(danglingLines(evaluationCsv(evaluation).split(/\r?\n/), japaneseNames)).toEqual([]);
  });

  it('the public goal and KPI pages', async () => {
    const app = testApp(store);
    const query = lang === 'en' ? '?lang=en' : '';
    const urls = [
      ...evaluation.goals.map((g) => `/plans/${KITAMOTO}/R5/goals/${g.id}${query}`),
      ...evaluation.kpis.map((k) => `/plans/${KITAMOTO}/R5/kpis/${k.id}${query}`),
    ];
    const lines: string[] = [];
    for (const url of urls) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      lines.push(...htmlLines(await res.text()));
    }
    expectWhole(lines);
  }, 60_000);
});
