import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAuditTrail } from '../../src/store/audit.ts';
import { openStore } from '../../src/store/connect.ts';
import { listMunicipalities } from '../../src/store/municipalities.ts';
import * as schema from '../../src/store/schema.ts';
import { authenticate, listAdministrators } from '../../src/store/users.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';
import { zipBytes } from '../support/zip-bytes.ts';

const oneTimePassword = (out: string): string => /password: (\S+)/.exec(out)?.[1] ?? '';
/** Kitamoto's plan under another id, stating no municipality code (`municipalityCode:` removed). */
const PLAN = readFileSync(KITAMOTO_PATH, 'utf8').replace('  municipalityCode: "112330"\n', '');
const withId = (id: string) => PLAN.replace('id: kitamoto-2nd-strategy', `id: ${id}`);
/** The plan stating a municipality's code, as `municipalityCode:` under `plan:`. */
const withCode = (id: string, code: string) =>
  withId(id).replace(`id: ${id}\n`, `id: ${id}\n  municipalityCode: "${code}"\n`);

describe('shinchoku municipality name, add-admin and import --municipality', () => {
  let dir: string;
  let data: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shinchoku-municipality-'));
    data = ['--data', join(dir, 'db')];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names row 1 and gives it its code and an administrator, each in the host log', async () => {
    expect((await runCli('host', 'add-admin', 'hoster', ...data)).code).toBe(0);
    const before = await runCli('municipality', 'list', ...data);
    expect(before.out).toMatch(/1\s+-\s+\(this installation's own, not named yet\)/);

    const named = await runCli(
      'municipality',
      'name',
      '--id',
      '1',
      '北本市',
      '--code',
      '１１２３３',
      ...data,
    );
    expect(named.err).toBe('');
    expect(named.code).toBe(0);
    expect(named.out).toBe('Named 北本市 (112330).\n');
    const again = await runCli('municipality', 'name', '112330', '北本市', ...data);
    expect(again.out).toBe('Nothing changed: 北本市 (112330).\n');
    const moved = await runCli('municipality', 'name', '112330', '北本市', '--code', '112101', ...data);
    expect(moved.code).toBe(1);
    expect(moved.err).toContain('has the code 112330 already');

    const added = await runCli('municipality', 'add-admin', '112330', '--admin', 'kita-admin', ...data);
    expect(added.err).toBe('');
    expect(added.out).toContain('Added the administrator kita-admin to 北本市 (112330).');
    const store = await openStore({ dataDir: join(dir, 'db') });
    try {
      const [admin] = await listAdministrators(store.db, 1);
      expect([admin?.login, admin?.mustChangePassword]).toEqual(['kita-admin', true]);
      expect((await authenticate(store.db, 'kita-admin', oneTimePassword(added.out)))?.municipalityId).toBe(
        1,
      );
      const log = await hostAuditTrail(store.db);
      expect(log.map((r) => [r.user, r.action, r.municipalityId]).reverse()).toEqual([
        [null, 'user.create', null],
        [null, 'municipality.code', 1],
        [null, 'municipality.rename', 1],
        [null, 'user.create', 1],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses hostile and unknown codes and ids with a clear message, changing nothing', async () => {
    const cases: [string[], number, string][] = [
      [
        ['municipality', 'name', '--id', '1', '北本市', '--code', '112331'],
        2,
        'check digit 1, but 11233 needs 0',
      ],
      [
        ['municipality', 'name', '--id', '1', '北本市', '--code', '9'.repeat(10_000)],
        2,
        'that is not a municipality code',
      ],
      [
        ['municipality', 'name', '--id', '1', '北本市', '--code', '11233\u0000'],
        2,
        'that is not a municipality code',
      ],
      [['municipality', 'name', '--id', '1', 'x'.repeat(10_000)], 2, '100'],
      [['municipality', 'name', '--id', '1', ''], 2, ''],
      [['municipality', 'name', '--id', '01', '北本市'], 2, '--id takes'],
      [['municipality', 'name', '--id', '9', '北本市'], 1, 'There is no municipality with the id 9.'],
      [
        ['municipality', 'add-admin', '112101', '--admin', 'kawa-admin'],
        1,
        'No municipality has the code 112101.',
      ],
      [['municipality', 'add-admin', '--admin', 'kawa-admin'], 2, 'by its code, or by --id N'],
      [['municipality', 'add-admin', '112330', '--admin', 'kita-admin'], 1, 'The login kita-admin is taken.'],
      [['municipality', 'add', '112101', '川越市', '--admin', 'x-admin', '--id', '1'], 2, ''],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(...args, ...data);
      expect(run.code, args.join(' ').slice(0, 80)).toBe(code);
      expect(run.err).toContain(message);
      // A hostile argument is not echoed back whole.
      expect(run.err.length).toBeLessThan(2_000);
      expect(run.err).not.toContain('\u0000');
    }
    const store = await openStore({ dataDir: join(dir, 'db') });
    try {
      expect((await listMunicipalities(store.db)).map((m) => [m.code, m.name])).toEqual([
        ['112330', '北本市'],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('imports into the municipality --municipality names, single files and folders alike', async () => {
    const plans = join(dir, 'plans');
    mkdirSync(plans, { recursive: true });
    writeFileSync(join(plans, 'plain.yaml'), withId('plain-plan'));
    writeFileSync(join(plans, 'folder-a.yaml'), withId('folder-a'));
    writeFileSync(join(plans, 'folder-b.yaml'), withCode('folder-b', '112330'));

    const unknown = await runCli('import', join(plans, 'plain.yaml'), '--municipality', '112101', ...data);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('--municipality: no municipality has the code 112101.');
    expect(unknown.err).toContain('shinchoku municipality list');
    const digit = await runCli('import', join(plans, 'plain.yaml'), '--municipality', '112109', ...data);
    expect(digit.code).toBe(2);
    expect(digit.err).toContain('--municipality: 「112109」 has the check digit 9, but 11210 needs 1.');
    const hostile = await runCli(
      'import',
      join(plans, 'plain.yaml'),
      '--municipality',
      '\u0000'.repeat(10_000),
      ...data,
    );
    expect(hostile.code).toBe(2);
    expect(hostile.err).toContain('--municipality: that is not a municipality code');

    expect(
      (await runCli('municipality', 'add', '112101', '川越市', '--admin', 'kawa-admin', ...data)).code,
    ).toBe(0);
    const single = await runCli('import', join(plans, 'plain.yaml'), '--municipality', '１１２１０', ...data);
    expect(single.err).toBe('');
    expect(single.out).toContain('imported plain-plan');
    // A single file stating another municipality's code is refused, not sent elsewhere.
    const stated = join(dir, 'stated.yaml');
    writeFileSync(stated, withCode('stated-plan', '112330'));
    const mismatch = await runCli('import', stated, '--municipality', '112101', ...data);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toContain(
      'The plan states the municipality code 112330, but --municipality names 112101',
    );

    const bulk = await runCli('import', plans, '--municipality', '112101', '--replace', ...data);
    expect(bulk.code).toBe(1);
    expect(bulk.out).toContain('imported folder-a.yaml → folder-a');
    expect(bulk.out).toContain('refused  folder-b.yaml');
    expect(bulk.out).toContain('--municipality names 112101');
    const zip = join(dir, 'plans.zip');
    writeFileSync(zip, zipBytes([{ name: 'zipped.yaml', data: withId('zipped-plan') }]));
    expect((await runCli('import', zip, '--municipality', '112101', ...data)).code).toBe(0);

    const store = await openStore({ dataDir: join(dir, 'db') });
    try {
      const [kawagoe] = (await listMunicipalities(store.db)).filter((m) => m.code === '112101');
      const owned = await store.db
        .select({ slug: schema.plans.slug })
        .from(schema.plans)
        .where(eq(schema.plans.municipalityId, kawagoe?.id ?? 0));
      expect(owned.map((p) => p.slug).sort()).toEqual(['folder-a', 'plain-plan', 'zipped-plan']);
    } finally {
      await store.close();
    }
  }, 120_000);
});
