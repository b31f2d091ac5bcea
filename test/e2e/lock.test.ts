import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planToYaml } from '../../src/plan-file/write.ts';
import { LOCK_FILE } from '../../src/store/data-lock.ts';
import { kitamotoPlan, ROOT } from '../support/kitamoto.ts';
import { exited, startServer } from '../support/server-process.ts';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command, as a person runs it: its own process, on the same data folder. */
function shinchoku(args: readonly string[]): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'shinchoku.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('one writer per embedded database', () => {
  it('refuses a second process while the server runs, and takes over the lock of a killed one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-lock-'));
    const data = join(folder, 'data');
    const planFile = join(folder, 'second.yaml');
    writeFileSync(planFile, planToYaml({ ...kitamotoPlan(), id: 'second-writer' }));

    const server = await startServer({
      SHINCHOKU_DATA: data,
      SHINCHOKU_ADMIN_PASSWORD: 'lock-test-password-1',
    });
    const lockPath = join(data, LOCK_FILE);
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number; command: string };
    expect(holder.pid).toBe(server.child.pid);

    const refused = await shinchoku(['import', planFile, '--data', data]);
    expect(refused.code).toBe(75);
    expect(refused.stdout).not.toContain('imported');
    expect(refused.stderr).toContain(`process ${server.child.pid}`);
    expect(refused.stderr).toContain(holder.command);
    expect(refused.stderr).toContain('/staff/import');
    expect(refused.stderr).toContain('DATABASE_URL');
    expect(refused.stderr).not.toMatch(/Aborted|at .*\.ts:\d+/);

    // Killed without a chance to clean up, the server leaves its lock behind; the next process sees
    // that its holder is gone and takes it over.
    server.child.kill('SIGKILL');
    await exited(server.child);
    expect(existsSync(lockPath)).toBe(true);
    const imported = await shinchoku(['import', planFile, '--data', data]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported second-writer');
    expect(existsSync(lockPath)).toBe(false);

    // Nothing was lost: the server's sample and the plan imported after it are both there.
    const listed = await shinchoku(['plans', '--data', data]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('kitamoto-2nd-strategy');
    expect(listed.stdout).toContain('second-writer');
    expect(existsSync(lockPath)).toBe(false);
  }, 300_000);
});
