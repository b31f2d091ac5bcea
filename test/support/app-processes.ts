import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/env.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const STARTED = /Shinchoku is running at (http:\/\/\S+)/;
const READY = 'Press Ctrl+C to stop.';

/** One real app process, started as `npm start` starts it, on its own port. */
export interface AppProcess {
  readonly base: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node --import tsx src/web/server.ts` and waits until it says it is listening. */
export function startAppProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/web/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const process_: Omit<AppProcess, 'base'> = {
    output: () => printed,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the app did not start within ${timeoutMs} ms:\n${printed}`));
    }, timeoutMs);
    const hear = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const base = STARTED.exec(printed)?.[1];
      // The last line of the start: the first start's lines, printed before it, are in by then.
      if (base && printed.includes(READY)) {
        clearTimeout(timer);
        resolve({ ...process_, base: base.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app ended (${code}) before it started:\n${printed}`));
    });
  });
}

/**
 * Stands in for the Hono app in test/web/staff-helpers.ts's StaffClient, sending its requests over HTTP
 * to a real process instead (the one `base` names at the time, as a proxy would choose); the Origin a
 * browser sends names that process.
 */
export function overHttp(to: string | (() => string)): Hono<AppEnv> {
  return {
    request(url: string, init: RequestInit = {}) {
      const base = typeof to === 'string' ? to : to();
      const headers = new Headers(init.headers);
      if (headers.has('Origin')) headers.set('Origin', base);
      return fetch(url.replace('http://localhost', base), { ...init, headers, redirect: 'manual' });
    },
  } as unknown as Hono<AppEnv>;
}

/**
 * As overHttp, from a given loopback address (127.0.0.2, 127.0.0.3, … all reach this machine), so a
 * proxy in front sees different clients. Form bodies only (URL-encoded), which is all the sign-in sends.
 */
export function overHttpFrom(base: string, localAddress: string): Hono<AppEnv> {
  return {
    request(url: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (headers.has('Origin')) headers.set('Origin', base);
      const body = init.body === undefined || init.body === null ? null : String(init.body);
      if (body !== null && !headers.has('Content-Type'))
        headers.set('Content-Type', 'application/x-www-form-urlencoded');
      const target = new URL(url.replace('http://localhost', base));
      return new Promise<Response>((resolve, reject) => {
        const req = httpRequest(
          target,
          { method: init.method ?? 'GET', headers: Object.fromEntries(headers), localAddress },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const answer = new Headers();
              for (const [name, value] of Object.entries(res.headers)) {
                for (const one of ([] as string[]).concat(value ?? [])) answer.append(name, one);
              }
              resolve(
                new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: answer }),
              );
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body ?? undefined);
      });
    },
  } as unknown as Hono<AppEnv>;
}
