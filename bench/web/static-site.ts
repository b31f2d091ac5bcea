import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOOPBACK } from './free-port.ts';

/**
 * The pages rendered in advance: fetched once from the app and written where nginx finds them
 * (`/plans/x` → `site/plans/x/index.html`), byte for byte what the app serves.
 */
export async function snapshotPages(port: number, paths: readonly string[], site: string): Promise<number[]> {
  const sizes: number[] = [];
  for (const path of paths) {
    const response = await fetch(`http://${LOOPBACK}:${port}${path}`, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !type.startsWith('text/html')) {
      throw new Error(`${path} answered ${response.status} ${type}, not a page`);
    }
    const body = Buffer.from(await response.arrayBuffer());
    const dir = join(site, ...path.split('/').filter(Boolean).map(decodeURIComponent));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), body);
    sizes.push(body.length);
  }
  return sizes;
}
