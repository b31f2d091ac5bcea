import { readPlanMaster } from '../../collect/master/read.ts';
import { makePlanMaster } from '../../collect/master/write.ts';
import { LIMITS } from '../../collect/read/limits.ts';
import { ShinchokuError } from '../../core/errors.ts';
import type { Store } from '../../store/connect.ts';
import { listPlans, loadStoredPlan } from '../../store/plan-repository.ts';
import { importPlan } from '../../store/plan-import.ts';
import type { User } from '../../store/users.ts';
import { assertRole, municipalityOf } from './access.ts';
import { accepted, rejected, type FormOutcome } from './form-problem.ts';
import type { PlanUpload } from './plan-import.ts';

/**
 * Imports the office's Excel master (docs/excel-master.md): read by the same reader as the CLI's, every
 * problem placed at its sheet and cell, and stored exactly as a plan file would be, whole or not at all.
 */
export async function importPlanMaster(
  store: Store,
  user: User,
  upload: PlanUpload | null,
): Promise<FormOutcome<{ slug: string; replaced: boolean }>> {
  assertRole(user, 'admin');
  if (!upload || upload.bytes.length === 0) return rejected({ master: { kind: 'required' } });
  const { plan, problems, unlisted } = await readPlanMaster({ name: upload.name, bytes: upload.bytes });
  if (!plan) {
    const errors = problems.filter((p) => p.severity === 'error');
    return rejected({ master: { kind: 'plan-master', problems: errors, unlisted } });
  }
  try {
    return accepted(
      await importPlan(store.db, plan, {
        replace: upload.replace,
        actorId: user.id,
        municipalityId: municipalityOf(user),
      }),
    );
  } catch (error) {
    if (error instanceof ShinchokuError && error.context.reason === 'other-municipality') {
      return rejected({ master: { kind: 'plan-slug-taken', slug: plan.id ?? '' } });
    }
    if (error instanceof ShinchokuError && error.id === 'plan-exists') {
      return rejected({ masterReplace: { kind: 'plan-exists', slug: plan.id ?? '' } });
    }
    if (error instanceof ShinchokuError && error.id === 'invalid') {
      // The one refusal the store makes of a plan the reader accepted: a plan without an id.
      const detail = { code: 'required', header: '計画ID' } as const;
      const place = { sheet: '計画', cell: null };
      return rejected({
        master: { kind: 'plan-master', problems: [{ severity: 'error', place, detail }], unlisted: 0 },
      });
    }
    throw error;
  }
}

/** The largest master upload: collect/read's file limit, which its preflight applies anyway. */
export const MAX_MASTER_BYTES = LIMITS.fileBytes;

/** The empty master with its 記入例 sheet, for the office to fill in. */
export async function planMasterTemplate(user: User): Promise<Uint8Array> {
  assertRole(user, 'admin');
  return (await makePlanMaster(null)).bytes;
}

/** A stored plan as the master workbook; null when there is no such plan. */
export async function exportPlanMaster(store: Store, user: User, slug: string): Promise<Uint8Array | null> {
  assertRole(user, 'admin');
  const plans = await listPlans(store.db, municipalityOf(user));
  if (!plans.some((p) => p.slug === slug)) return null;
  return (await makePlanMaster(await loadStoredPlan(store.db, slug))).bytes;
}

/** The stored plans the export offers, by slug and title. */
export async function masterExportChoices(
  store: Store,
  user: User,
): Promise<{ slug: string; title: string }[]> {
  assertRole(user, 'admin');
  return (await listPlans(store.db, municipalityOf(user))).map((p) => ({ slug: p.slug, title: p.title }));
}
