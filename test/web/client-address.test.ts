import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxiesFromEnv } from '../../src/web/auth/client-address.ts';

/** The address the app takes for a request from peer with the given X-Forwarded-For. */
async function seen(peer: string, forwarded: string | null, trusted: ReadonlySet<string>): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, trusted)));
  const headers: Record<string, string> = forwarded === null ? {} : { 'X-Forwarded-For': forwarded };
  const res = await app.request(
    'http://localhost/',
    { headers },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return res.text();
}

describe('the client address behind a proxy', () => {
  const nginx = trustedProxiesFromEnv('127.0.0.1, ::1');

  it('reads X-Forwarded-For only from a trusted proxy, the nearest hop that is not one', async () => {
    expect(await seen('203.0.113.9', '198.51.100.1', new Set())).toBe('203.0.113.9');
    expect(await seen('203.0.113.9', '198.51.100.1', nginx)).toBe('203.0.113.9');
    expect(await seen('127.0.0.1', '198.51.100.1', nginx)).toBe('198.51.100.1');
    expect(await seen('127.0.0.1', '10.9.9.9, 198.51.100.1', nginx)).toBe('198.51.100.1');
    expect(await seen('127.0.0.1', '198.51.100.1, ::1', nginx)).toBe('198.51.100.1');
    expect(await seen('::1', '2001:db8::7', nginx)).toBe('2001:db8::7');
  });

  it('keeps the proxy’s own address for a missing, forged or oversized header', async () => {
    expect(await seen('127.0.0.1', null, nginx)).toBe('127.0.0.1');
    expect(await seen('127.0.0.1', '', nginx)).toBe('127.0.0.1');
    expect(await seen('127.0.0.1', 'not-an-address', nginx)).toBe('127.0.0.1');
    expect(await seen('127.0.0.1', '198.51.100.1\u0001', nginx)).toBe('127.0.0.1');
    expect(await seen('127.0.0.1', '127.0.0.1, ::1', nginx)).toBe('127.0.0.1');
    expect(await seen('127.0.0.1', `${'1.1.1.1, '.repeat(200)}198.51.100.1`, nginx)).toBe('127.0.0.1');
  });

  it('refuses a setting that is not a list of addresses, naming it', () => {
    expect(trustedProxiesFromEnv(undefined).size).toBe(0);
    expect([...trustedProxiesFromEnv(' 127.0.0.1 ,,::1 ')]).toEqual(['127.0.0.1', '::1']);
    expect(() => trustedProxiesFromEnv('127.0.0.1,localhost')).toThrow(/「localhost」/);
    expect(() => trustedProxiesFromEnv('10.0.0.0/8')).toThrow(/SHINCHOKU_TRUSTED_PROXIES/);
  });
});
