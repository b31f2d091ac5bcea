import { ShinchokuError } from '../../core/errors.ts';
import { parseFiscalYear, type FiscalYear } from '../../core/fiscal-year.ts';
import type { Db, Store } from '../../store/connect.ts';
import { kpiSheets } from '../../store/department-kpis.ts';
import { listEditions, publishEdition, type Edition } from '../../store/editions.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { accepted, rejected, type FormOutcome } from './form-problem.ts';
import { planSummary } from './sheets.ts';

export const MAX_ERRATA = 2000;

/** How far the office's review of a year has come: approved KPIs out of all. */
export async function approvalsOf(db: Db, plan: string, year: FiscalYear) {
  const sheets = await kpiSheets(db, plan, year);
  return { approved: sheets.filter((s) => s.review?.state === 'approved').length, total: sheets.length };
}

/**
 * Publishes a year as a frozen edition. A year published before needs an errata note saying what the
 * new edition corrects; the store enforces that too, inside its transaction.
 */
export async function publishYear(
  store: Store,
  user: User,
  plan: string,
  form: { year: string; errata: string },
): Promise<FormOutcome<Edition>> {
  assertRole(user, 'admin');
  const summary = await planSummary(store.db, plan);
  const year = parseFiscalYear(form.year);
  if (!year.ok || year.value < summary.periodFrom || year.value > summary.periodTo) {
    return rejected({ year: { kind: 'year' } });
  }
  const errata = form.errata.trim();
  if (errata.length > MAX_ERRATA) return rejected({ errata: { kind: 'too-long', max: MAX_ERRATA } });
  const published = (await listEditions(store.db, plan)).some((e) => e.fiscalYear === year.value);
  if (published && errata === '') return rejected({ errata: { kind: 'errata-required' } });
  try {
    return accepted(
      await publishEdition(
        store.db,
        { plan, year: year.value, errata: errata === '' ? null : errata },
        user.id,
      ),
    );
  } catch (error) {
    // Another administrator published the year a moment before: now this one is a correction.
    if (error instanceof ShinchokuError && error.id === 'invalid') {
      return rejected({ errata: { kind: 'errata-required' } });
    }
    throw error;
  }
}
