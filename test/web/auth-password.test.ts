import { afterEach, expect, it, vi } from 'vitest';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../src/core/password-policy.ts';
import { countUsers } from '../../src/store/users.ts';
import { firstStart } from '../../src/web/first-start.ts';
import { t } from '../../src/web/i18n/index.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/web.ts';
import { fieldValue, PASSWORD, seedStaff, StaffClient, text } from './staff-helpers.ts';

const newUser = (login: string, password: string) => ({
  login,
  displayName: '新しい 利用者',
  password,
  role: 'committee',
  department: '',
});

afterEach(() => {
  vi.restoreAllMocks();
});

describeStores('passwords', (store) => {
  it('refuses a weak password at creation with the rule, in Japanese and in English', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    await office.get('/staff/users');
    const refusals: Array<[string, string]> = [
      ['short-pass', 'パスワードは12文字以上にしてください。'],
      ['aaaaaaaaaaaa', '同じ文字や短い並びを繰り返しただけのパスワード'],
      ['password1234', 'よく使われるパスワード（password1234 など）'],
      ['P@ssw0rd2024!', 'よく使われるパスワード'],
      ['1234567890123', 'キーボードの並びをたどっただけのパスワード'],
      ['tanaka-hanako-99', 'ログインIDを含めることはできません。'],
      [
        'x'.repeat(MAX_PASSWORD_LENGTH - 19) + 'Zq7!kW2#vR9$mT4&pL6*',
        'パスワードは1,000文字以内にしてください。',
      ],
      ['line one\nline two is long', '制御文字は使えません。'],
    ];
    for (const [password, message] of refusals) {
      const res = await office.post('/staff/users', newUser('tanaka-hanako', password));
      expect(res.status, password.slice(0, 20)).toBe(422);
      expect(text(res.html), password.slice(0, 20)).toContain(message);
      expect(fieldValue(res.html, 'password')).toBe('');
    }
    const english = await office.post('/staff/users?lang=en', newUser('tanaka-hanako', 'password1234'));
    expect(text(english.html)).toContain('A common password (such as password1234)');
    expect(await countUsers(store().db)).toBe(4);
  });

  it('accepts the longest password it allows, and the same password signs in', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const office = new StaffClient(app);
    await office.login('office');
    await office.get('/staff/users');
    const longest = '北本の川沿いを夜明けに歩く Kitamoto riverside walk at dawn, '
      .repeat(30)
      .slice(0, MAX_PASSWORD_LENGTH);
    expect([...longest]).toHaveLength(MAX_PASSWORD_LENGTH);
    const created = await office.post('/staff/users', newUser('suzuki', longest));
    expect(created.status).toBe(200);
    expect(text(created.html)).toContain('suzuki');
    const suzuki = new StaffClient(app);
    expect((await suzuki.login('suzuki', longest)).status).toBe(303);
  }, 60_000);

  it('states the rule beside the field', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const help = t(lang).staffUsers.passwordHelp;
      expect(help).toContain(String(MIN_PASSWORD_LENGTH));
      expect(help).toContain(MAX_PASSWORD_LENGTH.toLocaleString('en'));
    }
  });

  it('refuses a weak SHINCHOKU_ADMIN_PASSWORD before writing anything', async () => {
    for (const weak of ['password1234', 'aaaaaaaaaaaa', 'admin-admin-admin']) {
      await expect(firstStart(store(), { adminPassword: weak })).rejects.toMatchObject({
        id: 'usage',
        message: expect.stringMatching(/^SHINCHOKU_ADMIN_PASSWORD is not accepted: A /),
      });
    }
    expect(await countUsers(store().db)).toBe(0);
  });

  it('answers a NUL, a control character or a huge value in the login form like any wrong login', async () => {
    await seedStaff(store());
    const app = testApp(store());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const attempts = [
      { login: 'office\u0000', password: PASSWORD },
      { login: 'admin\u0000', password: 'whatever it is' },
      { login: '\u0000', password: '\u0000' },
      { login: 'office\u0007\u001b', password: PASSWORD },
      { login: 'o'.repeat(10_000), password: PASSWORD },
      { login: 'office', password: 'p'.repeat(MAX_PASSWORD_LENGTH + 1) },
      { login: 'ｏｆｆｉｃｅ', password: PASSWORD },
    ];
    for (const fields of attempts) {
      const browser = new StaffClient(app);
      await browser.get('/staff/login');
      const res = await browser.post('/staff/login', fields);
      expect(res.status).toBe(401);
      expect(text(res.html)).toContain('ログインIDまたはパスワードが正しくありません。');
      expect(res.html).not.toContain('\u0000');
      expect(res.html.length).toBeLessThan(20_000);
    }
    const browser = new StaffClient(app);
    await browser.get('/staff/login');
    for (const next of ['/staff/\u0000', '/staff/\u007f', '/staff/\u001b[0m']) {
      const res = await browser.post('/staff/login', { login: 'office', password: PASSWORD, next });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/staff');
      await browser.post('/staff/logout', {});
      await browser.get('/staff/login');
    }
    expect(logged).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
  });
});
