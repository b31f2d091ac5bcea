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
  const seen = new Map<string, { file: string; cell: string }>();
  for (const workbook of workbooks) {
    const list = problems.get(workbook.file) as ProblemList;
    if (!checkStructure(workbook.sheet, workbook.identity, list)) continue;
    for (const row of workbook.identity.rows) {
      const kpi = plan.kpis.get(row.kpi);
      const series = kpi?.series[row.series];
      const kpiCell = address(COL.kpi, row.row);
      if (!kpi || !series) {
        list.error(kpiCell, {
          code: 'kpi-not-in-plan',
          kpi: row.kpi,
          series: row.series,
          plan: plan.id ?? '',
        });
        continue;
      }
      const key = `${row.kpi}#${row.series}`;
      const earlier = seen.get(key);
      if (earlier) {
        list.error(kpiCell, { code: 'kpi-in-two-workbooks', kpi: kpi.name, ...earlier });
        continue;
      }
      seen.set(key, { file: workbook.file, cell: `${workbook.sheet.name}!${kpiCell}` });
      const stored = series.actuals.get(workbook.identity.year);
      const storedReason = stored?.kind === 'missing' ? stored.reason : null;
      const unit = series.unit ?? kpi.unit;
      const input = readInputRow(workbook.sheet, row.row, row.series === 0, unit, list, storedReason);
      rows.push({ file: workbook.file, row, kpi, input });
    }
  }
  return rows;
}
