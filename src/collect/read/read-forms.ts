import type { Kpi, Plan } from '../../core/plan.ts';
import type { IdentityRow } from '../identity.ts';
import { COL, address } from '../layout.ts';
import { readInputRow, type RowInput } from './input-row.ts';
import type { OpenedWorkbook } from './open-workbook.ts';
import type { ProblemList } from './problem.ts';
import { checkStructure } from './structure.ts';

/** A row of a filled form, matched to its KPI and series in the stored plan. */
export interface ReadRow {
  readonly file: string;
  readonly row: IdentityRow;
  readonly kpi: Kpi;
  readonly input: RowInput;
}

/**
 * Reads the rows of every workbook that identified itself for this plan and year. A workbook whose
 * form was changed yields no rows at all; a KPI asked for in two workbooks is taken from neither.
 */
export function readForms(
  workbooks: readonly OpenedWorkbook[],
  plan: Plan,
  problems: ReadonlyMap<string, ProblemList>,
): ReadRow[] {
  const rows: ReadRow[] = [];
  const seen = new Map<string, string>();
  for (const workbook of workbooks) {
    const list = problems.get(workbook.file) as ProblemList;
    if (!checkStructure(workbook.sheet, workbook.identity, list)) continue;
    for (const row of workbook.identity.rows) {
      const kpi = plan.kpis.get(row.kpi);
      const series = kpi?.series[row.series];
      const kpiCell = address(COL.kpi, row.row);
      if (!kpi || !series) {
        list.error(
          kpiCell,
          `${row.kpi}${row.series > 0 ? ` (series ${row.series + 1})` : ''} is no longer in the plan ${plan.id ?? ''}; make a new workbook with \`shinchoku collect make\`.`,
        );
        continue;
      }
      const key = `${row.kpi}#${row.series}`;
      const earlier = seen.get(key);
      if (earlier) {
        list.error(
          kpiCell,
          `${kpi.name} is also asked for in ${earlier}; take its figures from one workbook only.`,
        );
        continue;
      }
      seen.set(key, `${workbook.file} (${workbook.sheet.name}!${kpiCell})`);
      const input = readInputRow(workbook.sheet, row.row, row.series === 0, series.unit ?? kpi.unit, list);
      rows.push({ file: workbook.file, row, kpi, input });
    }
  }
  return rows;
}
