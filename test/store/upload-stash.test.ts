import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import { countStashes, stashFiles, takeStash } from '../../src/store/upload-stash.ts';
import { describeStores } from '../support/stores.ts';

const NOW = new Date('2024-06-01T00:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const LIMITS = { keepMs: 60_000, maxStashes: 3 };

describeStores('upload stash', (store) => {
  const user = async (login: string) => {
    const [row] = await store()
      .db.insert(schema.users)
      .values({ login, displayName: login, passwordHash: 'x', role: 'admin' })
      .returning({ id: schema.users.id });
    return row?.id ?? 0;
  };

  it('gives the files back byte for byte, in order, once, and only to the one who sent them', async () => {
    const office = await user('office');
    const other = await user('other');
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const files = [
      { name: 'R5_子ども課.xlsx', bytes },
      { name: 'R5_商工課.xlsx', bytes: Uint8Array.of(0, 255, 0) },
    ];
    const token = await stashFiles(store().db, office, files, LIMITS, NOW);
    expect(token).toMatch(/^[\w-]{24}$/);
    expect(await takeStash(store().db, other, token, NOW)).toBeNull();
    expect(await takeStash(store().db, office, `${token}x`, NOW)).toBeNull();
    expect(await takeStash(store().db, office, '', NOW)).toBeNull();
    const taken = await takeStash(store().db, office, token, NOW);
    expect(taken?.map((f) => f.name)).toEqual(['R5_子ども課.xlsx', 'R5_商工課.xlsx']);
    expect(taken?.[0]?.bytes).toEqual(bytes);
    expect(taken?.[1]?.bytes).toEqual(Uint8Array.of(0, 255, 0));
    expect(await takeStash(store().db, office, token, NOW)).toBeNull();
  });

  it('lets only one of two takes at once have the files', async () => {
    const office = await user('office');
    const token = await stashFiles(
      store().db,
      office,
      [{ name: 'a.xlsx', bytes: Uint8Array.of(1) }],
      LIMITS,
      NOW,
    );
    const takes = await Promise.all([1, 2, 3].map(() => takeStash(store().db, office, token, NOW)));
    expect(takes.filter((t) => t !== null)).toHaveLength(1);
  });

  it('forgets a stash past its time and keeps at most the bound, dropping the oldest', async () => {
    const office = await user('office');
    const file = [{ name: 'a.xlsx', bytes: Uint8Array.of(1) }];
    const expired = await stashFiles(store().db, office, file, LIMITS, NOW);
    expect(await takeStash(store().db, office, expired, later(60_000))).toBeNull();
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(await stashFiles(store().db, office, file, LIMITS, later(i)));
    expect(await countStashes(store().db)).toBe(3);
    expect(await takeStash(store().db, office, tokens[1] ?? '', later(10))).toBeNull();
    expect(await takeStash(store().db, office, tokens[2] ?? '', later(10))).not.toBeNull();
    expect(await takeStash(store().db, office, tokens[4] ?? '', later(10))).not.toBeNull();
  });
});
