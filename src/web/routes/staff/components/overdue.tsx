import type { Lang } from '../../../../core/language.ts';
import type { DeadlineStatus } from '../../../commands/deadlines.ts';
import { t } from '../../../i18n/index.ts';

/**
 * Where a year stands against its deadline, per department: after the deadline, in the alert colour with
 * the word 期限超過 and the count of KPIs not submitted; before it, the deadline and the count; nothing
 * when the office has set no deadline.
 */
export function DeadlineSummary(props: { lang: Lang; status: DeadlineStatus; deadlinesHref: string | null }) {
  const w = t(props.lang).staffMail;
  const { deadline, overdue, pending } = props.status;
  if (deadline === null) return null;
  const total = pending.reduce((n, p) => n + p.kpis.length, 0);
  const link = props.deadlinesHref ? (
    <p>
      <a href={props.deadlinesHref}>{w.deadlineLink}</a>
    </p>
  ) : null;
  if (total === 0) {
    return (
      <div class="notice" role="status">
        <p>{w.allSubmitted(deadline)}</p>
        {link}
      </div>
    );
  }
  return (
    <div class={overdue ? 'notice overdue-summary' : 'notice'} role="status">
      <p class={overdue ? 'overdue' : undefined}>
        {overdue ? <span class="badge-overdue">{w.overdueBadge}</span> : null}{' '}
        {overdue ? w.overdueSummary(deadline, total) : w.pendingSummary(deadline, total)}
      </p>
      <ul>
        {pending.map((p) => (
          <li>{w.departmentCount(p.departmentName ?? w.noDepartment, p.kpis.length)}</li>
        ))}
      </ul>
      {link}
    </div>
  );
}

/** The mark beside a KPI not submitted after the deadline: a word, not only a colour. */
export function OverdueBadge(props: { lang: Lang }) {
  return <span class="badge-overdue">{t(props.lang).staffMail.overdueBadge}</span>;
}
