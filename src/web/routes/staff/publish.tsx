import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Tally } from '../../../core/evaluation.ts';
import { formatFiscalYear, type FiscalYear } from '../../../core/fiscal-year.ts';
import { formatRate } from '../../../core/format.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { listEditions, type Edition } from '../../../store/editions.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import { requireRole, signedIn } from '../../auth/require-role.ts';
import type { FormProblem, Problems } from '../../commands/form-problem.ts';
import {
  publicationPreview,
  publishYear,
  withdrawPublished,
  withdrawReasonField,
  type PublicationPreview,
  type Readiness,
} from '../../commands/publish.ts';
import { planSummary } from '../../commands/sheets.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { readForm } from '../../forms.ts';
import { t } from '../../i18n/index.ts';
import { SelectField, TextArea } from './components/fields.tsx';
import { ErrorSummary, Notice, ProblemText } from './components/problem.tsx';
import { doneMessage } from './done.ts';
import { staffPage } from './page.tsx';
import { DRAFT_FORMATS, staffPaths, yearParam } from './paths.ts';
import { DraftComparison, draftAgainstPublished } from './draft-comparison.tsx';

const READINESS: readonly Readiness[] = ['approved', 'submitted', 'in-progress', 'not-entered'];

function EditionsTable(props: { lang: Lang; editions: readonly Edition[] }) {
  const m = t(props.lang);
  const p = m.staffPublish;
  const y = m.staffPublishYear;
  if (props.editions.length === 0) return <p>{p.noEditions}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{p.editionsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{p.columns.year}</th>
            <th scope="col">{p.columns.edition}</th>
            <th scope="col">{p.columns.at}</th>
            <th scope="col">{y.editionStatus}</th>
            <th scope="col">{p.columns.errata}</th>
            <th scope="col">{y.publishReason}</th>
          </tr>
        </thead>
        <tbody>
          {props.editions.map((e) => (
            <tr>
              <th scope="row">{m.staff.year(e.fiscalYear)}</th>
              <td>{p.edition(e.number)}</td>
              <td>{m.staff.time(e.publishedAt)}</td>
              <td>
                {e.withdrawn ? (
                  <>
                    {y.withdrawnAt(m.staff.time(e.withdrawn.at))}
                    <span class="line assessment-text">{e.withdrawn.reason}</span>
                  </>
                ) : (
                  y.live
                )}
              </td>
              <td class="assessment-text">{e.errata ?? ''}</td>
              <td class="assessment-text">{e.publishReason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One form per edition still public: the reason, shown to the public, and the button. */
function WithdrawForms(props: {
  lang: Lang;
  plan: string;
  csrf: string;
  editions: readonly Edition[];
  problems: Problems;
  typed: Readonly<Record<string, string>>;
}) {
  const y = t(props.lang).staffPublishYear;
  const live = props.editions.filter((e) => e.withdrawn === null);
  if (live.length === 0) return null;
  return (
    <section aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{y.withdrawHeading}</h2>
      <p>{y.withdrawIntro}</p>
      {live.map((e) => {
        const field = withdrawReasonField(e.fiscalYear, e.number);
        return (
          <form method="post" action={staffPaths.withdraw(props.plan, e.fiscalYear, e.number)}>
            <CsrfField token={props.csrf} />
            <fieldset>
              <legend>{y.withdrawLegend(e.fiscalYear, e.number)}</legend>
              <TextArea
                lang={props.lang}
                id={field}
                label={y.withdrawReason}
                help={y.withdrawReasonHelp}
                value={props.typed[field] ?? ''}
                rows={3}
                problem={props.problems[field]}
              />
              <button type="submit" class="secondary">
                {y.withdrawButton}
              </button>
            </fieldset>
          </form>
        );
      })}
    </section>
  );
}

/** The publish page without a year: the editions, the way to withdraw one, and the choice of a year. */
async function choosePage(
  c: Context<AppEnv>,
  deps: AppDeps,
  state: { problems: Problems; typed: Readonly<Record<string, string>> },
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const p = m.staffPublish;
  const y = m.staffPublishYear;
  const plan = await planSummary(deps.store.db, c.req.param('plan') ?? '');
  const editions = await listEditions(deps.store.db, plan.slug);
  const years = Array.from({ length: plan.periodTo - plan.periodFrom + 1 }, (_, i) => plan.periodFrom + i);
  const labels = {
    year: p.year,
    ...Object.fromEntries(
      editions.map((e) => [
        withdrawReasonField(e.fiscalYear, e.number),
        y.withdrawLegend(e.fiscalYear, e.number),
      ]),
    ),
  };
  return staffPage(
    c,
    {
      title: p.title,
      context: plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(plan.slug), label: plan.title },
            ]}
            current={p.title}
          />
          <h1>{p.title}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary lang={lang} problems={state.problems} labels={labels} />
          <p>{p.intro}</p>
          <h2>{y.chooseHeading}</h2>
          <p>{y.chooseIntro}</p>
          <form method="get" action={staffPaths.publish(plan.slug)}>
            <SelectField
              lang={lang}
              id="year"
              label={p.year}
              value=""
              options={[
                { value: '', label: y.choosePlaceholder },
                ...years.map((year) => ({ value: formatFiscalYear(year), label: m.staff.year(year) })),
              ]}
              problem={state.problems.year}
            />
            <button type="submit">{y.chooseButton}</button>
          </form>
          <h2>{p.editionsHeading}</h2>
          <EditionsTable lang={lang} editions={editions} />
          <WithdrawForms
            lang={lang}
            plan={plan.slug}
            csrf={signedIn(c).csrfToken}
            editions={editions}
            problems={state.problems}
            typed={state.typed}
          />
        </>
      ),
    },
    status,
  );
}

function CountsTable(props: { lang: Lang; preview: PublicationPreview }) {
  const y = t(props.lang).staffPublishYear;
  const { counts, total } = props.preview;
  return (
    <div class="table-scroll">
      <table aria-labelledby="counts-heading">
        <thead>
          <tr>
            <th scope="col">{y.pendingColumns.state}</th>
            <th scope="col">{y.countColumn}</th>
          </tr>
        </thead>
        <tbody>
          {READINESS.map((r) => (
            <tr>
              <th scope="row">{y.readiness[r]}</th>
              <td class="number">{counts[r]}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{y.total}</th>
            <td class="number">{total}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function RatesTable(props: { lang: Lang; preview: PublicationPreview }) {
  const y = t(props.lang).staffPublishYear;
  const r = messagesFor(props.lang);
  const { evaluation } = props.preview;
  const row = (label: string, tally: Tally) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="number">{tally.achieved}</td>
      <td class="number">{tally.evaluated}</td>
      <td class="number">{formatRate(tally.rate)}</td>
    </tr>
  );
  return (
    <div class="table-scroll">
      <table>
        <caption>{y.ratesCaption(evaluation.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{y.rateColumns.goal}</th>
            <th scope="col">{y.rateColumns.achieved}</th>
            <th scope="col">{y.rateColumns.evaluated}</th>
            <th scope="col">{y.rateColumns.rate}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.goals.map((g) => row(r.goalLabel(g.kind, g.number), g))}
          {row(y.overall, evaluation.overall)}
        </tbody>
      </table>
    </div>
  );
}

function PendingTable(props: { lang: Lang; preview: PublicationPreview }) {
  const m = t(props.lang);
  const y = m.staffPublishYear;
  const { pending, plan, year } = props.preview;
  if (pending.length === 0) return <p>{y.pendingNone}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{y.pendingCaption(pending.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{y.pendingColumns.kpi}</th>
            <th scope="col">{y.pendingColumns.department}</th>
            <th scope="col">{y.pendingColumns.state}</th>
          </tr>
        </thead>
        <tbody>
          {pending.map(({ sheet, readiness }) => (
            <tr>
              <th scope="row">
                <a href={staffPaths.kpi(plan.slug, year, sheet.key)}>{sheet.name}</a>
              </th>
              <td>{sheet.departmentName ?? m.staffWorklist.noDepartment}</td>
              <td>{y.readiness[readiness]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DraftLinks(props: { lang: Lang; plan: string; year: FiscalYear }) {
  const d = t(props.lang).staffDraft;
  return (
    <ul class="plain-list">
      {DRAFT_FORMATS.map((format) => (
        <li>
          <a href={staffPaths.draftFile(props.plan, props.year, format)}>{d.formats[format]}</a>
        </li>
      ))}
    </ul>
  );
}

/** The box that says the office knows some KPIs are not approved; its problem is tied to it. */
function ConfirmBox(props: { lang: Lang; label: string; checked: boolean; problem: FormProblem | null }) {
  return (
    <div class="field">
      <label for="confirm" class="choice">
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          value="1"
          checked={props.checked}
          aria-describedby={props.problem ? 'confirm-error' : undefined}
          aria-invalid={props.problem ? 'true' : undefined}
        />{' '}
        {props.label}
      </label>
      {props.problem ? (
        <div id="confirm-error" class="field-error">
          <ProblemText lang={props.lang} problem={props.problem} />
        </div>
      ) : null}
    </div>
  );
}

interface YearForm {
  readonly errata: string;
  readonly confirm: boolean;
  readonly reason: string;
  readonly problems: Problems;
}

/** A year's publish page: what would go public, what is not approved, the draft, and the form. */
async function yearPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  year: FiscalYear,
  form: YearForm,
  status: ContentfulStatusCode = 200,
) {
  const lang = c.get('lang');
  const m = t(lang);
  const p = m.staffPublish;
  const y = m.staffPublishYear;
  const preview = await publicationPreview(deps.store.db, c.req.param('plan') ?? '', year);
  const { plan } = preview;
  const against = await draftAgainstPublished(
    deps.store.db,
    plan.slug,
    preview.evaluation,
    preview.live,
    deps.editionCache,
  );
  const title = y.yearTitle(year);
  const pending = preview.pending.length;
  return staffPage(
    c,
    {
      title,
      context: plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(plan.slug, year), label: plan.title },
              { href: staffPaths.publish(plan.slug), label: p.title },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <Notice message={doneMessage(lang, c.req.query('done'))} />
          <ErrorSummary
            lang={lang}
            problems={form.problems}
            labels={{ year: p.year, errata: p.errata, confirm: y.confirmField, reason: y.reason }}
          />
          <p>
            <a href={staffPaths.publish(plan.slug)}>{y.otherYear}</a>
          </p>
          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">{y.countsHeading}</h2>
            <p>{p.approvals(year, preview.counts.approved, preview.total)}</p>
            <CountsTable lang={lang} preview={preview} />
          </section>
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading">{y.pendingHeading}</h2>
            <PendingTable lang={lang} preview={preview} />
          </section>
          <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">{y.ratesHeading}</h2>
            <p>{y.ratesIntro}</p>
            <RatesTable lang={lang} preview={preview} />
          </section>
          {against ? <DraftComparison lang={lang} plan={plan.slug} year={year} against={against} /> : null}
          <section aria-labelledby="draft-heading">
            <h2 id="draft-heading">{m.staffDraft.title(year)}</h2>
            <p>{m.staffDraft.intro}</p>
            <DraftLinks lang={lang} plan={plan.slug} year={year} />
          </section>
          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{y.formHeading}</h2>
            {preview.empty ? (
              <p class="notice">{y.nothingEntered}</p>
            ) : (
              <form method="post" action={staffPaths.publishYear(plan.slug, year)}>
                <CsrfField token={signedIn(c).csrfToken} />
                {pending > 0 ? <p class="notice">{p.notAllApproved}</p> : null}
                {preview.live.length > 0 ? (
                  <TextArea
                    lang={lang}
                    id="errata"
                    label={p.errata}
                    help={p.errataHelp}
                    value={form.errata}
                    rows={4}
                    problem={form.problems.errata}
                  />
                ) : null}
                {pending > 0 ? (
                  <>
                    <ConfirmBox
                      lang={lang}
                      label={y.confirm(pending)}
                      checked={form.confirm}
                      problem={form.problems.confirm ?? null}
                    />
                    <TextArea
                      lang={lang}
                      id="reason"
                      label={y.reason}
                      help={y.reasonHelp}
                      value={form.reason}
                      rows={3}
                      problem={form.problems.reason}
                    />
                  </>
                ) : null}
                <button type="submit">{p.publishButton}</button>
              </form>
            )}
          </section>
        </>
      ),
    },
    status,
  );
}

const emptyForm: YearForm = { errata: '', confirm: false, reason: '', problems: {} };

/**
 * Publishing a year's edition, and withdrawing a mistaken one: the office only. A published edition is
 * never edited, only succeeded or withdrawn; the year is always the one in the address.
 */
export function publishRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.get('/plans/:plan/publish', requireRole('admin'), (c) => {
    // The year chooser is a GET form: its choice becomes the year's own address.
    const asked = c.req.query('year');
    if (asked === '') return choosePage(c, deps, { problems: { year: { kind: 'choice' } }, typed: {} }, 422);
    if (asked !== undefined) {
      const year = yearParam(asked);
      if (year === null) return c.notFound();
      return c.redirect(staffPaths.publishYear(c.req.param('plan'), year), 303);
    }
    return choosePage(c, deps, { problems: {}, typed: {} });
  });

  app.get('/plans/:plan/publish/:year', requireRole('admin'), async (c) => {
    const year = yearParam(c.req.param('year'));
    const plan = await planSummary(store.db, c.req.param('plan'));
    if (year === null || year < plan.periodFrom || year > plan.periodTo) return c.notFound();
    return yearPage(c, deps, year, emptyForm);
  });

  app.post('/plans/:plan/publish/:year', requireRole('admin'), async (c) => {
    const year = yearParam(c.req.param('year'));
    if (year === null) return c.notFound();
    const fields = await readForm(c);
    const form = {
      year: formatFiscalYear(year),
      errata: fields.text('errata', 'errata-note'),
      confirm: fields.raw('confirm') === '1',
      reason: fields.text('reason', 'publication-reason'),
    };
    const plan = c.req.param('plan');
    if (!fields.ok) return yearPage(c, deps, year, { ...form, problems: fields.problems }, 422);
    const outcome = await publishYear(store, signedIn(c).user, plan, form);
    if (outcome.ok) {
      deps.editionCache?.invalidate(plan);
      return c.redirect(staffPaths.publishYear(plan, year, 'published'), 303);
    }
    if (outcome.problems.year?.kind === 'year') return c.notFound();
    return yearPage(c, deps, year, { ...form, problems: outcome.problems }, 422);
  });

  app.post('/plans/:plan/publish/:year/editions/:number/withdraw', requireRole('admin'), async (c) => {
    const plan = c.req.param('plan');
    const year = c.req.param('year');
    const number = c.req.param('number');
    const parsed = yearParam(year);
    if (parsed === null) return c.notFound();
    const field = withdrawReasonField(parsed, Number(number));
    const fields = await readForm(c);
    const reason = fields.text(field, 'publication-reason', { required: true });
    if (!fields.ok)
      return choosePage(c, deps, { problems: fields.problems, typed: { [field]: reason } }, 422);
    const outcome = await withdrawPublished(store, signedIn(c).user, plan, { year, number, reason });
    if (outcome.ok) {
      deps.editionCache?.invalidate(plan);
      return c.redirect(staffPaths.publish(plan, 'withdrawn'), 303);
    }
    return choosePage(c, deps, { problems: outcome.problems, typed: { [field]: reason } }, 422);
  });

  return app;
}
