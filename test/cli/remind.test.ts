import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/connect.ts';
import * as schema from '../../src/store/schema.ts';
import { runCli } from '../support/io.ts';
import { decodeMail, startSmtpSink, type SmtpSink } from '../support/smtp.ts';
import { PLAN, seedStaff } from '../web/staff-helpers.ts';

const SMTP_PORT = 2532;

describe('shinchoku remind', () => {
  let sink: SmtpSink;
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    sink = await startSmtpSink(SMTP_PORT);
    dir = mkdtempSync(join(tmpdir(), 'shinchoku-remind-'));
    const store = await openStore({ dataDir: dir });
    const staff = await seedStaff(store);
    await store.db
      .update(schema.users)
      .set({ email: 'shoko@city.example.lg.jp', mailLang: 'en' })
      .where(eq(schema.users.id, staff.shoko));
    await store.close();
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what it needs without a mail server', async () => {
    delete process.env.SHINCHOKU_SMTP_URL;
    const run = await runCli('remind', '--plan', PLAN, '--data', dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('SHINCHOKU_SMTP_URL is not set');
  });

  it('mails the departments with KPIs not submitted, in each user’s language', async () => {
    process.env.SHINCHOKU_SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
    process.env.SHINCHOKU_MAIL_FROM = 'shinchoku@city.example.lg.jp';
    const before = sink.messages.length;
    const run = await runCli('remind', '--plan', PLAN, '--year', 'R5', '--data', dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Reminders sent: 1 (shoko@city.example.lg.jp)');
    expect(run.out).toContain('Without an e-mail address: kodomo さん');
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.to).toEqual(['shoko@city.example.lg.jp']);
    const decoded = decodeMail(mail?.raw ?? '');
    expect(decoded.subject).toBe('[Shinchoku] Please submit the figures and assessments for FY2023 (R5)');
    expect(decoded.text).toContain('- Net municipal product per employed person');
    expect(decoded.text.replaceAll('shoko さん', '')).not.toMatch(/[ぁ-んァ-ヶ]/u);
  });
});
