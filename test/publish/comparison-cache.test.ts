import { describe, expect, it } from 'vitest';
import { keptComparison } from '../../src/publish/comparison-cache.ts';
import { EditionCache } from '../../src/publish/edition-cache.ts';

describe('a comparison kept under every plan’s tag', () => {
  it('is computed once, shared by concurrent asks, and dropped by any plan’s publication', async () => {
    const cache = new EditionCache({ maxBytes: 1_000_000, recheckMs: Infinity });
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { runs };
    };
    const [a, b] = await Promise.all([
      keptComparison(cache, 'k', compute),
      keptComparison(cache, 'k', compute),
    ]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
    await keptComparison(cache, 'k', compute);
    expect(runs).toBe(1);
    cache.invalidate('some-plan');
    expect(await keptComparison(cache, 'k', compute)).toEqual({ runs: 2 });
  });

  it('is dropped when another process changed any plan’s editions, read at most once per interval', async () => {
    let version = 'v1';
    let reads = 0;
    let now = 0;
    const cache = new EditionCache({
      maxBytes: 1_000_000,
      recheckMs: 1_000,
      now: () => now,
      allVersionOf: () => {
        reads++;
        return Promise.resolve(version);
      },
    });
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await keptComparison(cache, 'k', compute)).toBe(1);
    version = 'v2';
    now = 500;
    expect(await keptComparison(cache, 'k', compute)).toBe(1);
    expect(reads).toBe(1);
    now = 1_500;
    expect(await keptComparison(cache, 'k', compute)).toBe(2);
    expect(reads).toBe(2);
  });
});
