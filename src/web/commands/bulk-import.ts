import { importBundle } from '../../collect/bundle/import.ts';
import { zipListing } from '../../collect/bundle/listing.ts';
import type { Store } from '../../store/connect.ts';
import {
  bulkJobById,
  finishBulkJob,
  recordBulkProgress,
  runningBulkJob,
  startBulkJob,
  type BulkJob,
} from '../../store/bulk-jobs.ts';
import { asStoreError } from '../../store/db-errors.ts';
import { userMunicipalityId } from '../../store/import-municipality.ts';
import type { User } from '../../store/users.ts';
import { assertRole } from './access.ts';
import { accepted, rejected, type FormOutcome } from './form-problem.ts';
import type { PlanUpload } from './plan-import.ts';

/** The job writes its progress at most this often: 1,741 plans need not mean 1,741 updates. */
const PROGRESS_EVERY_MS = 500;

export interface BulkStarted {
  readonly jobId: number;
  /** Settles when the job has stored its report (or its failure); the web does not wait for it. */
  readonly finished: Promise<void>;
}

/**
 * Starts the bulk import of an uploaded zip as a job of the server: the zip's directory is checked
 * before the job exists (a bomb or a traversal is refused on the form), then each plan is imported in
 * the background in its own transaction, its progress and report stored in `bulk_import_jobs` so any
 * process can show them. One job per municipality runs at a time.
 */
export async function startBulkImport(
  store: Store,
  user: User,
  upload: PlanUpload | null,
  log: (line: string) => void = (line) => console.error(line),
): Promise<FormOutcome<BulkStarted>> {
  assertRole(user, 'admin');
  if (!upload || upload.bytes.length === 0) return rejected({ bundle: { kind: 'required' } });
  const listing = zipListing(upload.bytes);
  if (!listing.ok) return rejected({ bundle: { kind: 'bundle', refusal: listing.refusal } });
  const municipalityId = await userMunicipalityId(store.db, user.id);
  const jobId = await startBulkJob(store.db, {
    municipalityId,
    userId: user.id,
    fileName: upload.name.slice(0, 200),
    total: listing.files.length,
  });
  if (jobId === null) return rejected({ bundle: { kind: 'bulk-running' } });
  const importer = {
    municipalityId,
    // An office imports its own municipality's plans; adding municipalities is a host's.
    mayAddMunicipalities: false,
    actorId: user.id,
    replace: upload.replace,
  };
  let written = 0;
  const run = async (): Promise<void> => {
    try {
      const report = await importBundle(store.db, listing, importer, async (done, total) => {
        const now = performance.now();
        if (done < total && now - written < PROGRESS_EVERY_MS) return;
        written = now;
        await recordBulkProgress(store.db, jobId, done);
      });
      await finishBulkJob(store.db, jobId, { state: 'done', done: report.files.length, report });
    } catch (error) {
      // What stopped the job is no plan's fault (the database went away): logged, and the job marked.
      if (!asStoreError(error, log)) log(`bulk import ${jobId} failed: ${String(error).slice(0, 200)}`);
      await finishBulkJob(store.db, jobId, { state: 'failed', report: null }).catch(() => {});
    }
  };
  const finished = run();
  return accepted({ jobId, finished });
}

/** A job of the user's municipality, or null (another municipality's is not there for them). */
export async function bulkImportJob(store: Store, user: User, id: number): Promise<BulkJob | null> {
  assertRole(user, 'admin');
  return bulkJobById(store.db, id, await userMunicipalityId(store.db, user.id));
}

export async function runningBulkImport(store: Store, user: User): Promise<BulkJob | null> {
  assertRole(user, 'admin');
  return runningBulkJob(store.db, await userMunicipalityId(store.db, user.id));
}
