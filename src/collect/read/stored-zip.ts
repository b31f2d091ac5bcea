import { crc32 } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Bit 11: the names are UTF-8, so a part named in any script reads back as it was written. */
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00 in DOS date and time, the earliest a zip can hold: the parts carry no time of ours. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes the parts, already proven by the preflight, as a zip with no compression, in the order given.
 * A zip library (jszip's generateAsync) would compute each part's checksum again in JavaScript and stream
 * it through its workers; this is a copy of the bytes behind the headers. The limits (50 MB expanded, 1,000
 * parts) keep every offset within the 32-bit fields of a plain zip.
 */
export function storedZip(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const entries = [...parts].map(([name, content]) => ({
    name: encoder.encode(name),
    content,
    crc: crc32(content),
  }));
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.content.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    out.set(value, at);
    at += value.length;
  };
  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(at);
    u32(LOCAL);
    u16(10); // version needed: 1.0, a stored part
    u16(UTF8_NAMES);
    u16(0); // method: stored
    u16(0); // time
    u16(DOS_DATE);
    u32(entry.crc);
    u32(entry.content.length);
    u32(entry.content.length);
    u16(entry.name.length);
    u16(0); // no extra field
    bytes(entry.name);
    bytes(entry.content);
  }
  const centralStart = at;
  entries.forEach((entry, i) => {
    u32(CENTRAL);
    u16(20); // made by
    u16(10);
    u16(UTF8_NAMES);
    u16(0);
    u16(0);
    u16(DOS_DATE);
    u32(entry.crc);
    u32(entry.content.length);
    u32(entry.content.length);
    u16(entry.name.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i] as number);
    bytes(entry.name);
  });
  const centralEnd = at;
  u32(END);
  u16(0); // this disk
  u16(0); // the disk the directory starts on
  u16(entries.length);
  u16(entries.length);
  u32(centralEnd - centralStart);
  u32(centralStart);
  u16(0); // no comment
  return out;
}
