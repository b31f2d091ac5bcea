/**
 * The one error type Shinchoku raises on purpose. Each id is stable (scripts and tests match on it), and
 * its exit code and HTTP status are fixed here, so the CLI and the web map errors to output alike.
 */
export const ERROR_CATALOG = {
  usage: { exitCode: 2, httpStatus: 400 },
  'plan-invalid': { exitCode: 1, httpStatus: 422 },
  'file-not-found': { exitCode: 66, httpStatus: 404 },
  'file-unreadable': { exitCode: 66, httpStatus: 400 },
  'file-too-large': { exitCode: 1, httpStatus: 413 },
  'file-encoding': { exitCode: 1, httpStatus: 400 },
  'year-without-data': { exitCode: 1, httpStatus: 404 },
  'output-unwritable': { exitCode: 73, httpStatus: 500 },
  'browser-missing': { exitCode: 69, httpStatus: 503 },
  'store-unavailable': { exitCode: 69, httpStatus: 503 },
  /** Another process has the embedded database open; it allows one at a time (EX_TEMPFAIL). */
  'store-locked': { exitCode: 75, httpStatus: 503 },
  'plan-not-found': { exitCode: 1, httpStatus: 404 },
  'plan-exists': { exitCode: 1, httpStatus: 409 },
  conflict: { exitCode: 1, httpStatus: 409 },
  forbidden: { exitCode: 77, httpStatus: 403 },
  unauthenticated: { exitCode: 77, httpStatus: 401 },
  'not-found': { exitCode: 1, httpStatus: 404 },
  invalid: { exitCode: 1, httpStatus: 422 },
  'workbook-invalid': { exitCode: 1, httpStatus: 422 },
  'output-exists': { exitCode: 73, httpStatus: 409 },
  /** Every renderer is taken and the queue is full: try again shortly (EX_TEMPFAIL). */
  busy: { exitCode: 75, httpStatus: 503 },
  /** A render overran its time limit and was stopped. */
  'render-timeout': { exitCode: 75, httpStatus: 503 },
  internal: { exitCode: 70, httpStatus: 500 },
} as const satisfies Record<string, { exitCode: number; httpStatus: number }>;

export type ErrorId = keyof typeof ERROR_CATALOG;

export class ShinchokuError extends Error {
  override readonly name = 'ShinchokuError';

  constructor(
    readonly id: ErrorId,
    message: string,
    /** What the person can do about it. */
    readonly hint: string | null = null,
    /** Lines that belong with the message: each problem of an invalid plan, say. */
    readonly details: readonly string[] = [],
    /** Values an interface may show beside the message: both sides of a conflicting edit, say. */
    readonly context: Readonly<Record<string, string | number | null>> = {},
  ) {
    super(message);
  }

  get exitCode(): number {
    return ERROR_CATALOG[this.id].exitCode;
  }

  get httpStatus(): number {
    return ERROR_CATALOG[this.id].httpStatus;
  }
}
