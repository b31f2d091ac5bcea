import { extname } from 'node:path';
import { parsed, refused, type Parsed } from '../../core/parsed.ts';
import { LIMITS, megabytes } from './limits.ts';
import type { WorkbookFile } from './workbook-file.ts';
import { MACROS_REFUSED, checkPartContent, checkPartNames } from './part-checks.ts';
import { ZipDamage, inflateEntry, readZipDirectory, type ZipEntry } from './zip-directory.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const TEXT_PART = /\.(xml|rels|vml)$/i;

/**
 * Everything checked before a workbook is parsed: its size, its kind, its zip directory, each part's
 * real size and checksum, and what its XML declares. Returns the parts, decompressed and proven.
 */
export function preflightWorkbook(file: WorkbookFile): Parsed<Map<string, Uint8Array>> {
  const { bytes } = file;
  const size = Math.max(file.size ?? 0, bytes.length);
  if (size > LIMITS.fileBytes) {
    return refused(
      `The file is ${megabytes(size)}; a collection workbook may be at most ${megabytes(LIMITS.fileBytes)}.`,
    );
  }
  const extension = extname(file.name).toLowerCase();
  if (['.xlsm', '.xltm', '.xlam'].includes(extension)) return refused(MACROS_REFUSED);
  if (startsWith(bytes, OLE_MAGIC)) {
    return refused(
      'The file is an Excel 97–2003 workbook (.xls) or is protected with a password to open; ' +
        'save it as 「Excel ブック (*.xlsx)」 without a password and send it again.',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    return refused('The file is not an Excel workbook (.xlsx); send the workbook Shinchoku made, filled in.');
  }
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
      return refused('The file is a zip archive but not an Excel workbook (.xlsx).');
    }
    return parsed(parts);
  } catch (error) {
    if (error instanceof ZipDamage) return refused(`The file cannot be read: ${error.message}.`);
    throw error;
  }
}

function checkEntries(entries: readonly ZipEntry[]): string | null {
  const names = entries.map((e) => e.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) return `The file cannot be read: it holds the part ${duplicate} twice.`;
  const named = checkPartNames(names);
  if (named) return named;
  if (entries.some((e) => e.encrypted)) {
    return 'The file is encrypted; remove the password and send it again.';
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > LIMITS.ratioFloor && ratio > LIMITS.ratio) {
      return `The file is refused as a possible zip bomb: its part ${entry.name} would expand ${Math.round(ratio)} times, to ${megabytes(entry.size)}.`;
    }
    if (total > LIMITS.expandedBytes) {
      return `The file is refused as a possible zip bomb: it would expand to more than ${megabytes(LIMITS.expandedBytes)}.`;
    }
  }
  return null;
}
