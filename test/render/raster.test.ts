import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { kpiChartSvg } from '../../src/render/chart.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { coveredByChartFonts, svgToPng } from '../../src/render/raster.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

const FULL = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];
const haveFull = FULL.every((file) => existsSync(file));

/** The picture as it was drawn before the cut-down fonts: the full collections, read for this chart. */
function withFullFonts(svg: string, width: number): Buffer {
  const font = { fontFiles: FULL, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK JP' };
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font })
    .render()
    .asPng();
}

const text = (words: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="80"><text x="8" y="40" font-size="20" font-weight="bold">${words}</text></svg>`;

describe('chart pictures', () => {
  it('draws every chart of the seed report with the cut-down fonts, in both languages', () => {
    const evaluation = kitamotoR4();
    for (const lang of ['ja', 'en'] as const) {
      for (const kpi of evaluation.kpis) {
        expect(coveredByChartFonts(kpiChartSvg(kpi, evaluation, messagesFor(lang)))).toBe(true);
      }
    }
  });

  it('falls back to the full fonts for a character outside the cut-down set', () => {
    expect(coveredByChartFonts(text('森鷗外の𠮷'))).toBe(false);
    expect(coveredByChartFonts(text('令和4年度 実績値 1,234人'))).toBe(true);
  });

  it.runIf(haveFull)('draws the same pixels as the full collections, regular and bold', () => {
    const evaluation = kitamotoR4();
    const kpi = evaluation.kpis[0];
    if (!kpi) throw new Error('the seed has KPIs');
    const chart = kpiChartSvg(kpi, evaluation, messagesFor('ja'));
    expect(svgToPng(chart, 1280).equals(withFullFonts(chart, 1280))).toBe(true);
    const bold = text('目標への経路（女性）');
    expect(svgToPng(bold, 640).equals(withFullFonts(bold, 640))).toBe(true);
    const rare = text('森鷗外');
    expect(svgToPng(rare, 640).equals(withFullFonts(rare, 640))).toBe(true);
  });
});
