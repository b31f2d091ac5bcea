/**
 * The parts of a workbook that exceljs need not parse for a reader that reads only some sheets by name:
 * the other sheets' worksheets, the theme and the document properties (docProps). None of them holds a
 * cell of the sheets read, nor a shared string or a style they use. Every part has passed the preflight's
 * checks all the same; what is left out is only exceljs building its model of them, which for a
 * collection workbook is half its load (the guide sheet most of it).
 *
 * Only what is proven unread is left out: where the workbook's list of sheets or its relationships say
 * anything this cannot read for certain (an entity in a name, a repeated name or sheet id, a part named
 * from the root), every part is kept and exceljs reads the workbook whole, as before.
 */
export function partsToRead(
  parts: ReadonlyMap<string, Uint8Array>,
  sheets: readonly string[],
): ReadonlyMap<string, Uint8Array> {
  const skipped = unreadParts(parts, new Set(sheets));
  if (skipped.size === 0) return parts;
  return new Map([...parts].filter(([name]) => !skipped.has(name)));
}

const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const THEME = /^xl\/theme\/[a-zA-Z0-9]+\.xml$/;
const PROPERTIES = new Set(['docProps/app.xml', 'docProps/core.xml']);
/** A value exceljs's XML parser would change (an entity, or white space it folds): not read for certain. */
const UNCERTAIN = /[&\t\n\r]/;

function unreadParts(parts: ReadonlyMap<string, Uint8Array>, wanted: ReadonlySet<string>): Set<string> {
  const none = new Set<string>();
  if ([...parts.keys()].some((name) => name.startsWith('/'))) return none;
  const book = text(parts.get('xl/workbook.xml'));
  const rels = text(parts.get('xl/_rels/workbook.xml.rels'));
  if (book === null || rels === null) return none;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id === null || target === null || targets.has(id)) return none;
    // Where exceljs looks for a sheet's part (xlsx/xform/book/workbook-xform.js, reconcile).
    targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const read = new Set<string>();
  const unread = new Set<string>();
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const [tag] of book.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'sheetId');
    const rel = attribute(tag, 'r:id');
    if (name === null || id === null || rel === null || names.has(name) || ids.has(id)) return none;
    names.add(name);
    ids.add(id);
    const part = targets.get(rel);
    if (part === undefined) continue;
    (wanted.has(name) ? read : unread).add(part);
  }
  const skipped = new Set<string>();
  for (const name of parts.keys()) {
    if (
      (WORKSHEET.test(name) && unread.has(name) && !read.has(name)) ||
      THEME.test(name) ||
      PROPERTIES.has(name)
    ) {
      skipped.add(name);
    }
  }
  return skipped;
}

function text(bytes: Uint8Array | undefined): string | null {
  return bytes === undefined ? null : new TextDecoder().decode(bytes);
}

/** A double-quoted attribute read literally; null where it is missing, repeated or not certain. */
function attribute(tag: string, name: string): string | null {
  const found = [...tag.matchAll(new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`, 'g'))];
  const value = found.length === 1 ? found[0]?.[1] : undefined;
  return value === undefined || UNCERTAIN.test(value) ? null : value;
}
