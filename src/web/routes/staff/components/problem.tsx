import type { Lang } from '../../../../core/language.ts';
import type { FormProblem, Problems } from '../../../commands/form-problem.ts';
import { t } from '../../../i18n/index.ts';

/** A field's problem in words; a conflict also shows both values, so the editor can choose with both in view. */
export function ProblemText(props: { lang: Lang; problem: FormProblem }) {
  const m = t(props.lang);
  const { problem } = props;
  return (
    <>
      <p>{m.staff.problem(problem)}</p>
      {problem.kind === 'conflict' ? (
        <dl class="facts conflict-values">
          <dt>{m.errorContextLabel('current')}</dt>
          <dd class="assessment-text">{problem.current ?? m.staff.none}</dd>
          <dt>{m.errorContextLabel('attempted')}</dt>
          <dd class="assessment-text">{problem.attempted ?? m.staff.none}</dd>
        </dl>
      ) : null}
      {problem.kind === 'plan-file' ? (
        <ul class="plain-list">
          {problem.messages.map((message) => (
            <li>
              {message.where}: {m.staff.planFileProblem(message.detail)}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.kind === 'plan-master' ? (
        <>
          <ul class="plain-list">
            {problem.problems.map((p) => (
              <li>{m.staffImport.masterLine(p.place, p.detail)}</li>
            ))}
          </ul>
          {problem.unlisted > 0 ? <p>{m.staffImport.masterUnlisted(problem.unlisted)}</p> : null}
        </>
      ) : null}
    </>
  );
}

/**
 * The problems of a rejected form at the top of the page, each linking to its field: the first thing
 * a screen reader meets after the heading, and a way to jump to each field.
 */
export function ErrorSummary(props: {
  lang: Lang;
  problems: Problems;
  labels: Readonly<Record<string, string>>;
  intro?: string;
}) {
  const all = t(props.lang);
  const m = all.staff;
  const entries = Object.entries(props.problems);
  if (entries.length === 0) return null;
  return (
    <div class="notice error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{m.errorSummary}</h2>
      <p>{props.intro ?? m.errorSummaryCount(entries.length)}</p>
      <ul>
        {entries.map(([field, problem]) => (
          <li>
            <a href={`#${field}`}>
              {props.labels[field] ? all.labelled(props.labels[field]) : null}
              {m.problem(problem)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A short confirmation after an action, announced politely. */
export function Notice(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <div class="notice" role="status">
      <p>{props.message}</p>
    </div>
  );
}
