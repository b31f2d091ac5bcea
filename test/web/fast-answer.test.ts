import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterEach, expect, it } from 'vitest';
import { EditionCache } from '../../src/publish/edition-cache.ts';
import { editionsVersion } from '../../src/store/published-editions.ts';
import { requestListener } from '../../src/web/app.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { fastAnswers, type FastAnswers } from '../../src/web/routes/public/fast-answer.ts';
import { securityHeaders } from '../../src/web/security.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const YEAR = `/plans/${PLAN}/R4`;
/** One address of every kind the edition cache keeps: the list, the plan, a year, goal, KPI, board, files. */
const ADDRESSES = [
  '/',
  '/?page=1',
  `/?q=${encodeURIComponent('北本')}`,
  `/plans/${PLAN}`,
  YEAR,
  `${YEAR}?edition=1`,
  `${YEAR}/goals/B1`,
  `${YEAR}/kpis/net-product-per-worker`,
  `${YEAR}/board`,
  `${YEAR}/data.csv`,
  `${YEAR}/data.json`,
];
/** The ways a reader asks: languages by header and cookie, and an unrelated cookie. */
const READERS: Record<string, string>[] = [
  {},
  { 'Accept-Language': 'en-GB,en;q=0.9' },
  { Cookie: 'lang=en' },
  { Cookie: 'lang="EN"; other=1', 'Accept-Language': 'ja' },
];

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/**
 * The app served as src/web/server.ts serves it (`requestListener`), and how many requests reached
 * @hono/node-server's listener behind the fast path, i.e. were not answered on Node's request itself.
 */
async function listening(app: Hono<AppEnv>): Promise<{ port: number; behind: () => number }> {
  let behind = 0;
  const whole = getRequestListener(app.fetch);
  const counted = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    behind++;
    return whole(incoming, outgoing);
  };
  const server = createServer(requestListener(app, { whole: counted }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, behind: () => behind };
}

/**
 * The bytes a client reads for one request, as sent, with the clock's Date line taken out. `lines` replace
 * the request line and Host (for repeated headers, HTTP/1.0 without Host).
 */
function onTheWire(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  lines = [`${method} ${path} HTTP/1.1`, 'Host: localhost'],
): Promise<string> {
  lines = [...lines, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () =>
      resolve(
        Buffer.concat(chunks)
          .toString('latin1')
          .replace(/\r\nDate: [^\r]*\r\n/, '\r\nDate: -\r\n'),
      ),
    );
  });
}

const request = (path: string, headers: Record<string, string> = {}, method = 'GET'): Request =>
  new Request(`http://localhost${path}`, { method, headers });

async function published(store: Parameters<typeof seedStaff>[0]) {
  await seedStaff(store);
  const cache = new EditionCache({ maxBytes: 1e8, recheckMs: Infinity });
  const fast = testApp(store, { editionCache: cache });
  const whole = testApp(store, { editionCache: cache, fastAnswers: false });
  const office = new StaffClient(whole);
  await office.login('office');
  await office.get('/staff');
  const done = await office.post(`/staff/plans/${PLAN}/publish/R4`, {
    errata: '',
    confirm: '1',
    reason: '公開',
  });
  expect(done.status).toBe(303);
  const probe: FastAnswers = fastAnswers(cache, 'shinchoku-session', securityHeaders(false));
  await probe.ready;
  return { cache, fast, whole, office, probe };
}

