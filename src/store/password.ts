import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashGate, type HashTicket } from './hash-gate.ts';

/**
 * Two at a time, one per client address, leaves two of libuv's four threads for files and DNS, caps
 * scrypt's memory at 256 MB, and keeps a slot free for others while one address floods; eight may wait
 * in each lane, about four hashes' time, before a caller is told to come back.
 */
export const hashGate = new HashGate({ concurrency: 2, perKey: 1, maxWaiting: 8 });

/** Set by `hashingFor` for the hashes of one request, however deep the call that reaches them. */
const requester = new AsyncLocalStorage<HashTicket>();

/**
 * Runs `work` with its password hashes counted for one client: the login command passes the address,
 * and marks an address that signed in successfully before as urgent, so a flood from elsewhere neither
 * takes every slot nor queues ahead of it.
 */
export function hashingFor<T>(ticket: HashTicket, work: () => Promise<T>): Promise<T> {
  return requester.run(ticket, work);
}

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  hashGate.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password, salt, length, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
    requester.getStore(),
  );

/** scrypt's cost as OWASP recommends for interactive logins (N=2^17, r=8, p=1). */
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** A self-describing hash, so the cost can be raised later without breaking stored passwords. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A password for the first administrator: 20 characters from an alphabet without look-alikes. */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
