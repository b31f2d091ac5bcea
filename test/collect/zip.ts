import JSZip from 'jszip';
import { zipBytes } from '../support/zip-bytes.ts';

export interface RawEntry {
  readonly name: string;
  readonly content: Uint8Array;
  /** What the directory claims, where a test wants it to lie. */
  readonly declaredSize?: number;
}

/** Writes a zip by hand, so that a test can make the central directory say what it likes. */
export function handMadeZip(entries: readonly RawEntry[]): Uint8Array {
  return zipBytes(
    entries.map((e) => ({
      name: e.name,
      data: e.content,
      ...(e.declaredSize === undefined ? {} : { declaredSize: e.declaredSize }),
    })),
  );
}

/** A workbook's parts, to be changed and zipped again. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
  }
  return parts;
}

export async function zipParts(parts: ReadonlyMap<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

export const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);
