import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openStore } from '../../src/store/connect.ts';
import { asStoreError, isRetryable, isUniqueViolation } from '../../src/store/db-errors.ts';
import * as t from '../../src/store/schema.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { onError } from '../../src/web/errors.tsx';
import { describeStores } from '../support/stores.ts';

/** A value that must never reach a person or the log: it is one of the statement's parameters. */
const SECRET = 'secret-parameter-value-環境課';

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse');
}

describeStores('database errors', (store) => {
  it('recognizes a unique violation as the driver raises it, wrapped by drizzle', async () => {
    await store().db.insert(t.departments).values({ name: SECRET });
    const error = await failure(() => store().db.insert(t.departments).values({ name: SECRET }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('insert into');
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'departments_municipality_name')).toBe(true);
    expect(isUniqueViolation(error, 'plans_slug_unique')).toBe(false);
    expect(isRetryable(error)).toBe(false);
  });

  it('shows a short message with an error id and logs one line without the statement or values', async () => {
    await store().db.insert(t.departments).values({ name: SECRET });
    const unique = await failure(() => store().db.insert(t.departments).values({ name: SECRET }));
    const broken = await failure(() =>
      store()
        .db.insert(t.goals)
        .values({ planId: 999_999, key: SECRET, kind: 'basic', number: 1, title: SECRET, position: 0 }),
    );
    for (const [error, id] of [
      [unique, 'conflict'],
      [broken, 'internal'],
    ] as const) {
      const log: string[] = [];
      const shown = asStoreError(error, (line) => log.push(line));
      expect(shown?.id).toBe(id);
      const errorId = String(shown?.context.errorId);
      expect(errorId).toMatch(/^[0-9a-f]{8}$/);
      expect(shown?.message).toContain(errorId);
      expect(shown?.message.length).toBeLessThan(200);
      expect(log).toHaveLength(1);
      expect(log[0]).toContain(errorId);
      expect(log[0]).toMatch(/sqlstate=\w{5}/);
      for (const text of [shown?.message ?? '', shown?.hint ?? '', ...log]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toMatch(/insert into|params/i);
      }
    }
    const log: string[] = [];
    asStoreError(unique, (line) => log.push(line));
    expect(log[0]).toContain('constraint=departments_municipality_name');
  });

  it('leaves errors that are not the database’s to their own handling', () => {
    expect(asStoreError(new RangeError('Maximum call stack size exceeded'), () => undefined)).toBeNull();
    expect(asStoreError('a string', () => undefined)).toBeNull();
  });

  it('answers the web with the status and error id, never the statement', async () => {
    await store().db.insert(t.departments).values({ name: SECRET });
    const app = new Hono<AppEnv>();
    app.get('/api/boom', async () => {
      await store().db.insert(t.departments).values({ name: SECRET });
      return new Response('unreachable');
    });
    app.onError(onError);
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const response = await app.request('/api/boom');
      expect(response.status).toBe(409);
      const body = await response.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toMatch(/insert into/i);
      const errorId = (JSON.parse(body) as { error: { context: { errorId: string } } }).error.context.errorId;
      expect(logged).toHaveLength(1);
      expect(String(logged[0]?.[0])).toContain(errorId);
      expect(JSON.stringify(logged)).not.toContain(SECRET);
    } finally {
      console.error = original;
    }
  });
});

it('the CLI shows a failed query as a short message with an error id, not its SQL', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'shinchoku-dberror-')), 'data');
  const setup = await openStore({ dataDir });
  // A table gone from under the app: every query on it fails in the database.
  await setup.db.execute(sql.raw('alter table plans rename to plans_gone'));
  await setup.close();
  const err: string[] = [];
  const code = await main(['plans', '--data', dataDir], {
    out: () => undefined,
    err: (text) => err.push(text),
  });
  const text = err.join('');
  expect(code).toBe(70);
  expect(text).toMatch(/error id [0-9a-f]{8}/);
  expect(text).toContain('sqlstate=42P01');
  expect(text).not.toMatch(/select|from "plans"/i);
  expect(text.length).toBeLessThan(600);
}, 60_000);
