import { describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../../src/render/pdf/printer.ts';
import { RenderCache } from '../../src/web/render-cache.ts';
import { sharedPrinter } from '../../src/web/shared-printer.ts';

describe('the render cache', () => {
  it('renders a file once, however many ask for it at the same time', async () => {
    const cache = new RenderCache<string>(2);
    let renders = 0;
    const render = async () => `file ${++renders}`;
    const [a, b] = await Promise.all([cache.get('k', render), cache.get('k', render)]);
    expect([a, b, renders]).toEqual(['file 1', 'file 1', 1]);
  });

  it('forgets the least recently used file and any render that failed', async () => {
    const cache = new RenderCache<string>(2);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('a', async () => 'a2');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a3')).toBe('a1');
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
    await expect(cache.get('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('x', async () => 'x1')).toBe('x1');
  });
});

describe('the shared printer', () => {
  const fakePrinter = (log: string[]): PdfPrinter => ({
    print: async () => Buffer.from(''),
    close: async () => {
      log.push('closed');
    },
  });

  it('starts the browser once, retries after a failed start, and closes it', async () => {
    const log: string[] = [];
    let attempts = 0;
    const shared = sharedPrinter(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('no browser');
      return fakePrinter(log);
    });
    await expect(shared.get()).rejects.toThrow('no browser');
    const first = await shared.get();
    expect(await shared.get()).toBe(first);
    expect(attempts).toBe(2);
    await shared.close();
    expect(log).toEqual(['closed']);
  });

  it('stops a print that overruns its limit and starts a fresh browser for the next', async () => {
    const log: string[] = [];
    let launches = 0;
    const shared = sharedPrinter(async () => {
      launches += 1;
      return {
        print: () => (launches === 1 ? new Promise<Buffer>(() => {}) : Promise.resolve(Buffer.from('%PDF'))),
        close: async () => void log.push(`closed ${launches}`),
      };
    }, 50);
    const stuck = await shared.get();
    await expect(stuck.print('<p>')).rejects.toMatchObject({ id: 'render-timeout' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log).toEqual(['closed 1']);
    const fresh = await shared.get();
    expect((await fresh.print('<p>')).toString()).toBe('%PDF');
    expect(launches).toBe(2);
  });

  it('closes nothing when no PDF was ever asked for', async () => {
    let attempts = 0;
    const shared = sharedPrinter(async () => {
      attempts += 1;
      return fakePrinter([]);
    });
    await shared.close();
    expect(attempts).toBe(0);
  });
});
