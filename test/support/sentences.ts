import JSZip from 'jszip';

/**
 * Reading the text back out of each report format, one line per paragraph, cell or block, to check
 * that what a person reads there is whole sentences.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
export const decodeEntities = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|nbsp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? '';
  });

const all = (xml: string, pattern: RegExp): string[] => xml.match(pattern) ?? [];

/** An HTML page's visible text, a line per block element; scripts, styles and SVG left out. */
export function htmlLines(html: string): string[] {
  const body = html
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(
      /<\/?(p|li|div|section|h[1-6]|td|th|tr|dt|dd|ul|ol|table|header|footer|main|nav|figure)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]+>/g, '');
  return decodeEntities(body)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Every paragraph of every slide of a .pptx, notes included. */
export async function pptxLines(file: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const parts = Object.keys(zip.files).filter((p) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(p));
  const xml = await Promise.all(parts.map((p) => zip.file(p)?.async('string') ?? ''));
  return xml.flatMap((x) =>
    all(x, /<a:p>[\s\S]*?<\/a:p>/g).flatMap((p) =>
      all(p, /<a:t>[^<]*<\/a:t>|<a:br\/>/g)
        .map((t) => (t === '<a:br/>' ? '\n' : decodeEntities(t.slice(5, -6))))
        .join('')
        .split('\n'),
    ),
  );
}

/** Every string an .xlsx holds (shared and inline), each cell's lines apart. */
export async function xlsxLines(file: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const parts = Object.keys(zip.files).filter(
    (p) => p === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(p),
  );
  const xml = await Promise.all(parts.map((p) => zip.file(p)?.async('string') ?? ''));
  return xml.flatMap((x) =>
    all(x, /<si>[\s\S]*?<\/si>|<is>[\s\S]*?<\/is>/g).flatMap((si) =>
      all(si, /<t[^>]*>[^<]*<\/t>/g)
        .map((t) => decodeEntities(t.replace(/<[^>]+>/g, '')))
        .join('')
        .split('\n'),
    ),
  );
}

/**
 * Lines that stop where a sentence should go on: 「出生数については、」 with nothing after the comma, or
 * an English lead that ends at its colon or comma (「Births:」, 「Regarding births,」).
 */
export function danglingLines(lines: readonly string[], kpiNames: readonly string[]): string[] {
  const names = new Set(kpiNames);
  return lines.filter((raw) => {
    const line = raw.trim();
    if (/については、$/.test(line)) return true;
    if (/^Regarding\b.*,$/i.test(line)) return true;
    const lead = /^(.+?)\s*[:,：]$/.exec(line)?.[1];
    return lead !== undefined && names.has(lead.replace(/^[-•・]\s*/, ''));
  });
}
