import { ZipDamage, inflateEntry, readZipDirectory, type ZipEntry } from '../read/zip-directory.ts';
import { BUNDLE_LIMITS } from './limits.ts';
import type { BundleRefusal } from './problem.ts';

/** One file of a folder or zip, not yet read: its name inside, its size, and how to read it. */
export interface BundleFile {
  /** The path inside the folder or zip, `/`-separated: how the report names the file. */
  readonly name: string;
  /** As the zip's directory declares it or the file system says; {@link read} holds it to that. */
  readonly size: number;
  read(): Promise<Uint8Array>;
}

export type BundleListing =
  | {
      readonly ok: true;
      /** The files that may be plans, in the order of their names (code points), so every run is the same. */
      readonly files: readonly BundleFile[];
      /** Files that are no plan by their name (a README, a picture), named in the report and not read. */
      readonly skipped: readonly string[];
    }
  | { readonly ok: false; readonly refusal: BundleRefusal };

const PLAN_FILE = /\.(ya?ml|json|xlsx|zip)$/i;
/**
 * What archivers, file managers and Excel add (a dot file, __MACOSX, Excel's ~$ lock file of an open
 * workbook): never a plan, never worth a line in the report.
 */
const NOISE = /(^|\/)(\.[^/]*|~\$[^/]*|__MACOSX|Thumbs\.db|desktop\.ini)(\/|$)/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A name that could write outside its folder if someone unpacked it, or that no person could read. */
export function unsafeName(name: string): boolean {
  if (name.length === 0 || name.length > BUNDLE_LIMITS.nameLength) return true;
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || CONTROL.test(name))
    return true;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.some((s) => s === '' || s === '.' || s === '..');
}

const depthOf = (name: string): number => name.replace(/\/$/, '').split('/').length - 1;

/** Sorts the names into plan candidates and skipped files, dropping the archivers' noise. */
export function sortOut<T extends { name: string }>(items: readonly T[]): { files: T[]; skipped: string[] } {
  const files: T[] = [];
  const skipped: string[] = [];
  for (const item of [...items].sort((a, b) => byName(a.name, b.name))) {
    if (NOISE.test(item.name)) continue;
    if (PLAN_FILE.test(item.name)) files.push(item);
    else skipped.push(item.name);
  }
  return { files, skipped };
}

/**
 * Lists a zip's plan files from its central directory alone, refusing the whole zip when its directory
 * shows an attack (a bomb, names that climb out of the folder, encryption) or more than the limits.
 * Nothing is decompressed here; each file is inflated when it is read, never past its declared size.
 */
export function zipListing(bytes: Uint8Array): BundleListing {
  const refuse = (refusal: BundleRefusal): BundleListing => ({ ok: false, refusal });
  if (bytes.length > BUNDLE_LIMITS.zipBytes) {
    return refuse({ code: 'zip-too-large', bytes: bytes.length, limit: BUNDLE_LIMITS.zipBytes });
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return refuse({ code: 'not-zip' });
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, BUNDLE_LIMITS.entries);
  } catch (error) {
    if (!(error instanceof ZipDamage)) throw error;
    if (error.detail.kind === 'too-many-parts') {
      return refuse({ code: 'too-many-entries', count: error.detail.count, limit: BUNDLE_LIMITS.entries });
    }
    return refuse({ code: 'damaged', damage: error.detail });
  }
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (unsafeName(entry.name)) return refuse({ code: 'unsafe-name', entry: entry.name.slice(0, 200) });
    if (seen.has(entry.name)) return refuse({ code: 'duplicate-name', entry: entry.name });
    seen.add(entry.name);
    if (depthOf(entry.name) > BUNDLE_LIMITS.depth) {
      return refuse({ code: 'too-deep', entry: entry.name, limit: BUNDLE_LIMITS.depth });
    }
    if (entry.encrypted) return refuse({ code: 'encrypted', entry: entry.name });
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > BUNDLE_LIMITS.ratioFloor && ratio > BUNDLE_LIMITS.ratio) {
      return refuse({ code: 'zip-bomb', entry: entry.name, ratio: Math.round(ratio) });
    }
    total += entry.size;
    if (total > BUNDLE_LIMITS.expandedBytes) {
      return refuse({ code: 'expands-too-much', limit: BUNDLE_LIMITS.expandedBytes });
    }
  }
  const { files, skipped } = sortOut(entries.filter((e) => !e.name.endsWith('/')));
  if (files.length === 0 && skipped.length === 0) return refuse({ code: 'empty' });
  return {
    ok: true,
    files: files.map((entry) => ({
      name: entry.name,
      size: entry.size,
      read: async () => inflateEntry(bytes, entry),
    })),
    skipped,
  };
}
