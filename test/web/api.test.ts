import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { publishEdition } from '../../src/store/editions.ts';
import { saveObservation } from '../../src/store/figures.ts';
import { openStore, type Store } from '../../src/store/connect.ts';
import { createApp } from '../../src/web/app.ts';
import { KITAMOTO, pinPublicationTimes, publishedKitamoto, testApp, testDeps } from '../support/web.ts';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: null });
  await publishedKitamoto(store);
  await saveObservation(
    store.db,
    {
      plan: KITAMOTO,
      kpi: 'births',
      series: 0,
      year: 2022,
      entry: { kind: 'value', value: '400' as DecimalString },
      state: 'final',
      expectedVersion: 1,
    },
    null,
  );
  await publishEdition(store.db, { plan: KITAMOTO, year: 2022, errata: '出生数を訂正' }, null);
  await pinPublicationTimes(store);
}, 60_000);
afterAll(() => store.close());

const getJson = async (url: string) => {
  const res = await testApp(store).request(url);
  expect(res.headers.get('content-type'), url).toBe('application/json; charset=utf-8');
  return {
    status: res.status,
    text: await res.clone().text(),
    body: (await res.json()) as Record<string, unknown>,
  };
};

describe('the JSON API', () => {
  it('lists the published plans with their years and editions', async () => {
    const { status, body } = await getJson('/api/plans');
    expect(status).toBe(200);
    expect(body).toEqual({
      plans: [
        {
          id: KITAMOTO,
          title: '第2期北本市まち・ひと・しごと創生総合戦略',
          municipality: '北本市',
          period: { from: 'R4', to: 'R7' },
          href: `/api/plans/${KITAMOTO}`,
          years: [
            {
              year: 'R4',
              fiscalYear: 2022,
              href: `/api/plans/${KITAMOTO}/R4`,
              editions: [
                { number: 1, errata: null, publishedAt: '2023-06-30T01:00:00.000Z' },
                { number: 2, errata: '出生数を訂正', publishedAt: '2023-06-30T01:00:00.000Z' },
              ],
            },
          ],
        },
      ],
    });
    expect((await getJson(`/api/plans/${KITAMOTO}`)).body).toEqual((body.plans as unknown[])[0]);
  });

  it('sends the latest edition’s evaluation, or the one asked for, with figures written exactly', async () => {
    const latest = await getJson(`/api/plans/${KITAMOTO}/R4`);
    expect(latest.body).toMatchObject({
      plan: { id: KITAMOTO },
      edition: { number: 2, errata: '出生数を訂正', latest: true },
      evaluation: { year: 'R4', fiscalYear: 2022 },
    });
    // The corrected births figure reaches its target: 5 of 15 instead of the first edition's 4.
    expect(latest.text).toContain('"rate": 33.3');
    const births = (edition: Record<string, unknown>) =>
      JSON.stringify(edition).match(/"id":"births".*?"actual":(\d+)/)?.[1];
    expect(births(latest.body)).toBe('400');
    const first = await getJson(`/api/plans/${KITAMOTO}/2022?edition=1`);
    expect(first.body).toMatchObject({ edition: { number: 1, errata: null, latest: false } });
    expect(births(first.body)).not.toBe('400');
    expect(first.text).toContain('"rate": 26.7');
  });

  it('answers in English when asked', async () => {
    const { body } = await getJson(`/api/plans/${KITAMOTO}/R4?lang=en`);
    expect(JSON.stringify(body)).toContain('"phrase":"not achieved"');
  });

  it('answers 404 as JSON for what is not published', async () => {
    for (const url of [
      '/api/plans/nope',
      `/api/plans/${KITAMOTO}/R5`,
      `/api/plans/${KITAMOTO}/R4?edition=9`,
    ]) {
      const { status, body } = await getJson(url);
      expect(status, url).toBe(404);
      expect(body, url).toMatchObject({ error: { id: 'not-found', status: 404, hint: expect.any(String) } });
    }
  });
});

describe('the OpenAPI description', () => {
  it('is OpenAPI 3.1 and describes every route under /api, and no other', async () => {
    const { body } = await getJson('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, Record<string, unknown>>;
    const app = createApp(testDeps(store));
    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const described = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(routes.length).toBeGreaterThanOrEqual(4);
    expect(new Set(routes)).toEqual(new Set(described));
  });

  it('resolves every schema it refers to', async () => {
    const { text, body } = await getJson('/api/openapi.json');
    const schemas = (body.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
      expect(schemas, name).toHaveProperty(name ?? '');
    }
  });
});
