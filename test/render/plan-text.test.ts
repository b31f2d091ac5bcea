import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { Plan } from '../../src/core/plan.ts';
import { evaluationCsv } from '../../src/render/evaluation-csv.ts';
import { evaluationJson } from '../../src/render/evaluation-json.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { renderReportXlsx } from '../../src/render/xlsx/report.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { JAPANESE_ONLY, localizeEvaluation, untranslatedNote } from '../../src/render/plan-text.ts';
import { kitamotoPlan, kitamotoR4 } from '../support/kitamoto.ts';

const en = messagesFor('en');
const ja = messagesFor('ja');

/** The Kitamoto plan as it was before it had English: every text the plan's own, in Japanese. */
function untranslated(): Plan {
  const plan: Plan = { ...kitamotoPlan() };
  delete (plan as { translation?: unknown }).translation;
  return plan;
}

describe('the plan’s texts in the reader’s language', () => {
  it('gives Japanese readers the very same evaluation', () => {
    const evaluation = kitamotoR4();
    expect(localizeEvaluation(evaluation, 'ja')).toBe(evaluation);
  });

  it('prints the Kitamoto report in English, with nothing left in Japanese', () => {
    const local = localizeEvaluation(kitamotoR4(), 'en');
    expect(local.plan.title).toBe(
      "Kitamoto City's 2nd Comprehensive Strategy for Vitalizing Towns, People and Jobs",
    );
    const births = local.kpis.find((k) => k.id === 'births');
    expect(births).toMatchObject({ name: 'Number of births', unit: ' births', category: ['Outcome'] });
    expect(births?.assessment?.text).toBe(
      'Raise the number of births through projects aimed at the child-rearing generation',
    );
    expect(local.untranslated).toEqual({ texts: 0, units: [] });
    expect(untranslatedNote(local)).toBeNull();
    const html = renderReportHtml(kitamotoR4(), en, { charts: false });
    expect(html).toContain('Number of births');
    expect(html).toContain('325 births');
    expect(html).toContain('-40 people (H30～R2 average)');
    expect(html).not.toContain(JAPANESE_ONLY);
    expect(html).not.toContain('出生数');
  });

  it('leaves unmarked a text that reads the same in English (a grade A, a code), and marks Japanese', () => {
    const plan = untranslated();
    const births = plan.kpis.get('births');
    if (!births) throw new Error('no births KPI');
    const kpis = new Map(plan.kpis);
    kpis.set('births', { ...births, name: 'KPI-1 (A)', category: ['◎'] });
    const local = localizeEvaluation(evaluate({ ...plan, kpis }, 2022), 'en');
    const renamed = local.kpis.find((k) => k.id === 'births');
    expect(renamed?.name).toBe('KPI-1 (A)');
    expect(renamed?.category).toEqual(['◎']);
    expect(local.kpis.find((k) => k.id !== 'births')?.name).toContain(JAPANESE_ONLY);
    // Two texts fewer than the fully Japanese plan's 60: the name and the category cell.
    expect(local.untranslated?.texts).toBe(58);
  });

  it('marks each text without English and counts them in a note on the cover', async () => {
    const local = localizeEvaluation(evaluate(untranslated(), 2022), 'en');
    const births = local.kpis.find((k) => k.id === 'births');
    expect(births?.name).toBe(`出生数 ${JAPANESE_ONLY}`);
    expect(births?.unit).toBe('人');
    // 2 plan texts, 6 goal titles, 15 names, 15 category cells, 15 assessments, 3 office statuses, 4 series labels.
    expect(local.untranslated).toEqual({ texts: 60, units: ['万円', '倍', '件', '人', '年'] });
    const note = untranslatedNote(local);
    expect(note).toBe(
      `60 texts of this plan have no English translation and are shown in Japanese, marked ${JAPANESE_ONLY}. Units shown in Japanese: 万円, 倍, 件, 人, 年.`,
    );
    const html = renderReportHtml(evaluate(untranslated(), 2022), en, { charts: false });
    expect(html).toContain(note);
    const book = new ExcelJS.Workbook();
    const xlsx = await renderReportXlsx(evaluate(untranslated(), 2022), en, { charts: false });
    await book.xlsx.load(new Uint8Array(xlsx).buffer);
    const cells = book.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
    );
    expect(cells).toContain(`第2期北本市まち・ひと・しごと創生総合戦略 ${JAPANESE_ONLY} — ${note}`);
  });

  it('keeps a KPI listed under two goals (再掲) one object', () => {
    const local = localizeEvaluation(kitamotoR4(), 'en');
    const inB4 = local.goals[3]?.kpis.find((k) => k.id === 'community-activity-participation');
    const inX1 = local.goals[4]?.kpis.find((k) => k.id === 'community-activity-participation');
    expect(inB4).toBeDefined();
    expect(inB4).toBe(inX1);
    expect(local.kpis).toContain(inB4);
  });

  it('never changes a figure, a status or the shape, only texts (property)', () => {
    const plans = [kitamotoPlan(), untranslated()];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.constantFrom(2021, 2022), (which, year) => {
        const evaluation = evaluate(plans[which] as Plan, year);
        const local = localizeEvaluation(evaluation, 'en');
        expect(local.overall).toEqual(evaluation.overall);
        expect(local.kpis.map((k) => [k.id, k.status, k.score, k.series.map((s) => s.score)])).toEqual(
          evaluation.kpis.map((k) => [k.id, k.status, k.score, k.series.map((s) => s.score)]),
        );
        for (const [i, kpi] of local.kpis.entries()) {
          const original = evaluation.kpis[i];
          const english = plans[which]?.translation?.kpis.get(kpi.id)?.name;
          expect(kpi.name).toBe(english ?? `${original?.name} ${JAPANESE_ONLY}`);
        }
        expect(localizeEvaluation(local, 'en')).toBe(local);
      }),
      { numRuns: 4 },
    );
  });
});

describe('the English data', () => {
  it('adds an en object beside the Japanese texts in English JSON only', () => {
    const json = JSON.stringify(evaluationJson(kitamotoR4(), en));
    expect(json).toContain('"en":{"title":"Create industries that earn and stable employment"}');
    expect(json).toContain(
      '"en":{"name":"Number of births","unit":"births","category":["Outcome"],"department":null,"grade":null,"phrase":null,',
    );
    expect(JSON.stringify(evaluationJson(kitamotoR4(), ja))).not.toContain('"en"');
    expect(JSON.stringify(evaluationJson(evaluate(untranslated(), 2022), en))).not.toContain('"en"');
  });

  it('adds English columns to the English CSV, empty where there is no English', () => {
    const csv = evaluationCsv(kitamotoR4(), { lang: 'en' });
    const [header, first] = csv.split('\r\n');
    expect(header).toMatch(/,goal_title_en,kpi_name_en,unit_en,grade_en,series_label_en$/);
    expect(first).toMatch(
      /,Create industries that earn and stable employment,Net municipal product per employed person,"×10,000 yen",,$/,
    );
    expect(evaluationCsv(kitamotoR4())).not.toContain('_en');
    expect(evaluationCsv(kitamotoR4(), { lang: 'ja' })).toBe(evaluationCsv(kitamotoR4()));
  });
});
