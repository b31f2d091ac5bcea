import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from './child-server.ts';
import { LOOPBACK } from './free-port.ts';

const NGINX = '/usr/sbin/nginx';
export const NGINX_INSTALL = 'apt-get install nginx-light';

export async function hasNginx(): Promise<boolean> {
  try {
    await promisify(execFile)(NGINX, ['-v'], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The limit of this machine for these pages: Debian's nginx serving them as files, one worker per core,
 * no access log, keep-alive as long as the client wants it (as Node's server allows).
 */
function config(dir: string, site: string, port: number): string {
  return `daemon off;
worker_processes auto;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  server {
    listen ${LOOPBACK}:${port};
    root ${site};
    location / { try_files $uri/index.html =404; }
  }
}
`;
}

/** nginx's worker processes: children of the master, found through /proc. */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

/** nginx in the foreground on a loopback port, serving `site` (which it must be able to read). */
export async function startNginx(dir: string, site: string, port: number): Promise<RunningServer> {
  // The workers run as an unprivileged user, and mkdtemp makes folders only their owner can read.
  await chmod(dir, 0o755);
  const file = join(dir, 'nginx.conf');
  await writeFile(file, config(dir, site, port));
  return startServer({ command: NGINX, args: ['-c', file, '-p', dir], port, timeoutMs: 15_000 });
}
