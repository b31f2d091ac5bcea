import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './kitamoto.ts';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: string;
  readonly output: () => string;
}

/**
 * Starts the server as its own process on a free loopback port: the TypeScript in src/ through tsx, so a test
 * runs the source as it is (`npm start` runs the same file compiled; test/e2e/npm-start.test.ts covers that).
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'web', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 90_000);
    const look = () => {
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return { child, base, output: () => output };
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A browser-like client: keeps cookies, sends the CSRF token the page gave it. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    headers.set('origin', this.base);
    headers.set('accept-language', 'ja');
    const response = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  /** The CSRF token of the form on a page. */
  async token(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no form token on ${path}`);
    return token;
  }

  async logIn(login: string, password: string): Promise<void> {
    const body = new URLSearchParams({
      _csrf: await this.token('/staff/login'),
      login,
      password,
      next: '/staff',
    });
    const response = await this.request('/staff/login', { method: 'POST', body });
    if (response.status !== 303 && response.status !== 302)
      throw new Error(`login failed: ${response.status}`);
  }
}
