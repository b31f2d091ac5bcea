import type { Evaluation } from '../../core/evaluation.ts';
import { formatFiscalYearLong } from '../../core/fiscal-year.ts';
import { formatRate } from '../../core/format.ts';
import type { Messages } from '../messages.ts';
import { assessmentBullets, goalTable, summaryTable } from '../report-model.ts';
import { textTable, type Align } from './text-table.ts';
import { localizeEvaluation } from '../plan-text.ts';

/** The evaluation in the seed report's order, for a terminal: goal by goal, then the summary. */
export function evaluationTable(original: Evaluation, messages: Messages): string {
  const evaluation = localizeEvaluation(original, messages.lang);
  const out: string[] = [`${evaluation.plan.title}\u3000${formatFiscalYearLong(evaluation.year)}`, ''];
  for (const goal of evaluation.goals) {
    const table = goalTable(goal, evaluation, messages);
    const align: Align[] = table.header.map((_, i) => (i < 2 ? 'left' : 'right'));
    out.push(
      messages.goalHeading(goal.kind, goal.number, goal.title),
      '',
      `■ ${messages.headings.goalTable}`,
    );
    out.push(
      textTable(
        table.header,
        table.rows.map((r) => r.cells.map((c) => c.lines)),
        align,
      ),
      '',
    );
    out.push(`■ ${messages.headings.assessments}`);
    for (const bullet of assessmentBullets(goal, evaluation, messages)) {
      out.push(`- ${bullet.lead}`);
      if (bullet.text) out.push(`  ${bullet.text}`);
    }
    out.push('');
  }
  const summary = summaryTable(evaluation, messages);
  out.push(`■ ${messages.headings.summary}`);
  out.push(
    textTable(
      summary.header,
      summary.rows.map((r) => [[r.label], ...r.statuses.map((s) => [s]), [r.rate]]),
      summary.header.map((_, i) => (i === summary.header.length - 1 ? 'right' : 'left')),
    ),
    '',
  );
  out.push(
    `${messages.yearRate(evaluation.year)}  ${formatRate(evaluation.overall.rate)}  ${messages.planYear(evaluation.planYear)}`,
  );
  return out.join('\n') + '\n';
}
