import fc from 'fast-check';
import { expect, it } from 'vitest';
import { displayableText, TEXT_FIELDS } from '../../src/core/text-field.ts';
import { hashPassword } from '../../src/store/password.ts';
import { moveReview } from '../../src/store/reviews.ts';
import * as schema from '../../src/store/schema.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { fieldValue, PASSWORD, PLAN, seedStaff, StaffClient, type Page } from './staff-helpers.ts';

/**
 * Every staff form with a text field, and the addresses that carry keys, fed hostile text through the
 * app: each answer comes within a time bound, is never a 500, never shows an internal error or a stack,
 * and a refused field is named in Japanese with what was typed still in it.
 */

const HOSTILE: readonly string[] = [
  '',
  'x\0',
  'こども\u0000課',
  'a\u0007b\u001bc',
  '\u0085C1\u009f',
  '\u202Eevil\u202C',
  '\uFFFE\uFFFF',
  '３,９０８',
  '約40',
  '延べ1,200人',
  '未取得',
  'あ'.repeat(10_000),
  `${'長い行'.repeat(700)}\n${'y'.repeat(3000)}`,
  'line one\r\nline two',
  '𠮷野家\uE000',
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);

const unescape = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Answers within this; generous, since a loaded CI machine is slow, but a hang would never meet it. */
const BOUND_MS = 15_000;

async function timed(run: () => Promise<Page>): Promise<Page> {
  const started = Date.now();
  const page = await run();
  expect(Date.now() - started).toBeLessThan(BOUND_MS);
  return page;
}

/**
 * Never a 500, an internal error or a stack. A form page also never carries a NUL back; a not-found page
 * may quote the address it was asked for, as the browser sent it.
 */
function clean(page: Page, noNul = true): void {
  expect(page.status).toBeLessThan(500);
  expect(page.html).not.toContain('<code>internal</code>');
  expect(page.html).not.toMatch(/\n\s+at [\w.<>]+ \(/);
  if (noNul) expect(page.html).not.toContain('\0');
}

/**
 * A refused field shows its problem beside it, in Japanese, and gives back what was typed (refused
 * characters shown as U+FFFD); an accepted one leaves no problem.
 */
function judged(page: Page, form: string, field: string, typed: string, refused: boolean): void {
  if (!refused) return;
  const what = `${form} ${field}: ${JSON.stringify(typed.slice(0, 40))}`;
  expect(page.status, what).toBe(422);
  const error = new RegExp(`<div id="${field}-error" class="field-error"><p>([^<]*)</p>`).exec(page.html);
  expect(error?.[1] ?? '(none)', what).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  expect(error?.[1], what).not.toMatch(/[a-z]{4,}/);
  const shown = fieldValue(page.html, field);
  expect(shown === null ? null : unescape(shown), what).toBe(displayableText(typed));
}

/** Whether the text-field rule must refuse the text for this kind of field. */
function mustRefuse(text: string, kind: keyof typeof TEXT_FIELDS, required: boolean): boolean {
  const value = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').trim();
  const chars = [...value];
  if (required && value === '') return false; // "required" is the form's own problem, checked elsewhere
  if (chars.length > TEXT_FIELDS[kind].max) return true;
  return chars.some((c) => {
    const cp = c.codePointAt(0) ?? 0;
    if (cp === 0x0a) return !TEXT_FIELDS[kind].multiline;
    if (cp === 0x09) return !TEXT_FIELDS[kind].multiline;
    return (
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      (cp >= 0xfdd0 && cp <= 0xfdef) ||
      (cp & 0xfffe) === 0xfffe ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069)
    );
  });
}

/** The named fields of the form as the page serves it: what a browser would send back unchanged. */
function served(html: string, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
    const chosen = select ? (/<option value="([^"]*)" selected/.exec(select)?.[1] ?? '') : null;
    fields[name] = unescape(chosen ?? fieldValue(html, name) ?? '');
  }
  return fields;
}

interface Form {
  readonly name: string;
  /** The page that holds the form. */
  readonly page: string;
  readonly action: string;
  /** Fields sent back as the page serves them, before the text fields under test are filled in. */
  readonly fields: readonly string[];
  readonly extra?: Readonly<Record<string, string>>;
  readonly texts: readonly { field: string; kind: keyof typeof TEXT_FIELDS; required: boolean }[];
}

