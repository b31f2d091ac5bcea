import type { Child } from 'hono/jsx';
import type { KpiResult, KpiStatus } from '../../core/evaluation.ts';
import type { IdSource } from '../../render/html/ids.ts';
import type { AssessmentBullet, GoalTable, SummaryTable } from '../../render/report-model.ts';
import { Calc, CellLines } from './calc.tsx';

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
 * the KPI's name heads its row and links to its page.
 */
export function GoalTableView(props: {
  table: GoalTable;
  labelledBy: string;
  kpiHref: (kpi: KpiResult) => string;
  ids: IdSource;
}) {
  return (
    <ScrollRegion labelledBy={props.labelledBy}>
      <table class="goal-table" aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            {props.table.header.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row) => {
            const [name, category, ...figures] = row.cells;
            // What follows the name in the report (「（暦年）」, 「（累計）」) follows the link here.
            const notes = name?.lines.slice(1) ?? [];
            return (
              <tr>
                <th scope="row">
                  <a href={props.kpiHref(row.kpi)}>{row.kpi.name}</a>
                  {notes.map((note) => (
                    <span class="kpi-note">{note}</span>
                  ))}
                </th>
                <td>{category ? <CellLines cell={category} ids={props.ids} /> : null}</td>
                {figures.map((cell) => (
                  <td class="figure">
                    <CellLines cell={cell} ids={props.ids} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The word always carries the status; achieved also gets weight and a mark, never colour alone. */
export const statusClass = (status: KpiStatus | undefined): string | undefined =>
  status === 'achieved' ? 'status-achieved' : undefined;

/** 全体の達成状況: per goal, each counted KPI's status, then the goal's rate with its formula. */
export function SummaryTableView(props: { table: SummaryTable; labelledBy: string; ids: IdSource }) {
  return (
    <ScrollRegion labelledBy={props.labelledBy}>
      <table class="summary-table" aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            {props.table.header.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              {row.statuses.map((text, i) => (
                <td class={statusClass(row.goal.summary[i]?.status)}>{text}</td>
              ))}
              <td class="number">
                <Calc text={row.rate} formula={row.formula} ids={props.ids} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
