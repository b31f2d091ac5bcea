import { ShinchokuError } from '../../core/errors.ts';
import { applyCollected, readCollected, type CollectReport } from '../../collect/read/collect.ts';
import type { WorkbookFile } from '../../collect/read/workbook-file.ts';
import type { Applied } from '../../store/apply-observations.ts';
import type { Db, Store } from '../../store/connect.ts';
import { stashFiles, takeStash, type StashLimits } from '../../store/upload-stash.ts';
import type { User } from '../../store/users.ts';
import type { Clock } from '../clock.ts';
import { planMunicipalityId } from '../../store/plan-repository.ts';
import { assertRole, municipalityOf } from './access.ts';

/** How long a previewed upload waits for its "apply": long enough to read the diff, short enough to forget. */
const STASH_LIMITS: StashLimits = { keepMs: 30 * 60_000, maxStashes: 20 };

/**
 * Uploaded workbooks between the preview and the apply. A browser cannot send the same files twice
 * without the person choosing them again, so the server keeps them for the person who sent them, in the
 * database (store/upload-stash.ts), where any app process behind the proxy finds them.
 */
export class CollectStash {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  put(userId: number, files: readonly WorkbookFile[]): Promise<string> {
    return stashFiles(this.db, userId, files, STASH_LIMITS, this.clock.now());
  }

  take(userId: number, token: string): Promise<readonly WorkbookFile[] | null> {
    return takeStash(this.db, userId, token, this.clock.now());
  }
}

export interface Preview {
  readonly report: CollectReport;
  /** Set when the workbooks can be applied: the token the apply form sends back. */
  readonly token: string | null;
}

/** Reads uploaded workbooks as `shinchoku collect read` does, writing nothing: the office sees the diff first. */
export async function previewCollected(
  store: Store,
  stash: CollectStash,
  user: User,
  files: readonly WorkbookFile[],
): Promise<Preview> {
  assertRole(user, 'admin');
  if (files.length === 0)
    throw new ShinchokuError('invalid', 'Choose at least one filled workbook.', null, [], {
      reason: 'no-workbook',
    });
  const report = await ownReport(store, user, await readCollected(store.db, files));
  const applicable = report.batch !== null && !report.problems.some((p) => p.severity === 'error');
  const changes = report.changes.figures.length + report.changes.assessments.length;
  return { report, token: applicable && changes > 0 ? await stash.put(user.id, files) : null };
}

/** Applies a previewed upload, whole or not at all; the workbooks are read again so nothing stale is written. */
export async function applyStashed(
  store: Store,
  stash: CollectStash,
  user: User,
  token: string,
): Promise<Applied> {
  assertRole(user, 'admin');
  const files = await stash.take(user.id, token);
  if (!files) {
    throw new ShinchokuError(
      'not-found',
      'This preview has expired or was already applied.',
      'Upload the workbooks again.',
      [],
      { reason: 'preview-expired' },
    );
  }
  const report = await ownReport(store, user, await readCollected(store.db, files));
  return applyCollected(store.db, report, user.id);
}

/**
 * Workbooks name their plan inside; one of another municipality's plans is answered as an unknown plan,
 * so an office can neither read nor write another municipality's figures by uploading its workbooks.
 */
async function ownReport(store: Store, user: User, report: CollectReport): Promise<CollectReport> {
  if (report.plan === null) return report;
  const owner = await planMunicipalityId(store.db, report.plan);
  if (owner !== null && owner !== municipalityOf(user)) {
    throw new ShinchokuError('plan-not-found', `No plan has the id ${report.plan}.`);
  }
  return report;
}