const kpi = `/staff/plans/${PLAN}/R5/kpis/births`;
const reviewed = `/staff/plans/${PLAN}/R5/kpis/furusato-donations`;
const grid = `/staff/plans/${PLAN}/R5/grid`;
const FORMS: readonly Form[] = [
  {
    name: 'department',
    page: '/staff/departments',
    action: '/staff/departments',
    fields: [],
    texts: [{ field: 'name', kind: 'department-name', required: true }],
  },
  {
    name: 'user',
    page: '/staff/users',
    action: '/staff/users',
    fields: [],
    // No role, so no account is made (and no password hashed) once the texts pass.
    extra: { password: '', role: '', department: '' },
    texts: [
      { field: 'login', kind: 'login', required: true },
      { field: 'displayName', kind: 'display-name', required: true },
    ],
  },
  {
    name: 'KPI settings',
    page: `/staff/plans/${PLAN}/kpis/births/settings`,
    action: `/staff/plans/${PLAN}/kpis/births/settings`,
    fields: ['department'],
    texts: [
      { field: 'name', kind: 'kpi-name', required: true },
      { field: 'unit', kind: 'unit', required: false },
      { field: 't0-value', kind: 'figure', required: false },
      { field: 't0-year', kind: 'year-label', required: false },
    ],
  },
  {
    name: 'entry',
    page: kpi,
    action: kpi,
    fields: [
      's0-state',
      's0-version',
      's0-original',
      's0-original-state',
      'a-version',
      'a-original-status',
      'a-original-text',
    ],
    texts: [
      { field: 's0-value', kind: 'figure', required: false },
      { field: 'a-status', kind: 'assessment-status', required: false },
      { field: 'a-text', kind: 'assessment-text', required: false },
    ],
  },
  {
    // The grid entry's row of births (こども課's second KPI in the plan's order), read by the same rules.
    name: 'grid entry',
    page: grid,
    action: grid,
    fields: [
      'department',
      'k1-key',
      'k1-s0-state',
      'k1-s0-version',
      'k1-s0-original',
      'k1-s0-original-state',
      'k1-a-version',
      'k1-a-original-status',
      'k1-a-original-text',
    ],
    texts: [
      { field: 'k1-s0-value', kind: 'figure', required: false },
      { field: 'k1-a-status', kind: 'assessment-status', required: false },
      { field: 'k1-a-text', kind: 'assessment-text', required: false },
    ],
  },
  {
    name: 'comment',
    page: reviewed,
    action: `${reviewed}/comments`,
    fields: [],
    texts: [{ field: 'body', kind: 'comment', required: true }],
  },
  {
    name: 'review',
    page: reviewed,
    action: `${reviewed}/review`,
    fields: [],
    extra: { decision: 'return' },
    texts: [{ field: 'comment', kind: 'review-note', required: true }],
  },
];

/**
 * Feeds one form every hostile text, then random ones: each answer clean, each refused field named in
 * Japanese with what was typed in it. `after` runs after each answer (to put the data back in place).
 */
async function fuzzForm(
  client: StaffClient,
  form: Form,
  after: (answer: Page) => Promise<void> = async () => {},
) {
  // Each answer that shows the form again serves the next post, as a person would go on.
  let page = await client.get(form.page);
  const send = async (typed: Readonly<Record<string, string>>) => {
    const sent = { ...served(page.html, form.fields), ...form.extra, ...typed };
    const answer = await timed(() => client.post(form.action, sent));
    clean(answer);
    // A body past the route's limit (far beyond any field's) is refused whole, before any field is read.
    if (answer.status === 413) {
      expect(new URLSearchParams(sent).toString().length).toBeGreaterThan(64 * 1024);
      page = await client.get(form.page);
      return;
    }
    for (const { field, kind, required } of form.texts) {
      const value = typed[field] ?? '';
      if (answer.status === 422 || mustRefuse(value, kind, required))
        judged(answer, form.name, field, value, mustRefuse(value, kind, required));
    }
    await after(answer);
    page = answer.status === 200 || answer.status === 422 ? answer : await client.get(form.page);
  };
  const all = (text: string) => Object.fromEntries(form.texts.map(({ field }) => [field, text]));
  for (const text of HOSTILE) await send(all(text));
  const each = fc.record(Object.fromEntries(form.texts.map(({ field }) => [field, hostileText])));
  await fc.assert(fc.asyncProperty(each, send), { numRuns: 4 });
}

