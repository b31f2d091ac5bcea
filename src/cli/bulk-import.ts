import { stat } from 'node:fs/promises';
import { importBundle, type BulkImporter, type BulkReport } from '../collect/bundle/import.ts';
import { openBundle } from '../collect/bundle/folder.ts';
import { describeBundleRefusal, describeFileRefusal } from '../collect/bundle/problem-en.ts';
import type { BundleRefusal } from '../collect/bundle/problem.ts';
import { ShinchokuError, type ErrorId } from '../core/errors.ts';
import type { Store } from '../store/connect.ts';
import { HOME_MUNICIPALITY_ID } from '../store/municipalities.ts';
import { countOf } from './count.ts';
import type { Io } from './io.ts';
import { progressBar } from './progress-bar.ts';

/** A folder, or a zip: many plans at once rather than one plan file. */
export async function isBundlePath(path: string): Promise<boolean> {
  if (/\.zip$/i.test(path)) return true;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function refusalError(path: string, refusal: BundleRefusal): ShinchokuError {
  const id: ErrorId =
    refusal.code === 'not-found'
      ? 'file-not-found'
      : ['zip-too-large', 'too-many-entries', 'expands-too-much', 'zip-bomb'].includes(refusal.code)
        ? 'file-too-large'
        : 'file-unreadable';
  return new ShinchokuError(
    id,
    `${path} cannot be imported: ${describeBundleRefusal(refusal)}.`,
    'Give a folder of plan files (.yaml, .yml, .json, .xlsx) or a zip of them.',
  );
}

/** The report on stdout: one line per file, each refused file's problems under it, then the counts. */
export function printBulkReport(io: Io, report: BulkReport): void {
  for (const file of report.files) {
    if (file.status === 'refused') {
      io.out(`refused  ${file.name}\n`);
      for (const line of describeFileRefusal(file.name, file.refusal))
        io.out(`  ${line.replace(/\n/g, '\n  ')}\n`);
    } else {
      const contents = `${countOf(file.goals, 'goal', 'goals')}, ${countOf(file.kpis, 'KPI', 'KPIs')}`;
      io.out(`${file.status.padEnd(8)} ${file.name} → ${file.slug} (${contents})\n`);
    }
  }
  for (const name of report.skipped) io.out(`skipped  ${name} (not a plan file)\n`);
  io.out(
    `${countOf(report.files.length, 'plan file', 'plan files')}: ${report.imported} imported, ${report.replaced} replaced, ${report.refused} refused` +
      (report.skipped.length > 0 ? `; ${report.skipped.length} other skipped` : '') +
      '\n',
  );
}

/**
 * `shinchoku import FOLDER|FILE.zip`: every plan in it, each in its own transaction. Plans stating a
 * municipality's code go to it (added when missing: the command line has the whole database), the
 * others to the installation's own or the one --municipality named. Exit 1 when any file was refused.
 */
export async function importBulk(
  path: string,
  store: Store,
  options: { readonly replace: boolean } & Partial<Pick<BulkImporter, 'municipalityId' | 'chosenCode'>>,
  io: Io,
): Promise<number> {
  const importer: BulkImporter = {
    municipalityId: options.municipalityId ?? HOME_MUNICIPALITY_ID,
    chosenCode: options.chosenCode ?? null,
    // The command line has the whole database: a plan may name a municipality to add.
    mayAddMunicipalities: true,
    actorId: null,
    replace: options.replace,
  };
  const listing = await openBundle(path);
  if (!listing.ok) throw refusalError(path, listing.refusal);
  const bar = progressBar(io, 'plan files');
  let report: BulkReport;
  try {
    report = await importBundle(store.db, listing, importer, (done, total) => bar.update(done, total));
  } finally {
    bar.finish();
  }
  printBulkReport(io, report);
  return report.refused > 0 ? 1 : 0;
}
