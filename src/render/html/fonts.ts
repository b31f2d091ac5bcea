import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codePointsOf, coversAny, parseUnicodeRange, type CodeRange } from './unicode-range.ts';

/** The family the report's text is set in; embedded, so a closed network never has to fetch it. */
export const FONT_FAMILY = 'Noto Sans JP';
/** Regular for text, bold for headings, header cells and statuses. */
const WEIGHTS = [400, 700] as const;

interface FontChunk {
  readonly weight: number;
  readonly file: string;
  readonly unicodeRange: string;
  readonly ranges: readonly CodeRange[];
}

let fontPackageDir: string | null = null;
function packageDir(): string {
  fontPackageDir ??= dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-jp/package.json'));
  return fontPackageDir;
}

/**
 * The chunks @fontsource splits Noto Sans JP into, read from its own CSS so that the unicode-ranges are
 * exactly the ones the files were cut by.
 */
function readChunks(weight: number): FontChunk[] {
  const css = readFileSync(join(packageDir(), `${weight}.css`), 'utf8');
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body = '']) => {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.trim();
    if (!file || !unicodeRange) return [];
    return [{ weight, file, unicodeRange, ranges: parseUnicodeRange(unicodeRange) }];
  });
}

let chunks: readonly FontChunk[] | null = null;
const fileData = new Map<string, string>();

function allChunks(): readonly FontChunk[] {
  chunks ??= WEIGHTS.flatMap(readChunks);
  return chunks;
}

function base64Of(file: string): string {
  let data = fileData.get(file);
  if (data === undefined) {
    data = readFileSync(join(packageDir(), 'files', file)).toString('base64');
    fileData.set(file, data);
  }
  return data;
}

/**
 * @font-face rules for the chunks that hold a character of the text, each as an inline woff2: the
 * whole of Noto Sans JP is 8 MB, the few dozen chunks a report touches a fraction of that.
 */
export function fontFaceCss(text: string): string {
  const points = codePointsOf(text);
  return allChunks()
    .filter((chunk) => coversAny(chunk.ranges, points))
    .map(
      (chunk) =>
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${chunk.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${base64Of(chunk.file)}) format('woff2');unicode-range:${chunk.unicodeRange}}`,
    )
    .join('\n');
}
