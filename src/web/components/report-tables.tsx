import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { KpiResult } from '../../core/evaluation.ts';
import type { IdSource } from '../../render/html/ids.ts';
import { goalTableHtml, statusClassName, summaryTableHtml } from '../../render/html/tables.ts';
import type { AssessmentBullet, GoalTable, SummaryTable } from '../../render/report-model.ts';

/** Tables too wide for a phone scroll sideways; the region takes focus so a keyboard can scroll it. */
export function ScrollRegion(props: { labelledBy: string; children?: Child }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.labelledBy} tabindex={0}>
      {props.children}
    </div>
  );
}

/**
 * 数値目標の状況について, as the seed lays it out (数値目標 | 区分 | 現状値 | 目標値 | R3 | R4 | 目標進捗率):
 * the report's own table (render/html/tables.ts), with the KPI's name linking to its page.
 */
export function GoalTableView(props: {
  table: GoalTable;
  labelledBy: string;
  kpiHref: (kpi: KpiResult) => string;
  ids: IdSource;
}) {
  const place = { on: 'page', kpiHref: props.kpiHref } as const;
  return (
    <ScrollRegion labelledBy={props.labelledBy}>
      {raw(goalTableHtml(props.table, props.labelledBy, props.ids, place))}
    </ScrollRegion>
  );
}

/** The word always carries the status; achieved also gets weight and a mark, never colour alone. */
export const statusClass = statusClassName;

/** 全体の達成状況: the report's own table, each goal's rate with its formula. */
export function SummaryTableView(props: {
  table: SummaryTable;
  labelledBy: string;
  ids: IdSource;
  /** Names each numbered cell's KPI, linked to its page. */
  kpiHref?: (kpi: KpiResult) => string;
}) {
  const place = props.kpiHref ? ({ on: 'page', kpiHref: props.kpiHref } as const) : ({ on: 'page' } as const);
  return (
    <ScrollRegion labelledBy={props.labelledBy}>
      {raw(summaryTableHtml(props.table, props.labelledBy, props.ids, place))}
    </ScrollRegion>
  );
}

/** 達成状況・要因及び対策等: the opening phrase computed from the result, then the department's text. */
export function AssessmentList(props: { bullets: readonly AssessmentBullet[] }) {
  return (
    <ul class="assessments">
      {props.bullets.map((bullet) => (
        <li>
          <p class="assessment-lead">{bullet.lead}</p>
          {bullet.text === null ? null : <p class="assessment-text">{bullet.text}</p>}
        </li>
      ))}
    </ul>
  );
}
