import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/connect.ts';
import { listMunicipalities } from '../../src/store/municipalities.ts';
import { authenticate, listAdministrators, listHostAdministrators } from '../../src/store/users.ts';
import { runCli } from '../support/io.ts';

const oneTimePassword = (out: string): string => /password: (\S+)/.exec(out)?.[1] ?? '';

describe('shinchoku host and municipality', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shinchoku-host-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a host administrator and a municipality with its administrator, each with a one-time password', async () => {
    const host = await runCli('host', 'add-admin', 'hoster', '--name', '県 ホスト', '--data', dir);
    expect(host.err).toBe('');
    expect(host.code).toBe(0);
    expect(host.out).toContain('Added the host administrator hoster.');
    // A five-digit code gets its check digit; full-width digits are read as typed.
    const added = await runCli(
      'municipality',
      'add',
      '１１２３３',
      '北本市',
      '--admin',
      'kitamoto-admin',
      '--data',
      dir,
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Added 北本市 (112330).');
    const store = await openStore({ dataDir: dir });
    try {
      const hosts = await listHostAdministrators(store.db);
      expect(hosts.map((u) => [u.login, u.displayName, u.municipalityId, u.mustChangePassword])).toEqual([
        ['hoster', '県 ホスト', null, true],
      ]);
      const kitamoto = (await listMunicipalities(store.db)).find((m) => m.code === '112330');
      expect(kitamoto?.prefecture?.ja).toBe('埼玉県');
      const admins = await listAdministrators(store.db, kitamoto?.id ?? 0);
      expect(admins.map((u) => [u.login, u.mustChangePassword])).toEqual([['kitamoto-admin', true]]);
      const signedIn = await authenticate(store.db, 'kitamoto-admin', oneTimePassword(added.out));
      expect(signedIn?.municipalityId).toBe(kitamoto?.id);
    } finally {
      await store.close();
    }
    const list = await runCli('municipality', 'list', '--data', dir);
    expect(list.out).toMatch(/112330\s+北本市\s+Saitama/);
  }, 60_000);

  it('refuses a wrong check digit, a taken code or login, and a bad login, changing nothing', async () => {
    const digit = await runCli(
      'municipality',
      'add',
      '112331',
      '北本市',
      '--admin',
      'x-admin',
      '--data',
      dir,
    );
    expect(digit.code).toBe(2);
    expect(digit.err).toContain('check digit');
    const taken = await runCli(
      'municipality',
      'add',
      '112330',
      '北本市',
      '--admin',
      'other-admin',
      '--data',
      dir,
    );
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('The municipality 112330 already exists.');
    // The login is taken: the municipality is not added without its administrator.
    const login = await runCli('municipality', 'add', '112101', '川越市', '--admin', 'hoster', '--data', dir);
    expect(login.code).toBe(1);
    expect(login.err).toContain('The login hoster is taken.');
    const bad = await runCli(
      'municipality',
      'add',
      '112101',
      '川越市',
      '--admin',
      'Not A Login',
      '--data',
      dir,
    );
    expect(bad.code).toBe(2);
    const nul = await runCli(
      'municipality',
      'add',
      '112101',
      '川越\u0000市',
      '--admin',
      'kawagoe',
      '--data',
      dir,
    );
    expect(nul.code).toBe(2);
    const usage = await runCli('municipality', 'add', '112101', '--data', dir);
    expect(usage.code).toBe(2);
    const store = await openStore({ dataDir: dir });
    try {
      expect((await listMunicipalities(store.db)).map((m) => m.code)).toEqual(['112330', null]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
