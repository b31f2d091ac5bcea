import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as schema from '../../src/store/schema.ts';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  sessionIdOf,
} from '../../src/store/sessions.ts';
import { describeStores } from '../support/stores.ts';

const NOW = new Date('2024-06-01T00:00:00Z');
const LATER = new Date('2024-06-01T08:00:00Z');

describeStores('sessions', (store) => {
  const user = async (login: string) => {
    const [row] = await store()
      .db.insert(schema.users)
      .values({ login, displayName: login, passwordHash: 'x', role: 'committee' })
      .returning({ id: schema.users.id });
    return row?.id ?? 0;
  };

  it('keeps the token’s hash, never the token, and finds the session and its user by the token', async () => {
    const id = await user('iin');
    const { token, session } = await createSession(store().db, id, LATER);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(session.id).toBe(sessionIdOf(token));
    expect(session.csrfToken).not.toBe(token);
    const rows = await store().db.select().from(schema.sessions);
    expect(JSON.stringify(rows)).not.toContain(token);
    const found = await findSession(store().db, token, NOW);
    expect(found?.user.login).toBe('iin');
    expect(found?.session.csrfToken).toBe(session.csrfToken);
    // One character changed: a token that happens to end in A is changed to end in B.
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await findSession(store().db, altered, NOW)).toBeNull();
  });

  it('finds no session once it expires or its user is disabled, and deletes them', async () => {
    const a = await user('a-user');
    const b = await user('b-user');
    const first = await createSession(store().db, a, LATER);
    const second = await createSession(store().db, a, LATER);
    const other = await createSession(store().db, b, NOW);
    expect(await findSession(store().db, first.token, LATER)).toBeNull();
    expect(await findSession(store().db, other.token, NOW)).toBeNull();
    expect(await deleteExpiredSessions(store().db, NOW)).toBe(1);
    await store().db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, a));
    expect(await findSession(store().db, second.token, NOW)).toBeNull();
    await deleteSession(store().db, first.session.id);
    expect((await store().db.select().from(schema.sessions)).map((s) => s.id)).toEqual([second.session.id]);
    await deleteUserSessions(store().db, a);
    expect(await store().db.select().from(schema.sessions)).toEqual([]);
  });
});
