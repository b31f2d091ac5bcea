import { crc32, inflateRawSync } from 'node:zlib';

/** A zip entry as its central directory declares it, before anything is decompressed. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc: number;
  readonly compressedSize: number;
  /** Declared, not yet proven: {@link inflateEntry} holds the entry to it. */
  readonly size: number;
  readonly localOffset: number;
}

/** What is wrong with a zip that cannot be read as one, for each interface to word. */
export type ZipDamageDetail =
  | {
      readonly kind:
        | 'not-zip'
        | 'truncated'
        | 'multi-part'
        | 'zip64'
        | 'directory-damaged'
        | 'directory-short'
        | 'name-not-text';
    }
  | { readonly kind: 'too-many-parts'; readonly count: number }
  | {
      readonly kind:
        | 'part-damaged'
        | 'part-short'
        | 'part-expands'
        | 'part-undecompressable'
        | 'part-size'
        | 'part-checksum';
      readonly part: string;
    }
  | { readonly kind: 'part-method'; readonly part: string; readonly method: number };

/** The English words for {@link ZipDamageDetail}, completing "The file cannot be read: …". */
export function zipDamageText(detail: ZipDamageDetail): string {
  switch (detail.kind) {
    case 'not-zip':
      return 'it is not a zip archive, so it cannot be an Excel workbook (.xlsx)';
    case 'truncated':
      return 'it ends in the middle of its zip structure';
    case 'multi-part':
      return 'it is a multi-part zip, which a workbook never is';
    case 'zip64':
      return 'it is a ZIP64 archive, which a workbook of this size never needs';
    case 'directory-damaged':
      return 'its zip directory is damaged';
    case 'directory-short':
      return 'its zip directory is cut short';
    case 'name-not-text':
      return 'a part of it has a name that is not text';
    case 'too-many-parts':
      return `it holds ${detail.count} parts; a workbook has far fewer`;
    case 'part-damaged':
      return `its part ${detail.part} is damaged`;
    case 'part-short':
      return `its part ${detail.part} is cut short`;
    case 'part-expands':
      return `its part ${detail.part} expands beyond the size its directory declares`;
    case 'part-undecompressable':
      return `its part ${detail.part} cannot be decompressed`;
    case 'part-size':
      return `its part ${detail.part} is not the size its directory declares`;
    case 'part-checksum':
      return `its part ${detail.part} fails its checksum`;
    case 'part-method':
      return `its part ${detail.part} uses a compression Excel does not write (method ${detail.method})`;
  }
}

/** A zip that cannot be read as one: its detail says what is wrong, for the person who sent it. */
export class ZipDamage extends Error {
  constructor(readonly detail: ZipDamageDetail) {
    super(zipDamageText(detail));
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > bytes.length) throw new ZipDamage({ kind: 'truncated' });
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/**
 * Lists a zip's entries from its central directory alone. Reading it ourselves lets the sizes be
 * checked before a single byte is inflated, which is how a zip bomb is caught cheaply.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) {
    throw new ZipDamage({ kind: 'multi-part' });
  }
  const count = u16(bytes, end + 10);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ZipDamage({ kind: 'zip64' });
  }
  if (count > maxEntries) throw new ZipDamage({ kind: 'too-many-parts', count });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL) throw new ZipDamage({ kind: 'directory-damaged' });
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    if (nameBytes.length !== nameLength) throw new ZipDamage({ kind: 'directory-short' });
    let name: string;
    try {
      name = decoder.decode(nameBytes);
    } catch {
      throw new ZipDamage({ kind: 'name-not-text' });
    }
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    if (compressedSize === 0xffffffff || size === 0xffffffff) {
      throw new ZipDamage({ kind: 'zip64' });
    }
    entries.push({
      name,
      method: u16(bytes, at + 10),
      encrypted: (flags & 1) === 1,
      crc: u32(bytes, at + 16),
      compressedSize,
      size,
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (u32(bytes, at) === EOCD) return at;
  }
  throw new ZipDamage({ kind: 'not-zip' });
}

/**
 * Decompresses one entry, never past its declared size (zlib stops there), and checks that it is
 * exactly that size and matches its checksum: a lying directory is refused, not believed.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (u32(bytes, entry.localOffset) !== LOCAL)
    throw new ZipDamage({ kind: 'part-damaged', part: entry.name });
  const start =
    entry.localOffset + 30 + u16(bytes, entry.localOffset + 26) + u16(bytes, entry.localOffset + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipDamage({ kind: 'part-short', part: entry.name });
  let content: Uint8Array;
  if (entry.method === 0) {
    content = data;
  } else if (entry.method === 8) {
    try {
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      const tooLong = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      throw new ZipDamage({ kind: tooLong ? 'part-expands' : 'part-undecompressable', part: entry.name });
    }
  } else {
    throw new ZipDamage({ kind: 'part-method', part: entry.name, method: entry.method });
  }
  if (content.length !== entry.size) {
    throw new ZipDamage({ kind: 'part-size', part: entry.name });
  }
  if (crc32(content) !== entry.crc) throw new ZipDamage({ kind: 'part-checksum', part: entry.name });
  return content;
}
