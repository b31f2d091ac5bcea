import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_LIMITS } from './limits.ts';
import { sortOut, unsafeName, zipListing, type BundleListing } from './listing.ts';
import type { BundleRefusal } from './problem.ts';

/** Reads at most `limit + 1` bytes, so a file grown since it was listed is still refused by its size. */
async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(limit + 1);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const largest = Math.max(BUNDLE_LIMITS.planBytes, BUNDLE_LIMITS.masterBytes);

/**
 * Lists a folder's files, in its subfolders too, as a zip's would be. Symbolic links are not followed
 * (one could lead anywhere on the disk): they are named as skipped.
 */
async function folderListing(root: string): Promise<BundleListing> {
  const found: { name: string; size: number }[] = [];
  const links: string[] = [];
  let refusal: BundleRefusal | null = null;
  let count = 0;
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (refusal) return;
      const name = `${prefix}${entry.name}`;
      if (++count > BUNDLE_LIMITS.entries) {
        refusal = { code: 'too-many-entries', count, limit: BUNDLE_LIMITS.entries };
        return;
      }
      if (unsafeName(name)) {
        refusal = { code: 'unsafe-name', entry: name.slice(0, 200) };
        return;
      }
      if (entry.isSymbolicLink()) links.push(name);
      else if (entry.isDirectory()) {
        if (depth >= BUNDLE_LIMITS.depth) {
          refusal = { code: 'too-deep', entry: name, limit: BUNDLE_LIMITS.depth };
          return;
        }
        await walk(join(folder, entry.name), `${name}/`, depth + 1);
      } else if (entry.isFile()) {
        found.push({ name, size: (await stat(join(folder, entry.name))).size });
      }
    }
  };
  await walk(root, '', 0);
  if (refusal) return { ok: false, refusal };
  const listing = zipLikeListing(root, found);
  return listing.ok ? { ...listing, skipped: [...listing.skipped, ...links].sort() } : listing;
}

function zipLikeListing(root: string, found: readonly { name: string; size: number }[]): BundleListing {
  const { files, skipped } = sortOut(found);
  if (files.length === 0 && skipped.length === 0) return { ok: false, refusal: { code: 'empty' } };
  const read = (name: string) => () => readBounded(join(root, ...name.split('/')), largest);
  return { ok: true, files: files.map(({ name, size }) => ({ name, size, read: read(name) })), skipped };
}

/** A folder of plan files, or a zip of them, named on the command line. */
export async function openBundle(path: string): Promise<BundleListing> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return { ok: false, refusal: { code: 'not-found' } };
  }
  if (info.isDirectory()) return folderListing(path);
  if (info.size > BUNDLE_LIMITS.zipBytes) {
    return { ok: false, refusal: { code: 'zip-too-large', bytes: info.size, limit: BUNDLE_LIMITS.zipBytes } };
  }
  return zipListing(await readBounded(path, BUNDLE_LIMITS.zipBytes));
}
