import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { contactOf } from '../../../store/user-contact.ts';
import type { User } from '../../../store/users.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { saveContact } from '../../commands/contact.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { userToAdminister } from '../../commands/user-admin.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { SelectField, TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';

interface ContactPage {
  readonly target: User;
  /** Where the form posts: one's own page, or the office's page for another user. */
  readonly action: string;
  readonly values: { readonly email: string; readonly mailLang: string };
  readonly problems: Problems;
}

function contactPage(c: Context<AppEnv>, page: ContactPage, status: ContentfulStatusCode = 200) {
  const lang = c.get('lang');
  const w = t(lang).staffMail;
  const session = signedIn(c);
  const own = page.target.id === session.user.id;
  const title = own ? w.contactTitle : `${w.contactTitle}：${page.target.login}`;
  return staffPage(
    c,
    {
      title,
      children: (
        <>
          <h1>{title}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary
            lang={lang}
            problems={page.problems}
            labels={{ email: w.emailLabel, mailLang: w.mailLangLabel }}
          />
          <p>{w.contactIntro}</p>
          <form method="post" action={page.action}>
            <CsrfField token={session.csrfToken} />
            <TextField
              lang={lang}
              id="email"
              label={w.emailLabel}
              help={w.emailHelp}
              value={page.values.email}
              autocomplete={own ? 'email' : 'off'}
              problem={page.problems.email}
            />
            <SelectField
              lang={lang}
              id="mailLang"
              label={w.mailLangLabel}
              value={page.values.mailLang}
              options={[
                { value: 'ja', label: w.langNames.ja },
                { value: 'en', label: w.langNames.en },
              ]}
              problem={page.problems.mailLang}
            />
            <button type="submit">{w.saveContact}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/**
 * E-mail address and mail language: each user's own page (in the staff menu), and the office's page for
 * any user (linked from the user's edit page). What was typed comes back with the problem, never lost.
 */
export function contactRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  const show = async (c: Context<AppEnv>, target: User, action: string) => {
    const contact = await contactOf(store.db, target.id);
    return contactPage(c, {
      target,
      action,
      values: { email: contact.email ?? '', mailLang: contact.mailLang },
      problems: {},
    });
  };
  const save = async (c: Context<AppEnv>, target: User, action: string, done: string) => {
    const form = await readForm(c);
    const values = { email: form.typed('email'), mailLang: form.raw('mailLang') };
    const outcome = await saveContact(store, signedIn(c).user, target.id, {
      email: form.raw('email'),
      mailLang: form.raw('mailLang'),
    });
    if (!outcome.ok) return contactPage(c, { target, action, values, problems: outcome.problems }, 422);
    return c.redirect(done, 303);
  };
  const targetOf = (c: Context<AppEnv>) =>
    userToAdminister(store, signedIn(c).user, Number(c.req.param('id')));

  app.get('/account/contact', requireRole(), (c) => show(c, signedIn(c).user, staffPaths.contact()));
  app.post('/account/contact', requireRole(), (c) =>
    save(c, signedIn(c).user, staffPaths.contact(), staffPaths.contact('contact-saved')),
  );
  app.get('/users/:id/contact', requireRole('admin'), async (c) => {
    const target = await targetOf(c);
    return show(c, target, staffPaths.userContact(target.id));
  });
  app.post('/users/:id/contact', requireRole('admin'), async (c) => {
    const target = await targetOf(c);
    return save(
      c,
      target,
      staffPaths.userContact(target.id),
      `${staffPaths.userContact(target.id)}?done=contact-saved`,
    );
  });
  return app;
}
