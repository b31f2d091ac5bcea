import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ShinchokuError, type ErrorId } from '../core/errors.ts';
import { asStoreError } from '../store/db-errors.ts';
import type { Lang } from '../core/language.ts';
import type { AppEnv } from './env.ts';
import { t } from './i18n/index.ts';
import { renderPage } from './layout.tsx';
import { sendJson } from './json-response.ts';
import { errorJson } from './presenters/published-json.ts';

const isApi = (c: Context<AppEnv>): boolean => {
  const path = new URL(c.req.url).pathname;
  return path === '/api' || path.startsWith('/api/');
};

/** The language may not be set yet when an error comes from the first middleware. */
const langOf = (c: Context<AppEnv>): Lang => c.get('lang') ?? 'ja';

function ErrorView(props: { lang: Lang; status: number; error: ShinchokuError | null }) {
  const m = t(props.lang);
  const { error } = props;
  const context = Object.entries(error?.context ?? {});
  return (
    <div class="error-page">
      <h1>{m.errorTitle(props.status)}</h1>
      <p class="error-message">{error ? error.message : m.internalErrorMessage}</p>
      {error?.hint ? (
        <p>
          <span class="notice-label">{m.labelled(m.errorHint)}</span>
          {error.hint}
        </p>
      ) : null}
      {error && error.details.length > 0 ? (
        <>
          <h2>{m.errorDetails}</h2>
          <ul class="plain-list">
            {error.details.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {context.length > 0 ? (
        <dl class="facts">
          {context.map(([key, value]) => (
            <>
              <dt>{m.errorContextLabel(key)}</dt>
              <dd>{value === null ? '' : String(value)}</dd>
            </>
          ))}
        </dl>
      ) : null}
      <p>
        <a href="/">{m.errorBackHome}</a>
      </p>
    </div>
  );
}

function respond(c: Context<AppEnv>, status: ContentfulStatusCode, error: ShinchokuError | null) {
  if (isApi(c)) {
    const shown = error ?? new ShinchokuError('internal', t(langOf(c)).internalErrorMessage);
    return sendJson(c, errorJson(shown), status);
  }
  const lang = langOf(c);
  if (!c.get('lang')) c.set('lang', lang);
  return renderPage(
    c,
    { title: t(lang).errorTitle(status), children: <ErrorView lang={lang} status={status} error={error} /> },
    status,
  );
}

/** Hono's own refusals (a CSRF check, a body limit) keep their status and get the matching id. */
const HTTP_ERROR_IDS: Readonly<Record<number, ErrorId>> = {
  400: 'usage',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'file-too-large',
  422: 'invalid',
};

/**
 * The one place errors become responses. A ShinchokuError is shown with its message and hint at its
 * HTTP status; anything else is a 500 that tells nothing of the server's insides, and is logged.
 */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ShinchokuError) {
    return respond(c, error.httpStatus as ContentfulStatusCode, error);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const id = HTTP_ERROR_IDS[error.status] ?? 'usage';
    const message = error.message || t(langOf(c)).errorTitle(error.status);
    return respond(c, error.status as ContentfulStatusCode, new ShinchokuError(id, message));
  }
  // A database error carries the statement and its values: the log gets one line with an error id,
  // the person the same id with the message of their language.
  const stored = asStoreError(error, (line) => console.error(line));
  if (stored) {
    const message =
      stored.id === 'conflict' ? t(langOf(c)).errorTitle(409) : t(langOf(c)).internalErrorMessage;
    return respond(
      c,
      stored.httpStatus as ContentfulStatusCode,
      new ShinchokuError(stored.id, message, null, [], stored.context),
    );
  }
  // An unexpected error's message can quote what was sent (a header's or a field's value), so the log gets
  // its kind and the frames where it was thrown, never its message.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5);
  console.error(`internal error: ${error.name} ${frames.map((line) => line.trim()).join(' < ')}`);
  return respond(c, 500, null);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  respond(c, 404, new ShinchokuError('not-found', t(langOf(c)).notFoundMessage, t(langOf(c)).notFound.hint));
