import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Regular for text, bold for headings and header cells: the weights the pages use. */
const WEIGHTS = [400, 700] as const;

const packageDir = (): string =>
  dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-jp/package.json'));

export interface FontFiles {
  /** @font-face rules pointing at the app's own /assets/fonts/ URLs. */
  readonly css: string;
  /** The woff2 files those rules name: the only font files the app will serve. */
  readonly files: ReadonlySet<string>;
}

/**
 * Noto Sans JP as @fontsource cuts it: about a hundred chunks per weight, each with the unicode-range it
 * covers, so a browser fetches only the chunks a page's characters need. The rules are read from the
 * package's own CSS so the ranges always match the files; only woff2 is offered, which every browser
 * the pages support reads.
 */
export function fontFiles(baseUrl: string): FontFiles {
  const files = new Set<string>();
  const rules = WEIGHTS.flatMap((weight) => {
    const css = readFileSync(join(packageDir(), `${weight}.css`), 'utf8');
    return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body = '']) => {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.trim();
      if (!file || !range) return [];
      files.add(file);
      return [
        `@font-face{font-family:'Noto Sans JP';font-style:normal;font-weight:${weight};font-display:swap;` +
          `src:url(${baseUrl}${file}) format('woff2');unicode-range:${range}}`,
      ];
    });
  });
  return { css: rules.join('\n') + '\n', files };
}

export function readFontFile(file: string): Buffer {
  return readFileSync(join(packageDir(), 'files', file));
}