/** The host's forms: a new municipality, a municipality's name and code, and its new administrator. */
const HOST_FORMS: readonly Form[] = [
  {
    name: 'host: municipality',
    page: '/staff/host',
    action: '/staff/host/municipalities',
    fields: [],
    texts: [
      { field: 'code', kind: 'identifier', required: true },
      { field: 'name', kind: 'municipality', required: true },
      { field: 'login', kind: 'login', required: true },
      { field: 'displayName', kind: 'display-name', required: true },
    ],
  },
  {
    name: 'host: name and code',
    page: '/staff/host/municipalities/1',
    action: '/staff/host/municipalities/1/name',
    fields: [],
    texts: [
      { field: 'code', kind: 'identifier', required: false },
      { field: 'name', kind: 'municipality', required: true },
    ],
  },
  {
    name: 'host: administrator',
    page: '/staff/host/municipalities/1',
    action: '/staff/host/municipalities/1/admins',
    fields: [],
    texts: [
      { field: 'login', kind: 'login', required: true },
      { field: 'displayName', kind: 'display-name', required: true },
    ],
  },
];

describeStores('hostile text in every staff form', (store) => {
  it('answers every form with a result or a clean refusal that names the field in Japanese', async () => {
    const staff = await seedStaff(store());
    const at = { plan: PLAN, kpi: 'furusato-donations', year: 2023 };
    await moveReview(store().db, { ...at, to: 'submitted', from: [null], comment: null }, staff.shoko);
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    for (const form of FORMS) {
      await fuzzForm(office, form, async (answer) => {
        if (form.name === 'review' && answer.status === 303) {
          // Returned to the department: handed in again, so the next post meets the form once more.
          await moveReview(
            store().db,
            { ...at, to: 'submitted', from: ['returned'], comment: null },
            staff.shoko,
          );
        }
      });
    }
  }, 300_000);

  it('answers every host form with a result or a clean refusal that names the field in Japanese', async () => {
    await seedStaff(store());
    await store()
      .db.insert(schema.users)
      .values({
        login: 'hoster',
        displayName: 'ホスト',
        passwordHash: await hashPassword(PASSWORD),
        role: 'host',
        municipalityId: null,
      });
    const host = new StaffClient(testApp(store()));
    await host.login('hoster');
    for (const form of HOST_FORMS) await fuzzForm(host, form);
  }, 300_000);

  it('answers hostile keys in addresses with a page, never a 500', async () => {
    await seedStaff(store());
    const office = new StaffClient(testApp(store()));
    await office.login('office');
    const key = fc.oneof(
      fc.constantFrom('%00', 'a%00b', '%E2%80%AE', '%C2%85', 'x'.repeat(5000), '%EF%BF%BF', '..', '%2F'),
      fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
    );
    const addresses = (k: string) => [
      `/staff/plans/${k}`,
      `/staff/plans/${PLAN}/R5/kpis/${k}`,
      `/staff/plans/${k}/R5/kpis/births`,
      `/staff/plans/${PLAN}/${k}/kpis/births`,
      `/staff/plans/${PLAN}/kpis/${k}/settings`,
      `/staff/plans/${k}/publish`,
      `/staff/plans/${k}/R5/grid`,
      `/staff/plans/${PLAN}/${k}/grid`,
      `/staff/plans/${PLAN}/R5/grid?department=${k}`,
      `/staff/plans/${k}/departments`,
      `/staff/plans/${PLAN}/${k}/workbooks`,
      `/staff/plans/${PLAN}/R5/workbooks/${k}`,
      `/staff/plans/${PLAN}/publish?year=${k}`,
      `/plans/${k}`,
      `/plans/${PLAN}/${k}`,
      `/api/plans/${k}`,
      `/api/plans/${PLAN}/${k}`,
      `/?lang=${k}`,
    ];
    await fc.assert(
      fc.asyncProperty(key, async (k) => {
        for (const address of addresses(k)) clean(await timed(() => office.get(address)), false);
        clean(await timed(() => office.post(`/staff/plans/${PLAN}/R5/grid`, { 'k0-key': k })), false);
        clean(
          await timed(() => office.post(`/staff/plans/${PLAN}/departments`, { kpi: k, department: k })),
          false,
        );
        const comment = `/staff/plans/${PLAN}/R5/kpis/${k}/comments`;
        clean(await timed(() => office.post(comment, { body: 'x' })), false);
        clean(
          await timed(() => office.post(`/staff/plans/${PLAN}/kpis/${k}/settings`, { name: 'x' })),
          false,
        );
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
