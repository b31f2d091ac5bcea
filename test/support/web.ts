import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { FiscalYear } from '../../src/core/fiscal-year.ts';
import type { Store } from '../../src/store/connect.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import * as schema from '../../src/store/schema.ts';
import { createApp } from '../../src/web/app.ts';
import type { AppDeps } from '../../src/web/deps.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { kitamotoPlan } from './kitamoto.ts';

export const KITAMOTO = 'kitamoto-2nd-strategy';
/** The day the pages say an edition was published, pinned so golden pages do not change with the clock. */
export const PUBLISHED_AT = new Date('2023-06-30T01:00:00Z');

export function testDeps(store: Store, overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    store,
    clock: { now: () => new Date('2023-07-01T00:00:00Z') },
    printer: null,
    secureCookies: false,
    ...overrides,
  };
}

export function testApp(store: Store, overrides: Partial<AppDeps> = {}): Hono<AppEnv> {
  return createApp(testDeps(store, overrides));
}

/** Pins every edition's publication time, which the database otherwise sets to now. */
export async function pinPublicationTimes(store: Store, at: Date = PUBLISHED_AT): Promise<void> {
  await store.db.update(schema.editions).set({ publishedAt: at });
}

/** The seed as the first start leaves it: Kitamoto imported and its R4 edition published. */
export async function publishedKitamoto(store: Store, years: readonly FiscalYear[] = [2022]): Promise<void> {
  await importPlan(store.db, kitamotoPlan());
  for (const year of years) await publishEdition(store.db, { plan: KITAMOTO, year, errata: null }, null);
  await pinPublicationTimes(store);
}

/** The editions of one year, to pin a later one to a later date. */
export async function setPublicationTime(store: Store, number: number, at: Date): Promise<void> {
  await store.db.update(schema.editions).set({ publishedAt: at }).where(eq(schema.editions.number, number));
}
