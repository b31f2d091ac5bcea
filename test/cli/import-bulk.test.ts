import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { progressBar } from '../../src/cli/progress-bar.ts';
import { KITAMOTO_PATH } from '../support/kitamoto.ts';
import { runCli } from '../support/io.ts';
import { zipBytes } from '../support/zip-bytes.ts';

const PLAN = readFileSync(KITAMOTO_PATH, 'utf8');
const withId = (id: string) => PLAN.replace('id: kitamoto-2nd-strategy', `id: ${id}`);

describe('shinchoku import FOLDER|FILE.zip', () => {
  it('imports every plan of a folder, reports each refused file with its line, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shinchoku-bulk-'));
    const folder = join(dir, 'plans');
    mkdirSync(join(folder, 'north'), { recursive: true });
    writeFileSync(join(folder, 'a.yaml'), withId('plan-a'));
    writeFileSync(join(folder, 'north', 'b.yaml'), withId('plan-b'));
    writeFileSync(join(folder, 'broken.yaml'), 'plan:\n  id: x\n  title: [\n');
    writeFileSync(join(folder, 'README.md'), 'notes');
    const zip = join(dir, 'plans.zip');
    writeFileSync(
      zip,
      zipBytes([
        { name: 'c.yaml', data: withId('plan-c') },
        { name: 'a.yaml', data: withId('plan-a') },
      ]),
    );
    const data = ['--data', join(dir, 'db')];
    const first = await runCli('import', folder, ...data);
    expect(first.code).toBe(1);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe('imported a.yaml → plan-a (6 goals, 15 KPIs)');
    expect(lines[1]).toBe('refused  broken.yaml');
    expect(lines[2]).toMatch(/^ {2}broken\.yaml:4:1: error: /);
    expect(first.out).toContain('imported north/b.yaml → plan-b (6 goals, 15 KPIs)\n');
    expect(first.out).toContain('skipped  README.md (not a plan file)\n');
    expect(first.out).toContain('3 plan files: 2 imported, 0 replaced, 1 refused; 1 other skipped\n');
    // Without a terminal, plain progress lines on stderr: never a carriage return in a log.
    expect(first.err).toContain('3/3 plan files (100%)\n');
    expect(first.err).not.toContain('\r');

    const second = await runCli('import', zip, '--replace', ...data);
    expect(second.code).toBe(0);
    expect(second.out).toContain('replaced a.yaml → plan-a');
    expect(second.out).toContain('imported c.yaml → plan-c');
    expect((await runCli('plans', ...data)).out.match(/plan-[abc]/g)?.sort()).toEqual([
      'plan-a',
      'plan-b',
      'plan-c',
    ]);

    const bomb = join(dir, 'bomb.zip');
    writeFileSync(bomb, zipBytes([{ name: '../../etc/cron.yaml', data: PLAN }]));
    const refused = await runCli('import', bomb, ...data);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('cannot be imported');
    expect(refused.err).toContain('leads outside the folder');
  }, 180_000);

  it('draws a bar in place on a terminal, at most every tenth of a second, and ends its line', () => {
    let err = '';
    let now = 0;
    const io: Io = { out: () => {}, err: (t) => void (err += t), errIsTty: true };
    const bar = progressBar(io, 'plan files', { now: () => now });
    bar.update(1, 4);
    now += 10;
    bar.update(2, 4);
    now += 200;
    bar.update(3, 4);
    bar.update(4, 4);
    bar.finish();
    const frames = err.split('\r').filter(Boolean);
    expect(frames).toHaveLength(3);
    expect(frames[0]).toContain(' 25% 1/4 plan files');
    expect(frames[2]).toBe(`${'█'.repeat(30)} 100% 4/4 plan files\n`);
  });
});
