import { expect, it } from 'vitest';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { actual, kpiPath } from './entry-form-helpers.ts';
import { PLAN, seedStaff, StaffClient } from './staff-helpers.ts';

const entryApi = (kpi: string) => `/api/plans/${PLAN}/R5/kpis/${kpi}/entry`;

interface Answer {
  readonly status: number;
  readonly body: {
    saved?: boolean;
    problems?: { field: string; code: string; message: string; reason?: string; confirm?: string[] }[];
    series?: { position: number; entry: string | null; version: number }[];
    error?: unknown;
  };
}

/** A script using the session of a signed-in browser: JSON, with the page's forgery token in a header. */
async function put(browser: StaffClient, kpi: string, body: unknown, token = browser.csrf): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Origin: 'http://localhost' };
  if (token) headers['x-csrf-token'] = token;
  const res = await browser.request(entryApi(kpi), { method: 'PUT', body: JSON.stringify(body), headers });
  return { status: res.status, body: JSON.parse(res.html) as Answer['body'] };
}

describeStores('entering figures through the JSON API', (store) => {
  it('takes the checks of the form: 約 refused with a hint, reasons from the list, odd values only with confirm: true', async () => {
    await seedStaff(store());
    const shoko = new StaffClient(testApp(store()));
    await shoko.login('shoko');
    await shoko.get(kpiPath('furusato-donations'));

    const approximate = await put(shoko, 'furusato-donations', {
      series: [{ position: 0, value: '約4000件' }],
    });
    expect(approximate.status).toBe(422);
    expect(approximate.body.problems).toEqual([
      expect.objectContaining({ field: 's0-value', code: 'figure', reason: 'qualified' }),
    ]);
    expect(approximate.body.problems?.[0]?.message).toContain('数値だけを入力してください（例: 4000）');

    const typedReason = await put(shoko, 'furusato-donations', {
      series: [{ position: 0, value: 'コロナ影響' }],
    });
    expect(typedReason.body.problems?.[0]?.code).toBe('figure-or-reason');
    const unknownReason = await put(shoko, 'furusato-donations', {
      series: [{ position: 0, reason: 'コロナ影響' }],
    });
    expect(unknownReason.status).toBe(422);
    expect(unknownReason.body.problems?.[0]?.code).toBe('choice');

    const negative = await put(shoko, 'furusato-donations', { series: [{ position: 0, value: -5 }] });
    expect(negative.status).toBe(422);
    expect(negative.body.problems?.[0]).toMatchObject({
      code: 'confirm-figure',
      confirm: ['negative-count'],
    });
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();

    const confirmed = await put(shoko, 'furusato-donations', {
      series: [{ position: 0, value: -5, confirm: true }],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.series).toEqual([{ position: 0, entry: '-5件', version: 1 }]);
    expect(await actual(store().db, 'furusato-donations')).toEqual({ kind: 'value', value: '-5' });

    const stale = await put(shoko, 'furusato-donations', {
      series: [{ position: 0, value: '8000', version: 0 }],
    });
    expect(stale.status).toBe(409);
    const reason = await put(shoko, 'furusato-donations', {
      series: [{ position: 0, reason: '集計中', version: 1 }],
      assessment: { text: 'ポータルサイトの集計を待っています。' },
    });
    expect(reason.status).toBe(200);
    expect(await actual(store().db, 'furusato-donations')).toEqual({ kind: 'missing', reason: '集計中' });
  });

  it('refuses a request without the session’s token, without a session, or for another department’s KPI', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const shoko = new StaffClient(app);
    await shoko.login('shoko');
    await shoko.get(kpiPath('furusato-donations'));
    const body = { series: [{ position: 0, value: '8000' }] };
    expect((await put(shoko, 'furusato-donations', body, null)).status).toBe(403);
    expect((await put(shoko, 'furusato-donations', body, 'forged')).status).toBe(403);
    expect((await put(shoko, 'births', body)).status).toBe(403);
    expect((await put(new StaffClient(app), 'furusato-donations', body, 'x')).status).toBe(401);
    const broken = await shoko.request(entryApi('furusato-donations'), {
      method: 'PUT',
      body: '{"series": [',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'http://localhost',
        'x-csrf-token': shoko.csrf ?? '',
      },
    });
    expect(broken.status).toBe(400);
    expect(await actual(store().db, 'furusato-donations')).toBeUndefined();
  });
});
