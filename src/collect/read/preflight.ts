import { extname } from 'node:path';
import { LIMITS } from './limits.ts';
import type { WorkbookProblem } from './problem.ts';
import type { WorkbookFile } from './workbook-file.ts';
import { MACROS_REFUSED, checkPartContent, checkPartNames } from './part-checks.ts';
import { ZipDamage, inflateEntry, readZipDirectory, type ZipEntry } from './zip-directory.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const TEXT_PART = /\.(xml|rels|vml)$/i;

/** A workbook's parts, decompressed and proven; or the one reason it is refused. */
export type Preflight =
  | { readonly ok: true; readonly parts: Map<string, Uint8Array> }
  | { readonly ok: false; readonly problem: WorkbookProblem };

const refused = (problem: WorkbookProblem): Preflight => ({ ok: false, problem });

/**
 * Everything checked before a workbook is parsed: its size, its kind, its zip directory, each part's
 * real size and checksum, and what its XML declares. Returns the parts, decompressed and proven.
 */
export function preflightWorkbook(file: WorkbookFile): Preflight {
  const { bytes } = file;
  const size = Math.max(file.size ?? 0, bytes.length);
  if (size > LIMITS.fileBytes)
    return refused({ code: 'file-too-large', bytes: size, limit: LIMITS.fileBytes });
  const extension = extname(file.name).toLowerCase();
  if (['.xlsm', '.xltm', '.xlam'].includes(extension)) return refused(MACROS_REFUSED);
  if (startsWith(bytes, OLE_MAGIC)) return refused({ code: 'legacy-or-protected' });
  if (!startsWith(bytes, ZIP_MAGIC)) return refused({ code: 'not-xlsx' });
  try {
    const entries = readZipDirectory(bytes, LIMITS.entries).filter((e) => !e.name.endsWith('/'));
    const refusal = checkEntries(entries);
    if (refusal) return refused(refusal);
    const parts = new Map<string, Uint8Array>();
    for (const entry of entries) {
      const content = inflateEntry(bytes, entry);
      if (TEXT_PART.test(entry.name)) {
        const problem = checkPartContent(entry.name, new TextDecoder().decode(content));
        if (problem) return refused(problem);
      }
      parts.set(entry.name, content);
    }
    if (!parts.has('[Content_Types].xml') || !parts.has('xl/workbook.xml')) {
      return refused({ code: 'zip-not-workbook' });
    }
    return { ok: true, parts };
  } catch (error) {
    if (error instanceof ZipDamage) return refused({ code: 'zip-damaged', damage: error.detail });
    throw error;
  }
}

function checkEntries(entries: readonly ZipEntry[]): WorkbookProblem | null {
  const names = entries.map((e) => e.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) return { code: 'duplicate-part', part: duplicate };
  const named = checkPartNames(names);
  if (named) return named;
  if (entries.some((e) => e.encrypted)) return { code: 'encrypted' };
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > LIMITS.ratioFloor && ratio > LIMITS.ratio) {
      return { code: 'zip-bomb-part', part: entry.name, ratio, bytes: entry.size };
    }
    if (total > LIMITS.expandedBytes) return { code: 'zip-bomb-total', limit: LIMITS.expandedBytes };
  }
  return null;
}
