import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = '/usr/sbin/nginx';
const HOSTING = join(import.meta.dirname, '..', '..', 'docs', 'hosting.md');

/** Whether nginx can be started here (it is optional: the suite runs without it). */
export const nginxAvailable = spawnSync(NGINX, ['-v']).status === 0;

/**
 * The `upstream` and `location` blocks of docs/hosting.md's example, with the example's servers replaced by
 * the given ports: the test runs the configuration the hosts are told to write.
 */
export function documentedConfig(ports: readonly number[]): { upstream: string; location: string } {
  const doc = readFileSync(HOSTING, 'utf8');
  const upstream = /upstream shinchoku \{[\s\S]*?\n\}/.exec(doc)?.[0];
  const location = /location \/ \{[\s\S]*?\n {4}\}/.exec(doc)?.[0];
  if (!upstream || !location) throw new Error('docs/hosting.md has no upstream or location block');
  const servers = ports.map((port) => `    server 127.0.0.1:${port};`).join('\n');
  return {
    upstream: upstream.replace(/( {4}server 127\.0\.0\.1:\d+;\n)+/, `${servers}\n`),
    location,
  };
}

/** nginx in the foreground, one process, everything in a temporary folder, on a loopback port. */
export async function startNginx(port: number, upstreamPorts: readonly number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'shinchoku-nginx-'));
  const { upstream, location } = documentedConfig(upstreamPorts);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${upstream}
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 61m;
    ${location}
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await fetch(`${base}/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    base,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
