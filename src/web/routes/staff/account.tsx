import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { startSession } from '../../auth/session.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { changeOwnPassword } from '../../commands/password-change.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

/** The change-password form. Passwords are never written back into the page, even a refused one. */
function passwordPage(c: Context<AppEnv>, problems: Problems, status: ContentfulStatusCode = 200) {
  const lang = c.get('lang');
  const a = t(lang).staffAccount;
  const session = signedIn(c);
  return staffPage(
    c,
    {
      title: a.title,
      children: (
        <>
          <h1>{a.title}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          {session.user.mustChangePassword ? (
            <div class="notice" role="status">
              <p>{a.mustChange}</p>
            </div>
          ) : null}
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{ current: a.current, next: a.next, confirm: a.confirm }}
          />
          <p>{a.intro}</p>
          <form method="post" action={staffPaths.password()}>
            <CsrfField token={session.csrfToken} />
            {/* Lets a password manager file the new password under the right account. */}
            <input type="hidden" name="username" value={session.user.login} autocomplete="username" />
            <TextField
              lang={lang}
              id="current"
              label={a.current}
              value=""
              type="password"
              autocomplete="current-password"
              problem={problems.current}
              required
            />
            <TextField
              lang={lang}
              id="next"
              label={a.next}
              help={a.nextHelp}
              value=""
              type="password"
              autocomplete="new-password"
              problem={problems.next}
              required
            />
            <TextField
              lang={lang}
              id="confirm"
              label={a.confirm}
              value=""
              type="password"
              autocomplete="new-password"
              problem={problems.confirm}
              required
            />
            <button type="submit">{a.changeButton}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/**
 * Every signed-in user's own password. A change ends the user's sessions everywhere; this browser
 * stays signed in with a new token, so a token copied before the change is worth nothing after it.
 */
export function accountRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/account/password', requireRole(), (c) => passwordPage(c, {}));
  app.post('/account/password', requireRole(), async (c) => {
    const form = await readForm(c);
    const outcome = await changeOwnPassword(deps.store, signedIn(c).user, {
      current: form.raw('current'),
      next: form.raw('next'),
      confirm: form.raw('confirm'),
    });
    if (!outcome.ok) return passwordPage(c, outcome.problems, 422);
    c.set('session', null);
    await startSession(c, deps, outcome.value);
    return c.redirect(staffPaths.password('password-changed'), 303);
  });
  return app;
}
