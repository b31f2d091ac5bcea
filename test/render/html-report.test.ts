import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { explainRate } from '../../src/core/explain.ts';
import { fontFaceCss } from '../../src/render/html/fonts.ts';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { codePointsOf, coversAny, parseUnicodeRange } from '../../src/render/html/unicode-range.ts';
import { messagesFor } from '../../src/render/messages.ts';
import type { Lang } from '../../src/core/language.ts';
import { buildDeck } from '../../src/render/slides.ts';
import { expectGolden } from '../support/golden.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

const evaluation = kitamotoR4();
/** The golden reports are the reviewers' drafts, with their 点検事項 pages. */
const WITH_DIAGNOSTICS = { diagnostics: true };
const reports = {
  ja: renderReportHtml(evaluation, messagesFor('ja'), WITH_DIAGNOSTICS),
  en: renderReportHtml(evaluation, messagesFor('en'), WITH_DIAGNOSTICS),
} satisfies Record<Lang, string>;

/** The inline fonts stand as a digest of their data, so the golden file stays readable and still changes with them. */
const normalise = (html: string): string =>
  html.replace(
    /data:font\/woff2;base64,([A-Za-z0-9+/=]+)/g,
    (_, data: string) =>
      `data:font/woff2;sha256=${createHash('sha256').update(data).digest('hex').slice(0, 16)}`,
  );

interface FontFace {
  weight: number;
  range: string;
}
const fontFaces = (html: string): FontFace[] =>
  [...html.matchAll(/@font-face\{[^}]*font-weight:(\d+);[^}]*unicode-range:([^}]+)\}/g)].map((m) => ({
    weight: Number(m[1]),
    range: m[2] ?? '',
  }));

