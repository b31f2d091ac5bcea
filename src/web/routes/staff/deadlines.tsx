import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { collectionYear } from '../../../store/collection-year.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import { deadlineRows, saveDeadline } from '../../commands/deadlines.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { sendReminders, type ReminderResult } from '../../commands/reminders.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { keyParam, readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { SelectField, TextField } from './components/fields.tsx';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { staffPaths, yearParam } from './paths.ts';

interface PageState {
  readonly problems?: Problems;
  readonly typed?: { readonly year: string; readonly date: string };
  readonly reminded?: ReminderResult;
  readonly remindYear?: FiscalYear;
}

function ReminderOutcome(props: { lang: AppEnv['Variables']['lang']; result: ReminderResult }) {
  const w = t(props.lang).staffMail;
  const r = props.result;
  if (r.nothingPending) return <Notice message={w.reminderNothing} />;
  const failed = r.failed.length > 0;
  return (
    <div class={failed ? 'notice error-summary' : 'notice'} role={failed ? 'alert' : 'status'}>
      <p>{w.reminderResult(r.sent.length, r.failed.length, r.noAddress.length)}</p>
      {r.noAddress.length > 0 ? <p>{w.noAddressNames(r.noAddress.join('、'))}</p> : null}
    </div>
  );
}

async function deadlinePage(
  c: Context<AppEnv>,
  deps: AppDeps,
  plan: string,
  state: PageState,
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const w = m.staffMail;
  const session = signedIn(c);
  const now = deps.clock.now();
  const { plan: summary, rows } = await deadlineRows(deps.store.db, session.user, plan, now);
  const current = await collectionYear(deps.store.db, plan);
  const yearOptions = rows.map((r) => ({ value: formatFiscalYear(r.year), label: m.staff.year(r.year) }));
  const problems = state.problems ?? {};
  const typedYear = state.typed?.year ?? formatFiscalYear(current);
  const typedDate = state.typed?.date ?? rows.find((r) => r.year === current)?.deadline ?? '';
  return staffPage(
    c,
    {
      title: w.deadlineTitle,
      context: summary.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(summary.slug), label: m.staffWorklist.title(current) },
            ]}
            current={w.deadlineTitle}
          />
          <h1>{w.deadlineTitle}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          {state.reminded ? <ReminderOutcome lang={lang} result={state.reminded} /> : null}
          <ErrorSummary
            lang={lang}
            problems={problems}
            labels={{ year: w.yearLabel, date: w.deadlineLabel }}
          />
          <p>{w.deadlineIntro}</p>
          <form method="post" action={staffPaths.deadlines(summary.slug)}>
            <CsrfField token={session.csrfToken} />
            <SelectField
              lang={lang}
              id="year"
              label={w.yearLabel}
              value={typedYear}
              options={yearOptions}
              problem={problems.year}
            />
            <TextField
              lang={lang}
              id="date"
              label={w.deadlineLabel}
              help={w.deadlineHelp}
              value={typedDate}
              size={20}
              problem={problems.date}
              required
            />
            <button type="submit">{w.saveDeadline}</button>
          </form>
          <div class="table-scroll spaced">
            <table>
              <caption>{w.deadlinesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.columns.year}</th>
                  <th scope="col">{w.columns.deadline}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={staffPaths.overview(summary.slug, r.year)}>{m.staff.year(r.year)}</a>
                    </th>
                    <td>{r.deadline ? w.date(r.deadline) : w.noDeadline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{w.remindersHeading}</h2>
          {deps.mailer ? (
            <>
              <p>{w.remindersIntro}</p>
              <form method="post" action={staffPaths.reminders(summary.slug)}>
                <CsrfField token={session.csrfToken} />
                <SelectField
                  lang={lang}
                  id="remind-year"
                  label={w.remindYearLabel}
                  value={formatFiscalYear(state.remindYear ?? current)}
                  options={yearOptions}
                />
                <button type="submit">{w.remindButton}</button>
              </form>
            </>
          ) : (
            <div class="notice" role="status">
              <p>{w.mailOffReminders}</p>
            </div>
          )}
        </>
      ),
    },
    status,
  );
}

/** The office's deadline page for a plan: set a year's deadline, see them all, and send reminders. */
export function deadlineRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const planOf = (c: Context<AppEnv>) => keyParam(c.req.param('plan'));

  app.get('/plans/:plan/deadlines', requireRole('admin'), (c) => {
    const plan = planOf(c);
    return plan === null ? c.notFound() : deadlinePage(c, deps, plan, {});
  });

  app.post('/plans/:plan/deadlines', requireRole('admin'), async (c) => {
    const plan = planOf(c);
    if (plan === null) return c.notFound();
    const form = await readForm(c);
    const outcome = await saveDeadline(deps.store, signedIn(c).user, plan, {
      year: form.raw('year'),
      date: form.raw('date'),
    });
    if (outcome.ok) return c.redirect(staffPaths.deadlines(plan, 'deadline-set'), 303);
    const typed = { year: form.typed('year').slice(0, 40), date: form.typed('date').slice(0, 40) };
    return deadlinePage(c, deps, plan, { problems: outcome.problems, typed }, 422);
  });

  app.post('/plans/:plan/reminders', requireRole('admin'), async (c) => {
    const plan = planOf(c);
    if (plan === null) return c.notFound();
    const form = await readForm(c);
    const year = yearParam(form.raw('remind-year').slice(0, 40));
    if (year === null || !deps.mailer) return deadlinePage(c, deps, plan, {}, 422);
    const reminded = await sendReminders(
      deps.store,
      deps.mailer,
      signedIn(c).user,
      plan,
      year,
      deps.clock.now(),
    );
    return deadlinePage(c, deps, plan, { reminded, remindYear: year });
  });

  return app;
}
