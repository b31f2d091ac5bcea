import { expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date.ts';
import type { EmailAddress } from '../../src/core/email-address.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { deadlineOf, deadlinesOf, setDeadline } from '../../src/store/deadlines.ts';
import { logMail, recentMail } from '../../src/store/mail-log.ts';
import {
  addNotices,
  markNoticeMail,
  markNoticesRead,
  noticeRecipients,
  noticesOf,
  unreadNotices,
} from '../../src/store/notices.ts';
import { planIdOf } from '../../src/store/plan-repository.ts';
import { createMunicipality, HOME_MUNICIPALITY_ID } from '../../src/store/municipalities.ts';
import { users } from '../../src/store/schema.ts';
import { contactOf, departmentMembers, setContact } from '../../src/store/user-contact.ts';
import { describeStores } from '../support/stores.ts';
import { PLAN, seedStaff } from '../web/staff-helpers.ts';

const day = (text: string) => text as CalendarDate;

describeStores('deadlines, notices and the mail log', (store) => {
  it('keeps one deadline per plan and year, moved with an audit line, and safe when set twice at once', async () => {
    const staff = await seedStaff(store());
    const { db } = store();
    expect(await deadlineOf(db, PLAN, 2023)).toBeNull();
    await Promise.all([
      setDeadline(db, PLAN, 2023, day('2023-06-30'), staff.admin),
      setDeadline(db, PLAN, 2023, day('2023-07-14'), staff.admin),
    ]);
    const kept = await deadlineOf(db, PLAN, 2023);
    expect(['2023-06-30', '2023-07-14']).toContain(kept);
    await setDeadline(db, PLAN, 2023, day('2023-07-31'), staff.admin);
    await setDeadline(db, PLAN, 2023, day('2023-07-31'), staff.admin);
    await setDeadline(db, PLAN, 2024, day('2024-06-28'), null);
    expect([...(await deadlinesOf(db, PLAN))].sort()).toEqual([
      [2023, '2023-07-31'],
      [2024, '2024-06-28'],
    ]);
    const log = (await auditTrail(db, await planIdOf(db, PLAN))).filter((r) => r.action === 'deadline.set');
    // Two first settings, one move; setting the same day again records nothing.
    expect(log).toHaveLength(4);
    expect(log.map((r) => r.newValue)).toContain('2023-07-31');
  });

  it('addresses a KPI’s news to its department (and the office for a comment), never to the actor', async () => {
    const staff = await seedStaff(store());
    const { db } = store();
    const ids = (rs: readonly { userId: number }[]) => rs.map((r) => r.userId);
    expect(ids(await noticeRecipients(db, PLAN, 'births', 'returned', staff.admin))).toEqual([staff.kodomo]);
    expect(ids(await noticeRecipients(db, PLAN, 'births', 'commented', staff.committee))).toEqual([
      staff.admin,
      staff.kodomo,
    ]);
    expect(ids(await noticeRecipients(db, PLAN, 'births', 'commented', staff.admin))).toEqual([staff.kodomo]);
    // A KPI no department reports has nobody to tell of its approval.
    expect(
      ids(await noticeRecipients(db, PLAN, 'childcare-support-satisfaction', 'approved', staff.admin)),
    ).toEqual([]);
  });

  it('keeps each user’s notices apart: read, counted and marked only by their owner', async () => {
    const staff = await seedStaff(store());
    const { db } = store();
    const event = {
      kind: 'returned' as const,
      plan: PLAN,
      kpi: 'births',
      year: 2023,
      actorId: staff.admin,
      note: '再確認',
    };
    const [forKodomo = 0, forShoko = 0] = await addNotices(db, event, [staff.kodomo, staff.shoko]);
    await markNoticeMail(db, [forKodomo], 'failed');
    expect(await unreadNotices(db, staff.kodomo)).toBe(1);
    const [notice] = await noticesOf(db, staff.kodomo);
    expect(notice).toMatchObject({
      kind: 'returned',
      kpiName: '出生数',
      actor: 'office さん',
      note: '再確認',
      mail: 'failed',
      read: false,
    });
    // Another user's id matches nothing.
    expect(await markNoticesRead(db, staff.kodomo, forShoko, new Date())).toBe(0);
    expect(await unreadNotices(db, staff.shoko)).toBe(1);
    expect(await markNoticesRead(db, staff.kodomo, null, new Date())).toBe(1);
    expect(await unreadNotices(db, staff.kodomo)).toBe(0);
    const twice = await Promise.all([
      markNoticesRead(db, staff.shoko, forShoko, new Date()),
      markNoticesRead(db, staff.shoko, null, new Date()),
    ]);
    expect(twice.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('stores an address and mail language with their audit lines, and finds the departments’ members', async () => {
    const staff = await seedStaff(store());
    const { db } = store();
    expect(await contactOf(db, staff.kodomo)).toEqual({ email: null, mailLang: 'ja' });
    const email = 'kodomo@city.example.lg.jp' as EmailAddress;
    expect(await setContact(db, staff.kodomo, { email, mailLang: 'en' }, staff.kodomo)).toBe(2);
    expect(await setContact(db, staff.kodomo, { email, mailLang: 'en' }, staff.kodomo)).toBe(0);
    expect(await contactOf(db, staff.kodomo)).toEqual({ email, mailLang: 'en' });
    const members = await departmentMembers(db, [staff.departments.kodomo, staff.departments.shoko]);
    expect(members.map((m) => [m.userId, m.email])).toEqual([
      [staff.kodomo, email],
      [staff.shoko, null],
    ]);
  });

  it('logs every mail attempt, failures first for the office, answers cut short, each municipality its own', async () => {
    const { db } = store();
    const other = await createMunicipality(db, { code: '112330', name: '北本市' }, null);
    const user = (login: string, email: string, municipalityId: number) =>
      db
        .insert(users)
        .values({ login, displayName: login, passwordHash: 'x', role: 'admin', email, municipalityId });
    await user('a', 'a@example.jp', HOME_MUNICIPALITY_ID);
    await user('b', 'b@example.jp', HOME_MUNICIPALITY_ID);
    await user('c', 'c@example.jp', other.id);
    await logMail(db, { kind: 'notice', recipient: 'c@example.jp', ok: false, error: 'other' });
    await logMail(db, { kind: 'notice', recipient: 'a@example.jp', ok: true, error: null });
    await logMail(db, {
      kind: 'reminder',
      recipient: 'b@example.jp',
      ok: false,
      error: `550 ${'x'.repeat(1000)}`,
    });
    const failed = await recentMail(db, HOME_MUNICIPALITY_ID, 10, true);
    expect(failed.map((m) => m.recipient)).toEqual(['b@example.jp']);
    expect(failed[0]?.error?.length).toBe(300);
    expect((await recentMail(db, HOME_MUNICIPALITY_ID, 10)).length).toBe(2);
    expect((await recentMail(db, other.id, 10)).map((m) => m.recipient)).toEqual(['c@example.jp']);
  });
});
