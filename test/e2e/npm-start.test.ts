import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/data-lock.ts';
import { ROOT } from '../support/kitamoto.ts';
import { KITAMOTO } from '../support/web.ts';
import { exited } from '../support/server-process.ts';

const START_LIMIT_MS = 90_000;
const STOP_LIMIT_MS = 15_000;

const alive = (pid: number) => existsSync(`/proc/${pid}`);
const parentOf = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};

const leftovers: number[] = [];
const folders: string[] = [];
afterEach(() => {
  // A server that outlived npm is this test's own child's child: ended by its pid, never by name.
  for (const pid of leftovers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('npm start', () => {
  it(
    "builds, runs the compiled server as npm's own child, which renders and stops when npm's pid gets SIGTERM",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'shinchoku-npm-start-'));
      folders.push(folder);
      const data = join(folder, 'data');
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: '',
          PORT: '0',
          HOST: '127.0.0.1',
          SHINCHOKU_DATA: data,
          SHINCHOKU_ADMIN_PASSWORD: 'npm-start-test-password-1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`npm start did not start:\n${output}`)),
          START_LIMIT_MS,
        );
        npm.stdout.on('data', () => {
          const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        npm.on('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`npm start exited with ${code}:\n${output}`));
        });
      });
      // The data folder's lock names the process that holds the database: the server itself.
      const server = (JSON.parse(readFileSync(join(data, LOCK_FILE), 'utf8')) as { pid: number }).pid;
      leftovers.push(server);
      expect(server).not.toBe(npm.pid);
      expect(parentOf(server)).toBe(npm.pid);
      // node itself runs the compiled server, with no loader in front of it.
      const command = readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(command.slice(1)).toEqual(['dist/web/server.js']);
      // A download renders in a worker thread, which loads the compiled worker beside the compiled pool.
      const deck = await fetch(`http://127.0.0.1:${port}/plans/${KITAMOTO}/R4/report.pptx`);
      expect(deck.status).toBe(200);
      expect(
        Buffer.from(await deck.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      npm.kill('SIGTERM');
      await exited(npm);
      const deadline = Date.now() + STOP_LIMIT_MS;
      while (alive(server) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive(server)).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    },
    START_LIMIT_MS + STOP_LIMIT_MS + 10_000,
  );
});
