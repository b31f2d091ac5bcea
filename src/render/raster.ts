import { Resvg } from '@resvg/resvg-js';

/**
 * Rasterises a chart for the formats that take pictures only (Excel; PowerPoint's fallback), with the
 * system's Noto CJK fonts so that Japanese labels are drawn, not boxes.
 */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK JP' },
  });
  return resvg.render().asPng();
}
