import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatFigure, formatEntry } from '../../../core/format.ts';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import type { GoalKind } from '../../../core/plan.ts';
import { messagesFor } from '../../../render/messages.ts';
import type { Lang } from '../../../core/language.ts';
import { signedIn } from '../../auth/require-role.ts';
import type { EntryResult } from '../../commands/entry.ts';
import { entryInputOf } from '../../commands/entry-input.ts';
import type { Problems } from '../../commands/form-problem.ts';
import { kpiView, type KpiView } from '../../commands/kpi-view.ts';
import type { KpiYear } from '../../commands/review.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t } from '../../i18n/index.ts';
import { ErrorSummary, Notice } from './components/problem.tsx';
import { EntryForm, entryLabels } from './entry-form.tsx';
import { KpiResults } from './kpi-results.tsx';
import { staffPage } from './page.tsx';
import { staffPaths } from './paths.ts';
import { CommentsPanel, ReviewPanel } from './review-panel.tsx';

/** What a POST handed back to the page: the entry form as submitted, or a panel's refused form. */
export interface KpiPageState {
  readonly entry?: EntryResult;
  readonly problems?: Problems;
  readonly typed?: Readonly<Record<string, string>>;
  readonly notice?: string | null;
}

function Facts(props: { lang: Lang; view: KpiView }) {
  const m = t(props.lang);
  const f = m.staffEntry.facts;
  const { sheet } = props.view;
  const labelled = (label: string | null, text: string) => m.staff.withSeriesLabel(label, text);
  return (
    <dl class="facts">
      <dt>{f.goal}</dt>
      <dd>
        {m.goalName(
          messagesFor(props.lang).goalLabel(sheet.goal.kind as GoalKind, sheet.goal.number),
          sheet.goal.title,
        )}
      </dd>
      <dt>{f.department}</dt>
      <dd>{sheet.departmentName ?? m.staffWorklist.noDepartment}</dd>
      <dt>{f.unit}</dt>
      <dd>{sheet.unit ?? m.noUnit}</dd>
      <dt>{f.baseline}</dt>
      {sheet.series.map((s) => (
        <dd>{labelled(s.label, s.baseline === null ? m.notSet : formatFigure(s.baseline, s.unit))}</dd>
      ))}
      <dt>{f.target}</dt>
      {sheet.series.map((s) => (
        <dd>
          {labelled(
            s.label,
            m.figureInYear(formatFigure(s.target.value, s.unit), formatFiscalYear(s.target.year)),
          )}
        </dd>
      ))}
    </dl>
  );
}

/** The stored figures and text, for a user who may read but not edit them. */
function ReadOnlyEntry(props: { lang: Lang; view: KpiView }) {
  const m = t(props.lang);
  const e = m.staffEntry;
  const { sheet } = props.view;
  return (
    <>
      <dl class="facts">
        {sheet.series.map((s) => (
          <>
            <dt>{e.figuresLegend(s.label)}</dt>
            <dd>
              {s.observation
                ? m.figureInYear(formatEntry(s.observation.entry, s.unit), e.states[s.observation.state])
                : e.notEntered}
            </dd>
          </>
        ))}
        <dt>{e.statusPhrase}</dt>
        <dd>{sheet.assessment?.status ?? m.staff.none}</dd>
      </dl>
      <h3>{e.assessmentLegend}</h3>
      <p class="assessment-text">{sheet.assessment?.text ?? e.notEntered}</p>
    </>
  );
}

function lockNotice(lang: Lang, view: KpiView): string {
  const e = t(lang).staffEntry;
  const state = view.sheet.review?.state;
  if (state === 'submitted') return e.lockedSubmitted;
  if (state === 'approved') return e.lockedApproved;
  return e.readOnly;
}

/** A KPI's page for a year: its facts, the entry form (or the values, read-only), review and comments. */
export async function renderKpiPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  at: KpiYear,
  state: KpiPageState = {},
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const lang = c.get('lang');
  const m = t(lang);
  const session = signedIn(c);
  const view = await kpiView(deps.store.db, session.user, at);
  const entry = state.entry;
  const sheet = entry?.sheet ?? view.sheet;
  const title = m.staffEntry.title(sheet.name, at.year);
  const entryProblems = entry?.problems ?? {};
  const panelProps = {
    lang,
    view,
    year: at.year,
    csrf: session.csrfToken,
    problems: state.problems ?? {},
    typed: state.typed ?? {},
  };
  return staffPage(
    c,
    {
      title,
      context: view.plan.title,
      children: (
        <>
          <Breadcrumbs
            lang={lang}
            trail={[
              { href: staffPaths.home, label: m.staff.title },
              { href: staffPaths.overview(at.plan, at.year), label: m.staffWorklist.title(at.year) },
            ]}
            current={title}
          />
          <h1>{title}</h1>
          <Notice message={state.notice ?? null} />
          <ErrorSummary
            lang={lang}
            problems={entryProblems}
            labels={entryLabels(lang, at.year, sheet)}
            intro={entry?.conflict ? m.staffEntry.conflictNotice : m.staffEntry.problemsNotice}
          />
          <ErrorSummary lang={lang} problems={state.problems ?? {}} labels={{}} />
          <Facts lang={lang} view={view} />
          {view.mayReview ? (
            <p>
              <a href={staffPaths.kpiSettings(at.plan, at.kpi)}>{m.staffEntry.settingsLink}</a>
            </p>
          ) : null}
          {view.published ? <Notice message={m.staffEntry.publishedYear(at.year)} /> : null}
          <h2>{m.staffEntry.entryHeading}</h2>
          {view.mayEdit ? (
            <EntryForm
              lang={lang}
              action={staffPaths.kpi(at.plan, at.year, at.kpi)}
              csrf={session.csrfToken}
              year={at.year}
              sheet={sheet}
              input={entry?.input ?? entryInputOf(sheet)}
              problems={entryProblems}
              readAs={entry?.readAs ?? {}}
              submitAction={view.maySubmit ? staffPaths.submit(at.plan, at.year, at.kpi) : null}
              submitProblem={state.problems?.submit ?? null}
            />
          ) : (
            <>
              <p class="notice">{lockNotice(lang, view)}</p>
              <ReadOnlyEntry lang={lang} view={view} />
            </>
          )}
          {view.result ? <KpiResults lang={lang} evaluation={view.evaluation} kpi={view.result} /> : null}
          <ReviewPanel {...panelProps} />
          <CommentsPanel {...panelProps} />
        </>
      ),
    },
    status,
  );
}