/** What the reader sees: the body without tags, with the entities the renderer writes decoded. */
const visibleText = (html: string): string =>
  (html.split('<body>')[1] ?? '')
    .replace(/<script>[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('renderReportHtml', () => {
  it.each(['ja', 'en'] as const)('matches the golden report for Kitamoto R4 (%s)', (lang) => {
    expectGolden(`report-kitamoto-r4-${lang}.html`, normalise(reports[lang]));
  });

  it('gives the same bytes for the same evaluation', () => {
    expect(renderReportHtml(kitamotoR4(), messagesFor('ja'), WITH_DIAGNOSTICS)).toBe(reports.ja);
  });

  it('is one file that fetches nothing: no external URL, stylesheet link or remote source', () => {
    for (const report of Object.values(reports)) {
      expect(report).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
      // Inline data may hold any characters, and SVG namespace names are identifiers, never fetched.
      const html = report
        .replace(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, 'data:')
        .replace(/xmlns(?::\w+)?="[^"]*"/g, '');
      for (const remote of [
        /<link\b|@import|<iframe|<img\b/,
        /\b(?:src|href)\s*=\s*["']?(?!#|data:)/,
        /url\(\s*['"]?(?!data:|#)/,
        /https?:|\/\/[a-z]/i,
      ]) {
        expect(html.match(remote)?.[0]).toBeUndefined();
      }
    }
  });

  it('lays out the deck slide for slide, every slide but the title under the running head', () => {
    const deck = buildDeck(evaluation, messagesFor('ja'), WITH_DIAGNOSTICS);
    const html = reports.ja;
    expect(html.match(/<section class="slide /g)).toHaveLength(deck.slides.length);
    expect(html.split(`<p class="running-head">${deck.runningHead}</p>`)).toHaveLength(deck.slides.length);
    expect(html).toContain(
      '<h1 id="slide-1-heading">第2期北本市まち・ひと・しごと創生総合戦略の状況について【実施報告】</h1>',
    );
    expect(html).toContain(
      '<thead><tr><th scope="col">数値目標</th><th scope="col">区分</th><th scope="col">現状値</th><th scope="col">目標値</th><th scope="col">R3</th><th scope="col">R4</th><th scope="col">目標進捗率</th></tr></thead>',
    );
    const headings = [...html.matchAll(/<h2 id="[^"]+">(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings.slice(0, 12)).toEqual([
      '目 標',
      '基本目標1：稼ぐ産業と安定した雇用を創出する',
      '基本目標2：新しい人の流れとつながりをつくる',
      '基本目標3：若い世代の出産・子育ての希望をかなえる',
      '基本目標4：ひとが集う、安心して暮らすことができる魅力的な地域をつくる',
      '基本目標4：ひとが集う、安心して暮らすことができる魅力的な地域をつくる<span class="continued">（続き）</span>',
      '横断的な目標1：多様な人材の活躍を推進する',
      '横断的な目標1：多様な人材の活躍を推進する<span class="continued">（続き）</span>',
      '横断的な目標2：新しい時代の流れを力にする',
      '全体の達成状況',
      '令和4年度における達成率',
      '数値目標の推移',
    ]);
    expect(html).toContain('<p class="note">※計画1年目</p>');
  });

  it('marks tables up for assistive technology: labelled, with column and row headers', () => {
    for (const [lang, html] of Object.entries(reports)) {
      expect(html).toContain(`<html lang="${lang}">`);
      const tables = [...html.matchAll(/<table class="[^"]+" aria-labelledby="([^"]+)">/g)];
      // Six goal tables and the summary.
      expect(tables.length).toBe(7);
      for (const [, ids = ''] of tables) {
        for (const id of ids.split(' ')) expect(html).toContain(` id="${id}"`);
      }
      expect(html).not.toMatch(/<th(?! scope="(?:col|row)")[ >]/);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('gives every computed figure its formula, on hover and on keyboard focus', () => {
    const deck = buildDeck(evaluation, messagesFor('ja'));
    const expected = deck.slides.flatMap((slide) => {
      if (slide.kind === 'goal')
        return (slide.table?.rows ?? []).flatMap((row) =>
          row.cells.flatMap((cell) =>
            cell.lines.flatMap((line, i) => {
              const formula = cell.formula?.[i];
              return formula ? [[line, formula]] : [];
            }),
          ),
        );
      if (slide.kind === 'summary') return slide.table.rows.map((row) => [row.rate, row.formula]);
      if (slide.kind === 'closing') return [[slide.rate, explainRate(evaluation.overall)]];
      return [];
    });
    const shown = [
      ...reports.ja.matchAll(
        /<span class="calc"><span class="calc-value" tabindex="0" aria-describedby="([^"]+)">([^<]*)<\/span><span class="formula" role="tooltip" id="\1">([^<]*)<\/span><\/span>/g,
      ),
    ].map((m) => [m[2], m[3]]);
    expect(shown).toEqual(expected);
    expect(shown).toContainEqual(['-670.6%', '(385.9 − 431.5) / (438.3 − 431.5) = −670.6%']);
    expect(shown).toContainEqual(['26.7%', '4 / 15 = 26.7%']);
    expect(reports.ja.match(/tabindex="0"/g)).toHaveLength(expected.length);
    expect(reports.ja).toMatch(/\.calc:hover \.formula, \.calc:focus-within \.formula \{ display: block; \}/);
  });

  it('tells statuses apart by words and weight, not by colour alone', () => {
    const cells = [...reports.ja.matchAll(/<td( class="status-achieved")?>(達成|未達成)<\/td>/g)];
    expect(cells.length).toBe(15);
    for (const [, marked, word] of cells) expect(Boolean(marked)).toBe(word === '達成');
  });

  it('embeds only the Noto Sans JP chunks the report uses, regular and bold, with their unicode-ranges', () => {
    const faces = fontFaces(reports.ja);
    const points = codePointsOf(visibleText(reports.ja));
    expect(new Set(faces.map((f) => f.weight))).toEqual(new Set([400, 700]));
    for (const face of faces) expect(coversAny(parseUnicodeRange(face.range), points)).toBe(true);
    const regular = faces.filter((f) => f.weight === 400).map((f) => parseUnicodeRange(f.range));
    const uncovered = points.filter((p) => p > 0x20 && !regular.some((ranges) => coversAny(ranges, [p])));
    expect(uncovered.map((p) => String.fromCodePoint(p))).toEqual([]);
    // The font package holds about 125 chunks per weight; a report needs a fraction of them.
    expect(faces.length).toBeLessThan(100);
    expect(fontFaceCss('abc')).toMatch(/^@font-face\{font-family:'Noto Sans JP'/);
  });
});
