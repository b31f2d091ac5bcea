import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { clientAddress } from '../../auth/client-address.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { csrfToken } from '../../auth/csrf.ts';
import type { LoginThrottle } from '../../auth/login-throttle.ts';
import { endSession, startSession } from '../../auth/session.ts';
import { logIn } from '../../commands/login.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { FormFields } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { Hidden, TextField } from './components/fields.tsx';
import { staffPage } from './page.tsx';
import { safeNext, staffPaths } from './paths.ts';

/** The login as typed, to fill the form again: no control character, and not a megabyte of it. */
const typedLogin = (login: string): string =>
  // eslint-disable-next-line no-control-regex
  login.slice(0, 100).replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/g, '\ufffd');

function loginPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  form: { login: string; next: string; error: string | null; notice: string | null },
  status: ContentfulStatusCode = 200,
) {
  const m = t(c.get('lang')).staffAuth;
  const token = csrfToken(c, deps);
  return staffPage(
    c,
    {
      title: m.loginTitle,
      children: (
        <>
          <h1>{m.loginTitle}</h1>
          <Notice message={form.notice} />
          {form.error ? (
            <div class="notice" role="alert" id="login-error">
              <p class="field-error">{form.error}</p>
            </div>
          ) : null}
          <p>{m.loginIntro}</p>
          <form
            method="post"
            action={staffPaths.login()}
            aria-describedby={form.error ? 'login-error' : undefined}
          >
            <CsrfField token={token} />
            <Hidden name="next" value={form.next} />
            <TextField
              lang={c.get('lang')}
              id="login"
              label={m.login}
              value={form.login}
              autocomplete="username"
              required
            />
            <TextField
              lang={c.get('lang')}
              id="password"
              label={m.password}
              value=""
              type="password"
              autocomplete="current-password"
              required
            />
            <button type="submit">{m.loginButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** Sign-in and sign-out. The login form is protected against forgery like every other form. */
export function loginRoutes(deps: AppDeps, throttle: LoginThrottle): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('session')) return c.redirect(next, 303);
    const notice = c.req.query('next') ? t(c.get('lang')).staffAuth.loginRequired : null;
    return loginPage(c, deps, { login: '', next, error: null, notice });
  });

  app.post('/login', async (c) => {
    const body = new FormFields(await c.req.parseBody());
    const typed = body.raw('login');
    const login = typedLogin(typed);
    const next = safeNext(body.raw('next'));
    const m = t(c.get('lang')).staffAuth;
    const outcome = await logIn(deps.store.db, throttle, {
      login: typed,
      password: body.raw('password'),
      address: clientAddress(c, deps.trustedProxies),
    });
    if (outcome.ok) {
      await startSession(c, deps, outcome.user);
      return c.redirect(next, 303);
    }
    if (outcome.reason === 'rate-limited' || outcome.reason === 'busy') {
      c.header('Retry-After', String(outcome.retryAfterSeconds));
      const error =
        outcome.reason === 'busy' ? m.loginBusy : m.rateLimited(Math.ceil(outcome.retryAfterSeconds / 60));
      return loginPage(c, deps, { login, next, error, notice: null }, 429);
    }
    return loginPage(c, deps, { login, next, error: m.loginFailed, notice: null }, 401);
  });

  app.get('/logout', (c) => {
    const m = t(c.get('lang')).staffAuth;
    const session = c.get('session');
    return staffPage(c, {
      title: m.logoutTitle,
      children: (
        <>
          <h1>{m.logoutTitle}</h1>
          {session ? (
            <form method="post" action={staffPaths.logout}>
              <p>{m.logoutQuestion}</p>
              <CsrfField token={session.csrfToken} />
              <button type="submit">{m.logoutButton}</button>
            </form>
          ) : (
            <>
              <Notice message={doneMessage(c.get('lang'), c.req.query('done'))} />
              <p>
                <a href={staffPaths.login()}>{m.loginTitle}</a>
              </p>
            </>
          )}
        </>
      ),
    });
  });

  app.post('/logout', async (c) => {
    await endSession(c, deps);
    return c.redirect(staffPaths.loggedOut, 303);
  });

  return app;
}