describeStores('the fast path for cached public answers', (store) => {
  it('sends every kind of public answer exactly as the whole app does: 200, 304 and HEAD, on the wire', async () => {
    const { fast, whole, probe } = await published(store());
    const [fastServer, wholeServer] = [await listening(fast), await listening(whole)];
    const [fastPort, wholePort] = [fastServer.port, wholeServer.port];
    let answered = 0;
    for (const address of ADDRESSES) {
      for (const reader of READERS) {
        // The whole app fills the cache; the fast path then answers from what it kept.
        const first = await whole.request(request(address, reader));
        expect(first.status, address).toBe(200);
        const etag = first.headers.get('ETag') ?? '';
        const lastModified = first.headers.get('Last-Modified') ?? '';
        const all: [string, Record<string, string>][] = [
          ['GET', reader],
          ['HEAD', reader],
          ['GET', { ...reader, 'If-None-Match': etag }],
          ['GET', { ...reader, 'If-None-Match': `"other", W/${etag}` }],
          ['GET', { ...reader, 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }],
          ['GET', { ...reader, 'If-Modified-Since': lastModified }],
          ['HEAD', { ...reader, 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' }],
        ];
        // Every validator for the plain reader; a 200, a HEAD and a 304 for each way of asking the language.
        const asks = reader === READERS[0] ? all : all.slice(0, 3);
        for (const [method, headers] of asks) {
          const shortcut = probe.answer(request(address, headers, method));
          expect(shortcut, `${method} ${address} ${JSON.stringify(headers)}`).not.toBeNull();
          answered++;
          const expected = await onTheWire(wholePort, method, address, headers);
          const behind = fastServer.behind();
          expect(await onTheWire(fastPort, method, address, headers), `${method} ${address}`).toBe(expected);
          // Sent from Node's own request, before @hono/node-server: no Request or Response was made.
          expect(fastServer.behind(), `${method} ${address} on Node's request`).toBe(behind);
          // In process too: the same status, headers (beside the length a server adds) and bytes.
          const slow = await whole.request(request(address, headers, method));
          const sent = shortcut as Response;
          const body = new Uint8Array(await sent.arrayBuffer());
          expect(sent.status).toBe(slow.status);
          expect(body).toEqual(new Uint8Array(await slow.arrayBuffer()));
          const length = sent.headers.get('Content-Length');
          expect(length).toBe(method === 'GET' && sent.status === 200 ? String(body.byteLength) : null);
          const own = [...sent.headers].filter(([name]) => name !== 'content-length');
          expect(own).toEqual([...slow.headers]);
        }
      }
    }
    expect(answered).toBe(ADDRESSES.length * (7 + (READERS.length - 1) * 3));
    expect(
      expectedStatuses(await onTheWire(fastPort, 'GET', `${YEAR}/kpis/net-product-per-worker`, {})),
    ).toBe('200');
    // Some 500 requests over sockets and 44 first renders: seconds on a quiet machine, more on a shared one.
  }, 120_000);

  it('leaves to @hono/node-server what it would read otherwise than the raw request, with the same bytes', async () => {
    const { fast, whole } = await published(store());
    const [fastServer, wholeServer] = [await listening(fast), await listening(whole)];
    const page = `${YEAR}/kpis/net-product-per-worker`;
    const date = 'Thu, 01 Jan 1970 00:00:00 GMT';
    /** [request line and Host, headers, answered on Node's request] */
    const cases: [string[], Record<string, string>, boolean][] = [
      [[`GET ${page} HTTP/1.1`, 'Host: localhost'], {}, true],
      // The URL parser reads these targets as another address than their raw text: the Request decides.
      [[`GET ${page}? HTTP/1.1`, 'Host: localhost'], {}, false],
      [[`GET ${YEAR}/./kpis/net-product-per-worker HTTP/1.1`, 'Host: localhost'], {}, false],
      [[`GET ${YEAR}/kpis/%2E%2e/kpis/net-product-per-worker HTTP/1.1`, 'Host: localhost'], {}, false],
      [[`GET ${page}?x='1' HTTP/1.1`, 'Host: localhost'], {}, false],
      // A Host @hono/node-server parses, or none (a 400 from it).
      [[`GET ${page} HTTP/1.1`, 'Host: LocalHost:80'], {}, false],
      [[`GET ${page} HTTP/1.0`], {}, false],
      // Node keeps the first If-Modified-Since, the Request joins both: the Request decides.
      [
        [`GET ${page} HTTP/1.1`, 'Host: localhost', `If-Modified-Since: ${date}`],
        { 'If-Modified-Since': date },
        false,
      ],
      // Cookies and Accept-Language repeated are joined alike both ways.
      [[`GET ${page} HTTP/1.1`, 'Host: localhost', 'Cookie: a=1'], { Cookie: 'lang=en' }, true],
      [[`GET ${page} HTTP/1.1`, 'Host: localhost', 'Accept-Language: de'], { 'Accept-Language': 'en' }, true],
    ];
    for (const [lines, headers, onNode] of cases) {
      // Twice on the whole app: the first fills the cache for whatever address and language it reads.
      await onTheWire(wholeServer.port, '', '', headers, lines);
      const expected = await onTheWire(wholeServer.port, '', '', headers, lines);
      const behind = fastServer.behind();
      expect(await onTheWire(fastServer.port, '', '', headers, lines), lines.join(' | ')).toBe(expected);
      expect(fastServer.behind() - behind, lines.join(' | ')).toBe(onNode ? 0 : 1);
    }
  });

  it('leaves to the app what it must decide itself: sessions, ?lang=, other methods, misses', async () => {
    const { whole, probe } = await published(store());
    const page = `${YEAR}/kpis/net-product-per-worker`;
    await whole.request(request(page));
    expect(probe.answer(request(page))).not.toBeNull();
    const token = 'a'.repeat(43);
    expect(probe.answer(request(page, { Cookie: `shinchoku-session=${token}` }))).toBeNull();
    // Even one the app would find no session for: the session middleware decides that, not this.
    expect(probe.answer(request(page, { Cookie: 'lang=en; shinchoku-session=x' }))).toBeNull();
    for (const query of ['?lang=en', '?LANG=en', '?l%61ng=en', '?x=1&lang']) {
      expect(probe.answer(request(`${page}${query}`)), query).toBeNull();
    }
    expect(probe.answer(request(page, {}, 'POST'))).toBeNull();
    expect(probe.answer(request(page, {}, 'OPTIONS'))).toBeNull();
    // Not yet rendered in English, nor this address: the app renders it, and the next one is fast.
    expect(probe.answer(request(page, { 'Accept-Language': 'en' }))).toBeNull();
    expect(probe.answer(request(`${page}?x=1`))).toBeNull();
    await whole.request(request(`${page}?x=1`));
    expect(probe.answer(request(`${page}?x=1`))).not.toBeNull();
    // A page the app does not keep (410, 404) is never answered here.
    expect((await whole.request(request(`${YEAR}/kpis/nothing`))).status).toBe(404);
    expect(probe.answer(request(`${YEAR}/kpis/nothing`))).toBeNull();
  });

  it('sees a publication and a withdrawal at once, through the fast app itself', async () => {
    const { fast, office, probe } = await published(store());
    const page = `http://localhost${YEAR}`;
    const first = await fast.request(page);
    const etag = first.headers.get('ETag') ?? '';
    expect(probe.answer(request(YEAR))).not.toBeNull();
    expect((await fast.request(page, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    await office.get(`/staff/plans/${PLAN}/publish/R4`);
    const corrected = await office.post(`/staff/plans/${PLAN}/publish/R4`, {
      errata: '人口の数値を訂正しました',
      confirm: '1',
      reason: '訂正',
    });
    expect(corrected.status).toBe(303);
    expect(probe.answer(request(YEAR))).toBeNull();
    const after = await fast.request(page, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(text(await after.text())).toContain('人口の数値を訂正しました');

    await office.get(`/staff/plans/${PLAN}/publish`);
    await office.post(`/staff/plans/${PLAN}/publish/R4/editions/2/withdraw`, { 'withdraw-2022-2': '誤り' });
    await office.get(`/staff/plans/${PLAN}/publish`);
    await office.post(`/staff/plans/${PLAN}/publish/R4/editions/1/withdraw`, { 'withdraw-2022-1': '全て' });
    expect(probe.answer(request(YEAR))).toBeNull();
    expect((await fast.request(page)).status).toBe(410);
    expect((await fast.request(page)).status).toBe(410);
    expect(text(await (await fast.request('http://localhost/')).text())).not.toContain(
      '第2期北本市まち・ひと・しごと創生総合戦略',
    );
  });

  it('on a shared PostgreSQL, leaves the plan’s version check to the app once per interval', async () => {
    await seedStaff(store());
    let now = 0;
    let reads = 0;
    const cache = new EditionCache({
      maxBytes: 1e8,
      recheckMs: 1_000,
      now: () => now,
      versionOf: (slug) => {
        reads++;
        return editionsVersion(store().db, slug);
      },
    });
    const app = testApp(store(), { editionCache: cache });
    const office = new StaffClient(app);
    await office.login('office');
    await office.get('/staff');
    await office.post(`/staff/plans/${PLAN}/publish/R4`, { errata: '', confirm: '1', reason: '公開' });
    const probe = fastAnswers(cache, 'shinchoku-session', securityHeaders(false));
    await probe.ready;
    await app.request(`http://localhost${YEAR}`);
    const readsAfterFirst = reads;
    expect(probe.answer(request(YEAR))).not.toBeNull();
    now = 999;
    expect(probe.answer(request(YEAR))).not.toBeNull();
    expect(reads).toBe(readsAfterFirst);
    now = 1_000;
    expect(probe.answer(request(YEAR))).toBeNull();
    await app.request(`http://localhost${YEAR}`);
    expect(reads).toBe(readsAfterFirst + 1);
    expect(probe.answer(request(YEAR))).not.toBeNull();
  });
});

/** The status code of a raw answer. */
const expectedStatuses = (wire: string): string => /^HTTP\/1\.1 (\d{3})/.exec(wire)?.[1] ?? '';
