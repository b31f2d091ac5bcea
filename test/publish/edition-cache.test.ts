import { describe, expect, it } from 'vitest';
import { EditionCache, PLAN_LIST_TAG } from '../../src/publish/edition-cache.ts';

const sized =
  (value: string, bytes = 1_000) =>
  async () => ({ value, bytes });

describe('the edition cache', () => {
  it('computes an entry once, however many ask for it at the same time', async () => {
    const cache = new EditionCache({ maxBytes: 1e6, recheckMs: Infinity });
    let computed = 0;
    const compute = async () => ({ value: `page ${++computed}`, bytes: 10 });
    const all = await Promise.all([1, 2, 3].map(() => cache.remember('k', 'plan-a', compute)));
    expect(all).toEqual(['page 1', 'page 1', 'page 1']);
    expect(await cache.remember('k', 'plan-a', compute)).toBe('page 1');
    expect(computed).toBe(1);
  });

  it('keeps its estimated bytes under the bound, dropping the least recently used first', async () => {
    const cache = new EditionCache({ maxBytes: 10_000, recheckMs: Infinity });
    for (const key of ['a', 'b', 'c', 'd']) await cache.remember(key, 'p', sized(key, 2_000));
    expect(cache.peek('a')).toBe('a');
    await cache.remember('e', 'p', sized('e', 2_000));
    expect(cache.size).toBeLessThanOrEqual(10_000);
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('a')).toBe('a');
    // Bigger than a quarter of the bound: answered, not kept.
    expect(await cache.remember('huge', 'p', sized('huge', 5_000))).toBe('huge');
    expect(cache.peek('huge')).toBeUndefined();
  });

  it('forgets a failed computation, and one not to be kept', async () => {
    const cache = new EditionCache({ maxBytes: 1e6, recheckMs: Infinity });
    await expect(cache.remember('x', 'p', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.remember('x', 'p', sized('x1'))).toBe('x1');
    expect(await cache.remember('y', 'p', async () => null)).toBeNull();
    expect(cache.peek('y')).toBeUndefined();
  });

  it('drops a plan’s entries and the plan list on invalidation, and nothing of other plans', async () => {
    const cache = new EditionCache({ maxBytes: 1e6, recheckMs: Infinity });
    await cache.remember('a1', 'plan-a', sized('a1'));
    await cache.remember('b1', 'plan-b', sized('b1'));
    await cache.remember('list', PLAN_LIST_TAG, sized('list'));
    cache.invalidate('plan-a');
    expect([cache.peek('a1'), cache.peek('b1'), cache.peek('list')]).toEqual([undefined, 'b1', undefined]);
  });

  it('does not keep what was computed from before a publication that happened meanwhile', async () => {
    const cache = new EditionCache({ maxBytes: 1e6, recheckMs: Infinity });
    let finish: (value: { value: string; bytes: number }) => void = () => {};
    const slow = cache.remember(
      'a1',
      'plan-a',
      () => new Promise<{ value: string; bytes: number }>((resolve) => (finish = resolve)),
    );
    cache.invalidate('plan-a');
    finish({ value: 'stale', bytes: 10 });
    expect(await slow).toBe('stale');
    expect(cache.peek('a1')).toBeUndefined();
  });

  it('drops a plan’s entries when another process changed its version, read at most once per interval', async () => {
    let now = 0;
    let version = 'v1';
    let reads = 0;
    const cache = new EditionCache({
      maxBytes: 1e6,
      recheckMs: 1_000,
      now: () => now,
      versionOf: async () => {
        reads++;
        return version;
      },
    });
    await cache.refresh('plan-a');
    await cache.remember('a1', 'plan-a', sized('a1'));
    version = 'v2';
    now = 500;
    await cache.refresh('plan-a');
    expect([cache.peek('a1'), reads]).toEqual(['a1', 1]);
    now = 1_000;
    await cache.refresh('plan-a');
    expect([cache.peek('a1'), reads]).toEqual([undefined, 2]);
  });

  it('gives an entry with no await only while refresh would not ask the store (the web’s fast path)', async () => {
    let now = 0;
    const cache = new EditionCache({
      maxBytes: 1e6,
      recheckMs: 1_000,
      planListTtlMs: 5_000,
      now: () => now,
      versionOf: async () => 'v1',
    });
    expect(cache.fresh('a1')).toBeUndefined();
    await cache.refresh('plan-a');
    await cache.remember('a1', 'plan-a', sized('a1'));
    await cache.remember('list', PLAN_LIST_TAG, sized('list'));
    now = 999;
    expect([cache.fresh('a1'), cache.fresh('list')]).toEqual(['a1', 'list']);
    // Due for its version check: the caller must go through refresh, which may drop it.
    now = 1_000;
    expect([cache.fresh('a1'), cache.peek('a1')]).toEqual([undefined, 'a1']);
    await cache.refresh('plan-a');
    expect(cache.fresh('a1')).toBe('a1');
    // The plan list is never checked by version, only by its time to live.
    now = 5_000;
    expect(cache.fresh('list')).toBeUndefined();
    cache.invalidate('plan-a');
    expect(cache.fresh('a1')).toBeUndefined();
    const local = new EditionCache({ maxBytes: 1e6, recheckMs: Infinity });
    await local.remember('b1', 'plan-b', sized('b1'));
    expect(local.fresh('b1')).toBe('b1');
  });

  it('remembers nothing of an address that names no plan', async () => {
    const cache = new EditionCache({ maxBytes: 1e6, recheckMs: 0, versionOf: async () => null });
    for (let i = 0; i < 100; i++) {
      await cache.refresh(`nothing-${i}`);
      await cache.remember(`k${i}`, `nothing-${i}`, () => Promise.reject(new Error('404'))).catch(() => {});
    }
    expect(cache.count).toBe(0);
    expect((cache as unknown as { tags: Map<string, unknown> }).tags.size).toBe(0);
  });

  it('lets the plan list’s entries expire, since a title can change without a publication', async () => {
    let now = 0;
    const cache = new EditionCache({
      maxBytes: 1e6,
      recheckMs: Infinity,
      planListTtlMs: 5_000,
      now: () => now,
    });
    await cache.remember('list', PLAN_LIST_TAG, sized('list'));
    now = 4_999;
    expect(cache.peek('list')).toBe('list');
    now = 5_000;
    expect(cache.peek('list')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
