import { DEFAULT_OFFICE, plannedWorkbooks, type PlannedWorkbook } from '../../collect/make/make-workbooks.ts';
import { withId } from '../../collect/plan-source.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Store } from '../../store/connect.ts';
import { loadStoredPlan, type PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { assertYearInPlan } from './sheets.ts';

export interface DepartmentWorkbooks {
  readonly plan: PlanSummary;
  readonly year: FiscalYear;
  /** One per department, in the order `shinchoku collect make` writes them; nothing is written yet. */
  readonly workbooks: readonly PlannedWorkbook[];
}

/**
 * The departments' workbooks for a year, as `shinchoku collect make` makes them from the stored plan
 * (figures already stored are filled in): the office sends them out and reads them back on the import page.
 */
export async function departmentWorkbooks(
  store: Store,
  user: User,
  plan: string,
  year: FiscalYear,
): Promise<DepartmentWorkbooks> {
  assertRole(user, 'admin');
  const summary = await assertYearInPlan(store.db, plan, year);
  const stored = withId(await loadStoredPlan(store.db, plan));
  return { plan: summary, year, workbooks: plannedWorkbooks(stored, year, { office: DEFAULT_OFFICE }) };
}

/** Every workbook of the year in one zip, each under its own name (R5_こども課.xlsx). */
export async function workbooksZip(workbooks: readonly PlannedWorkbook[]): Promise<Uint8Array> {
  // jszip is loaded with the first zip, not with the server that may never make one.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const workbook of workbooks) zip.file(workbook.fileName, await workbook.make());
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A download's Content-Disposition: an ASCII name for old clients and the real one (Japanese) encoded as
 * RFC 6266 / 5987 says, so no header carries raw UTF-8.
 */
export function attachment(fileName: string, asciiName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
