import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ShinchokuError } from '../../core/errors.ts';

/** Longer than any chain of proxies a host runs: a longer header is a forgery, and not read. */
const MAX_FORWARDED_CHARS = 1_000;

/**
 * The proxies whose X-Forwarded-For is believed (SHINCHOKU_TRUSTED_PROXIES: addresses separated by commas,
 * e.g. 127.0.0.1,::1 for nginx on the same machine). Anything that is not an IP address is refused, so a
 * typing mistake stops the start instead of trusting nothing or everything.
 */
export function trustedProxiesFromEnv(text: string | undefined): ReadonlySet<string> {
  const addresses = (text ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const wrong = addresses.find((a) => isIP(a) === 0);
  if (wrong !== undefined) {
    throw new ShinchokuError(
      'usage',
      `SHINCHOKU_TRUSTED_PROXIES holds 「${wrong}」, which is not an IP address.`,
      'List the proxies’ addresses separated by commas, e.g. 127.0.0.1,::1.',
    );
  }
  return new Set(addresses);
}

/**
 * The client's address, for the sign-in limits. The socket's peer, unless that peer is a proxy the host
 * named as trusted: then the nearest address in X-Forwarded-For that is not itself a trusted proxy (the
 * one the host's own proxy saw; addresses further left anyone can write, and are not read).
 */
export function clientAddress(c: Context, trusted: ReadonlySet<string> = new Set()): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'unknown';
  }
  if (!trusted.has(peer)) return peer;
  const forwarded = c.req.header('x-forwarded-for') ?? '';
  if (forwarded === '' || forwarded.length > MAX_FORWARDED_CHARS) return peer;
  const hops = forwarded.split(',').map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (trusted.has(hop)) continue;
    return isIP(hop) === 0 ? peer : hop;
  }
  return peer;
}
