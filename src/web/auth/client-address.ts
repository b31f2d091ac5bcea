import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The peer's address as the socket reports it. X-Forwarded-For is not read: anyone can write it, and
 * the rate limit keyed on it would be bypassed by changing it. Behind a proxy every client shares the
 * proxy's address, which makes the limit stricter, not weaker.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'unknown';
  }
}
