import type { FiscalYear } from '../../../core/fiscal-year.ts';
import type { Lang } from '../../../core/language.ts';
import { CsrfField } from '../../auth/csrf-field.tsx';
import type { Problems } from '../../commands/form-problem.ts';
import type { KpiView } from '../../commands/kpi-view.ts';
import { t } from '../../i18n/index.ts';
import { TextArea } from './components/fields.tsx';
import { ProblemText } from './components/problem.tsx';
import { staffPaths } from './paths.ts';

export interface PanelProps {
  readonly lang: Lang;
  readonly view: KpiView;
  readonly year: FiscalYear;
  readonly csrf: string;
  readonly problems: Problems;
  /** What was typed into a refused form, to show it again. */
  readonly typed: Readonly<Record<string, string>>;
}

/** Where the KPI's review stands, and the one or two actions this user may take on it. */
export function ReviewPanel(props: PanelProps) {
  const m = t(props.lang);
  const r = m.staffReview;
  const { view, year } = props;
  const { plan, sheet } = view;
  const review = sheet.review;
  const state = review?.state ?? null;
  const submitProblem = props.problems.submit;
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{r.heading}</h2>
      <p>{r.state(m.staffWorklist.reviewStates[state ?? 'none'])}</p>
      {review?.state === 'returned' && review.comment ? (
        <div class="notice">
          <p class="notice-label">{r.returnedBecause}</p>
          <p class="assessment-text">{review.comment}</p>
        </div>
      ) : null}
      {/* Where the entry form is shown, its own 企画担当に提出 button submits (saving what was typed first). */}
      {view.maySubmit && !view.mayEdit ? (
        <form method="post" action={staffPaths.submit(plan.slug, year, sheet.key)}>
          <CsrfField token={props.csrf} />
          <p id="submit-help">{r.submitIntro}</p>
          {submitProblem ? (
            <div id="submit" class="field-error" tabindex={-1}>
              <ProblemText lang={props.lang} problem={submitProblem} />
            </div>
          ) : null}
          <button type="submit" aria-describedby={submitProblem ? 'submit-help submit' : 'submit-help'}>
            {r.submitButton}
          </button>
        </form>
      ) : null}
      {view.mayReview && state === 'submitted' ? (
        <form method="post" action={staffPaths.review(plan.slug, year, sheet.key)}>
          <CsrfField token={props.csrf} />
          <button type="submit" name="decision" value="approve">
            {r.approveButton}
          </button>
        </form>
      ) : null}
      {view.mayReview && (state === 'submitted' || state === 'approved') ? (
        <form method="post" action={staffPaths.review(plan.slug, year, sheet.key)}>
          <CsrfField token={props.csrf} />
          <TextArea
            lang={props.lang}
            id="comment"
            label={r.returnComment}
            help={r.returnHelp}
            value={props.typed.comment ?? ''}
            rows={4}
            problem={props.problems.comment}
          />
          <button type="submit" name="decision" value="return" class="secondary">
            {r.returnButton}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** The committee's remarks on this KPI's year, and the form to add one. */
export function CommentsPanel(props: PanelProps) {
  const m = t(props.lang);
  const c = m.staffComments;
  const { view, year } = props;
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{c.heading}</h2>
      {view.mayReview && view.comments.length > 0 ? <p class="help">{m.opinions.staffNote}</p> : null}
      {view.comments.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <ul class="assessments">
          {view.comments.map((comment) => (
            <li>
              <p class="help">{c.by(comment.author, m.staff.time(comment.createdAt))}</p>
              <p class="assessment-text">{comment.body}</p>
              {comment.opinion ? <p class="comment-marked">{m.opinions.marked}</p> : null}
              {view.mayReview ? (
                <form
                  method="post"
                  action={staffPaths.opinion(view.plan.slug, year, view.sheet.key, comment.id)}
                >
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="publish" value={comment.opinion ? 'no' : 'yes'} />
                  <button type="submit" class="secondary">
                    {comment.opinion ? m.opinions.unmark : m.opinions.mark}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view.mayComment ? (
        <form method="post" action={staffPaths.comments(view.plan.slug, year, view.sheet.key)}>
          <CsrfField token={props.csrf} />
          <TextArea
            lang={props.lang}
            id="body"
            label={c.body}
            value={props.typed.body ?? ''}
            rows={4}
            problem={props.problems.body}
          />
          <button type="submit">{c.postButton}</button>
        </form>
      ) : null}
    </section>
  );
}
