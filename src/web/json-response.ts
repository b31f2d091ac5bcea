import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toJsonText, type JsonValue } from '../render/json-text.ts';
import type { AppEnv } from './env.ts';

/** Figures go out as JSON numbers written from their decimal strings, never through a float. */
export function sendJson(c: Context<AppEnv>, value: JsonValue, status: ContentfulStatusCode = 200): Response {
  return c.body(toJsonText(value), status, { 'Content-Type': 'application/json; charset=utf-8' });
}
