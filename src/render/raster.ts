import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Debian's fonts-noto-cjk: loading these two files alone is far faster than scanning every system font. */
const NOTO_CJK = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];

const fontFiles = NOTO_CJK.filter((file) => existsSync(file));

/**
 * Rasterises a chart for the formats that take pictures only (Excel; PowerPoint), with the Noto CJK fonts
 * so that Japanese labels are drawn, not boxes. Without them it falls back to the system's fonts.
 */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'Noto Sans CJK JP',
    },
  });
  return resvg.render().asPng();
}
