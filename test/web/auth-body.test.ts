import { expect, it } from 'vitest';
import { MAX_FORM_BODY } from '../../src/web/routes/staff/index.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { PLAN, seedStaff, StaffClient, text } from './staff-helpers.ts';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * A request body that counts what the server pulls from it: a stream that makes each chunk only when
 * asked, so `pulled` says exactly how much of the body the app read before it answered.
 */
function countedBody(bytes: number, fill = 0x61) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= bytes) {
          controller.close();
          return;
        }
        const size = Math.min(CHUNK, bytes - pulled);
        pulled += size;
        controller.enqueue(new Uint8Array(size).fill(fill));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

/** A post as a browser on this site sends it, with a body of `bytes`, its length declared or streamed. */
function bigPost(
  bytes: number,
  options: { declare: boolean; type?: string; headers?: Record<string, string> },
): { init: RequestInit; pulled: () => number } {
  const body = countedBody(bytes);
  const headers: Record<string, string> = {
    Origin: 'http://localhost',
    'Content-Type': options.type ?? 'multipart/form-data; boundary=----x',
    ...options.headers,
  };
  if (options.declare) headers['Content-Length'] = String(bytes);
  const init = { method: 'POST', body: body.stream, duplex: 'half', headers } as RequestInit;
  return { init, pulled: body.pulled };
}

const STAFF_POSTS = [
  '/staff/collect/preview',
  '/staff/collect/apply',
  '/staff/import',
  '/staff/users',
  '/staff/users/1/status',
  '/staff/departments',
  '/staff/logout',
  `/staff/plans/${PLAN}/publish`,
  `/staff/plans/${PLAN}/R5/kpis/births`,
  `/staff/plans/${PLAN}/R5/kpis/births/comments`,
  `/staff/plans/${PLAN}/kpis/births/settings`,
  '/staff/no-such-page',
];

describeStores('the write guard', (store) => {
  it('refuses a signed-out post to every staff route before reading its body, in Japanese', async () => {
    await seedStaff(store());
    const app = testApp(store());
    for (const path of STAFF_POSTS) {
      for (const declare of [true, false]) {
        const visitor = new StaffClient(app);
        await visitor.get('/staff/login');
        const post = bigPost(55 * MB, { declare });
        const res = await visitor.request(path, post.init);
        expect(res.status, path).toBe(401);
        expect(post.pulled(), path).toBeLessThanOrEqual(CHUNK);
        expect(text(res.html)).toContain('ログインしてください。');
      }
    }
  });

  it('reads no body sent to the API or the public pages, which take none', async () => {
    await seedStaff(store());
    const visitor = new StaffClient(testApp(store()));
    for (const path of ['/api/plans', `/api/plans/${PLAN}`, '/', `/plans/${PLAN}`]) {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const post = bigPost(55 * MB, { declare: false, type: 'application/json' });
        const res = await visitor.request(path, { ...post.init, method });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(post.pulled(), `${method} ${path}`).toBeLessThanOrEqual(CHUNK);
      }
    }
  });

  it('holds the login form to an ordinary form’s size, stated in the refusal', async () => {
    await seedStaff(store());
    const visitor = new StaffClient(testApp(store()));
    await visitor.get('/staff/login');
    const declared = bigPost(MB, { declare: true, type: 'application/x-www-form-urlencoded' });
    const refused = await visitor.request('/staff/login', declared.init);
    expect(refused.status).toBe(413);
    expect(declared.pulled()).toBe(0);
    expect(text(refused.html)).toContain(
      '送信された内容が大きすぎるため、受け付けられませんでした。この画面から送信できるのは256KBまでです。',
    );
    const streamed = bigPost(MB, { declare: false, type: 'application/x-www-form-urlencoded' });
    expect((await visitor.request('/staff/login', streamed.init)).status).toBe(413);
    expect(streamed.pulled()).toBeLessThanOrEqual(MAX_FORM_BODY + CHUNK);
    const english = await visitor.request('/staff/login?lang=en', bigPost(MB, { declare: true }).init);
    expect(text(english.html)).toContain('This page takes at most 256 KB.');
  });

  it('gives the upload limits only to the office, and refuses a wrong header token unread', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const kodomo = new StaffClient(app);
    await kodomo.login('kodomo');
    for (const path of ['/staff/collect/preview', '/staff/import']) {
      const post = bigPost(2 * MB, { declare: true });
      expect((await kodomo.request(path, post.init)).status, path).toBe(413);
      expect(post.pulled()).toBe(0);
    }
    const office = new StaffClient(app);
    await office.login('office');
    const tooBig = bigPost(61 * MB, { declare: true });
    const refused = await office.request('/staff/collect/preview', tooBig.init);
    expect(refused.status).toBe(413);
    expect(text(refused.html)).toContain('この画面から送信できるのは60MBまでです。');
    expect(tooBig.pulled()).toBe(0);
    const forged = bigPost(55 * MB, { declare: true, headers: { 'X-CSRF-Token': 'x'.repeat(43) } });
    expect((await office.request('/staff/collect/preview', forged.init)).status).toBe(403);
    expect(forged.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it('counts a body sent without a length as it streams, and stops at the limit', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff/users');
    const post = bigPost(8 * MB, {
      declare: false,
      type: 'application/x-www-form-urlencoded',
      headers: { 'X-CSRF-Token': office.csrf ?? '' },
    });
    expect((await office.request('/staff/users', post.init)).status).toBe(413);
    expect(post.pulled()).toBeLessThanOrEqual(MAX_FORM_BODY + CHUNK);
  });

  it('takes the token from the x-csrf-token header, and refuses an unreadable form as a bad request', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    await office.get('/staff/departments');
    const token = office.csrf ?? '';
    const added = await office.request('/staff/departments', {
      method: 'POST',
      body: new URLSearchParams({ name: '総務課' }),
      headers: { Origin: 'http://localhost', 'X-CSRF-Token': token },
    });
    expect(added.status).toBeLessThan(400);
    expect(text((await office.get('/staff/departments')).html)).toContain('総務課');
    const broken = await office.request('/staff/departments', {
      method: 'POST',
      body: 'this is not multipart at all',
      headers: {
        Origin: 'http://localhost',
        'X-CSRF-Token': token,
        'Content-Type': 'multipart/form-data; boundary=nothing-here',
      },
    });
    expect(broken.status).toBe(400);
    expect(text(broken.html)).toContain('送信された内容を読み取れませんでした。');
  });
});
