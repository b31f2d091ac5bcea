import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');
/** autocannon's own default, stated: a request unanswered after this long counts as timed out. */
export const REQUEST_TIMEOUT_SEC = 10;

export interface LoadOptions {
  readonly connections: number;
  readonly durationSec: number;
}

/** What one load test sends beyond the URL, and the answer it counts as right. */
export interface LoadRequest {
  /** Request headers, such as If-None-Match for the 304 answers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** 304 for conditional requests; otherwise any 2xx. */
  readonly expectStatus?: 304;
}

export interface LoadResult {
  /** Answers completed per second. */
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  /** autocannon's p99 of the answered requests; with timeouts, the timeout, a lower bound. */
  readonly p99Ms: number;
  readonly requests: number;
  readonly timeouts: number;
}

interface AutocannonJson {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
  latency: { p50: number; p99: number };
  requests: { total: number };
}

/**
 * autocannon against one URL on this machine, in a process of its own so that the load generator and
 * the server under test never share an event loop. A refused connection or a non-2xx answer fails
 * the run (a fast error page is not a fast page); a request still unanswered at the timeout is a
 * measurement, and then the p99 is at least that timeout.
 */
export async function loadTest(
  url: string,
  options: LoadOptions,
  request: LoadRequest = {},
): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`load tests stay on 127.0.0.1: ${url}`);
  const args = [
    AUTOCANNON,
    ...['-c', String(options.connections), '-d', String(options.durationSec)],
    ...Object.entries(request.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}=${value}`]),
    ...['-t', String(REQUEST_TIMEOUT_SEC), '-j', url],
  ];
  const { stdout } = await run(process.execPath, args, {
    timeout: (options.durationSec + REQUEST_TIMEOUT_SEC + 60) * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout) as AutocannonJson;
  const errors = result.errors - result.timeouts;
  // A conditional request is answered right by 304 alone: a 200 means the validator was not honoured.
  const wrong =
    request.expectStatus === 304
      ? result.requests.total - (result.statusCodeStats?.['304']?.count ?? 0)
      : result.non2xx;
  if (errors > 0 || wrong > 0 || result.requests.total === 0) {
    throw new Error(
      `${url}: ${result.requests.total} requests, ${errors} errors, ${wrong} answers other than ${request.expectStatus ?? '2xx'}`,
    );
  }
  const timedOut = result.timeouts > 0.01 * (result.requests.total + result.timeouts);
  return {
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: timedOut ? REQUEST_TIMEOUT_SEC * 1000 : result.latency.p99,
    requests: result.requests.total,
    timeouts: result.timeouts,
  };
}
