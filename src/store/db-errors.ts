import { randomBytes } from 'node:crypto';
import { ShinchokuError } from '../core/errors.ts';

/**
 * Database errors, as either driver raises them. drizzle wraps both in a DrizzleQueryError whose message
 * holds the whole statement and its parameters (a plan's every figure, a password hash), so nothing here
 * ever reads that message: only the SQLSTATE code and the constraint's name, from the driver's error.
 */
interface DriverError {
  readonly code: string;
  readonly constraint?: string | undefined;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The driver's error inside whatever wrapped it (drizzle's DrizzleQueryError keeps it as `cause`). */
function driverErrorOf(error: unknown): DriverError | null {
  let current: unknown = error;
  // A chain of causes is short; the bound keeps a cyclic one from looping.
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) {
      const constraint = (current as { constraint?: unknown }).constraint;
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    current = current.cause;
  }
  return null;
}

export const sqlStateOf = (error: unknown): string | null => driverErrorOf(error)?.code ?? null;

/**
 * Whether two writers met on a unique constraint (SQLSTATE 23505), optionally a given one: the second
 * of two concurrent first saves of the same row. PGlite and node-postgres errors alike, wrapped or not.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = driverErrorOf(error);
  return found?.code === '23505' && (constraint === undefined || found.constraint === constraint);
}

/** A serialization failure or a deadlock: the transaction did nothing and may simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code === '40001' || code === '40P01';
}

const CONNECTION_CLASSES = ['08', '53', '57'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** A lost connection, a server shutting down or out of resources: not a fault of the request. */
function isUnavailable(error: unknown, code: string | null): boolean {
  // 08P01 is a malformed message (too many parameters, say): our fault, not the connection's.
  if (code !== null) return code !== '08P01' && CONNECTION_CLASSES.includes(code.slice(0, 2));
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const network = (current as { code?: unknown }).code;
    if (typeof network === 'string' && NETWORK_CODES.has(network)) return true;
    current = current.cause;
  }
  return false;
}

/** Whether an error came from the database (or drizzle talking to it) rather than from our own code. */
export function isStoreError(error: unknown): boolean {
  if (driverErrorOf(error) !== null) return true;
  if (!(error instanceof Error)) return false;
  return error.name === 'DrizzleQueryError' || error.constructor.name === 'DrizzleQueryError';
}

/** A short random id that ties what the person saw to the one log line. */
export const newErrorId = (): string => randomBytes(4).toString('hex');

/**
 * The one place an unexpected database error becomes something a person may see: a ShinchokuError with
 * a short message and an error id, never the statement or its values. The log gets one line with the
 * same id, the SQLSTATE and the constraint's name, and nothing else. Returns null for an error that did
 * not come from the database.
 */
export function asStoreError(error: unknown, log: (line: string) => void): ShinchokuError | null {
  if (!isStoreError(error)) return null;
  const found = driverErrorOf(error);
  const code = found?.code ?? null;
  const errorId = newErrorId();
  const facts = [
    `sqlstate=${code ?? 'none'}`,
    ...(found?.constraint ? [`constraint=${found.constraint}`] : []),
  ];
  log(`store error ${errorId}: ${facts.join(' ')}`);
  const context = { errorId };
  if (code === '23505' || isRetryable(error)) {
    return new ShinchokuError(
      'conflict',
      `Someone else saved the same thing at the same moment, so this was not saved (error id ${errorId}).`,
      'Reload to see what is stored now, then try again.',
      [],
      context,
    );
  }
  if (isUnavailable(error, code)) {
    return new ShinchokuError(
      'store-unavailable',
      `The database could not be reached (error id ${errorId}).`,
      'Try again in a moment; if it keeps failing, check that the database server is running.',
      [],
      context,
    );
  }
  return new ShinchokuError(
    'internal',
    `The database could not complete the operation (error id ${errorId}).`,
    'Try again; if it keeps failing, give the error id to the administrator.',
    [],
    context,
  );
}
