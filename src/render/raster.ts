import { existsSync, readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Debian's fonts-noto-cjk: loading these two files alone is far faster than scanning every system font. */
const NOTO_CJK = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];

const fontFiles = NOTO_CJK.filter((file) => existsSync(file));

/**
 * The same Noto Sans CJK JP, cut down to the characters charts nearly always draw (scripts/chart-fonts.sh).
 * resvg-js reads every font file whole for each picture and takes no fonts from memory, so the size of
 * the file is the cost of every chart: 2 MB here against the collections' 39 MB.
 */
const CHART_FONTS_DIR = new URL('./chart-fonts/', import.meta.url);
const chartFontFiles = ['NotoSansCJKjp-Regular-chart.otf', 'NotoSansCJKjp-Bold-chart.otf'].map(
  (name) => new URL(name, CHART_FONTS_DIR).pathname,
);

let chartCharset: ReadonlySet<string> | null = null;

/** The characters the cut-down fonts hold, read once per process; empty when they are missing. */
function charset(): ReadonlySet<string> {
  if (chartCharset) return chartCharset;
  const list = new URL('charset.txt', CHART_FONTS_DIR);
  const complete = existsSync(list) && chartFontFiles.every((file) => existsSync(file));
  chartCharset = new Set(complete ? readFileSync(list, 'utf8') : '');
  return chartCharset;
}

/** Every character of the picture, markup included, is in the cut-down fonts: nothing can fall back. */
export function coveredByChartFonts(svg: string): boolean {
  const chars = charset();
  if (chars.size === 0) return false;
  for (const ch of svg) {
    if (ch > '~' && !chars.has(ch)) return false;
  }
  return true;
}

/**
 * Rasterises a chart for the formats that take pictures only (Excel; PowerPoint), with the Noto CJK fonts
 * so that Japanese labels are drawn, not boxes: the cut-down files when they hold every character, the
 * full collections otherwise, and the system's fonts when neither is there.
 */
export function svgToPng(svg: string, width: number): Buffer {
  const files = coveredByChartFonts(svg) ? chartFontFiles : fontFiles;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      fontFiles: files,
      loadSystemFonts: files.length === 0,
      defaultFontFamily: 'Noto Sans CJK JP',
    },
  });
  return resvg.render().asPng();
}
