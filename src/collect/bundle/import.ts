import { ShinchokuError } from '../../core/errors.ts';
import type { Plan } from '../../core/plan.ts';
import type { Db } from '../../store/connect.ts';
import { claimCode, municipalityForImport } from '../../store/import-municipality.ts';
import { municipalityByCode } from '../../store/municipalities.ts';
import { importPlan } from '../../store/plan-import.ts';
import type { BundleFile } from './listing.ts';
import { parseBundleFile, type ParsedFile } from './parse.ts';
import type { FileRefusal } from './problem.ts';

/** Who imports, and how: decides where each plan goes and what may be added on the way. */
export interface BulkImporter {
  /** The importing user's municipality: where a plan that names none goes. */
  readonly municipalityId: number;
  /** A host (and the command line, which has the whole database) may add a municipality a plan names. */
  readonly mayAddMunicipalities: boolean;
  readonly actorId: number | null;
  /** Replace plans already stored under the same id; without it, each is refused as already there. */
  readonly replace: boolean;
  /**
   * The code of the municipality the import was told to use (`shinchoku import --municipality`), whose
   * id is `municipalityId`: a plan stating another code is refused rather than sent elsewhere, since
   * the person said where the plans go.
   */
  readonly chosenCode?: string | null;
}

export type FileOutcome =
  | {
      readonly name: string;
      readonly status: 'imported' | 'replaced';
      readonly slug: string;
      readonly goals: number;
      readonly kpis: number;
      readonly warnings: number;
    }
  | { readonly name: string; readonly status: 'refused'; readonly refusal: FileRefusal };

/** What a bulk import did, file by file: plain data, stored as JSON for the web's job page. */
export interface BulkReport {
  readonly imported: number;
  readonly replaced: number;
  readonly refused: number;
  /** Files that are no plan by their name (a README), not read. */
  readonly skipped: readonly string[];
  /** Each plan file in the order it was read (its name's), with what became of it. */
  readonly files: readonly FileOutcome[];
}

/** Called after each file, with how many are done; the CLI draws its bar, the web's job stores it. */
export type BulkProgress = (done: number, total: number, name: string) => void | Promise<void>;

/** The store's refusal of one plan as the report words it; anything else is no refusal of the plan's. */
function storeRefusal(error: unknown, slug: string): FileRefusal | null {
  if (!(error instanceof ShinchokuError)) return null;
  // Another municipality's plan under the id: the store says so in the refusal's context.
  if (error.id === 'plan-exists' && error.context.reason === 'other-municipality')
    return { code: 'slug-elsewhere', slug };
  if (error.id === 'plan-exists') return { code: 'plan-exists', slug };
  if (error.id === 'conflict') return { code: 'slug-elsewhere', slug };
  if (error.id === 'invalid') return { code: 'no-id' };
  return null;
}

/**
 * Where a plan goes: the municipality whose code it states, else the importing user's (or the one the
 * import was told to use). A single file's import (`shinchoku import PLAN`) comes here too. A code not yet
 * known names the importer's own municipality when that has no code yet (an installation that never
 * named itself, as the first start names it from the sample plan), so a single municipality's plans
 * stay with it; otherwise a host adds the municipality and an office is refused.
 */
export async function planMunicipality(
  db: Db,
  plan: Plan,
  importer: BulkImporter,
  known: Map<string, number> = new Map(),
): Promise<number | FileRefusal> {
  const code = plan.municipalityCode;
  if (code === undefined) return importer.municipalityId;
  const chosen = importer.chosenCode ?? null;
  if (chosen !== null && code !== chosen)
    return { code: 'municipality-mismatch', municipalityCode: code, chosen };
  let id = known.get(code) ?? (await municipalityByCode(db, code))?.id;
  if (id === undefined && (await claimCode(db, importer.municipalityId, { code, name: plan.municipality })))
    id = importer.municipalityId;
  // Another import may have claimed or added it since the first look: look again before refusing.
  if (id === undefined) id = (await municipalityByCode(db, code))?.id;
  if (id === undefined) {
    if (!importer.mayAddMunicipalities) return { code: 'municipality-unknown', municipalityCode: code };
    id = await municipalityForImport(db, { code, name: plan.municipality }, importer.actorId);
  }
  known.set(code, id);
  if (id !== importer.municipalityId && !importer.mayAddMunicipalities) {
    return { code: 'municipality-other', municipalityCode: code };
  }
  return id;
}

/**
 * Imports each plan of a folder or zip in its own transaction, so each is stored whole or not at all,
 * and goes on after a refusal. Two imports at once store each plan once: the plan's id is unique, and
 * the one that comes second is told the plan is there (or, for another municipality's, that the id is
 * taken). A failure that is no plan's fault (the database gone) stops the import and is thrown.
 */
export async function importBundle(
  db: Db,
  listing: { readonly files: readonly BundleFile[]; readonly skipped: readonly string[] },
  importer: BulkImporter,
  progress: BulkProgress = () => {},
  parse: (file: BundleFile) => Promise<ParsedFile> = parseBundleFile,
): Promise<BulkReport> {
  const files: FileOutcome[] = [];
  const firstOf = new Map<string, string>();
  const known = new Map<string, number>();
  const total = listing.files.length;
  // The next file is read while the current plan's transaction runs: reading is CPU in this process, storing
  // mostly waits on the database, so the two overlap. At most two plans are in memory at once.
  const ahead = (index: number) => {
    const file = listing.files[index];
    if (!file) return null;
    const parsed = parse(file);
    // Awaited in its turn; this only keeps a failure from counting as unhandled while the other runs.
    parsed.catch(() => {});
    return parsed;
  };
  let next = ahead(0);
  for (const [index, file] of listing.files.entries()) {
    const parsed = await next;
    if (parsed === null) break;
    next = ahead(index + 1);
    files.push(await importOne(db, file, parsed, importer, firstOf, known));
    await progress(index + 1, total, file.name);
  }
  const count = (status: FileOutcome['status']) => files.filter((f) => f.status === status).length;
  return {
    imported: count('imported'),
    replaced: count('replaced'),
    refused: count('refused'),
    skipped: listing.skipped,
    files,
  };
}

async function importOne(
  db: Db,
  file: BundleFile,
  parsed: ParsedFile,
  importer: BulkImporter,
  firstOf: Map<string, string>,
  known: Map<string, number>,
): Promise<FileOutcome> {
  const refused = (refusal: FileRefusal): FileOutcome => ({ name: file.name, status: 'refused', refusal });
  if (!parsed.ok) return refused(parsed.refusal);
  const { plan } = parsed;
  if (!plan.id) return refused({ code: 'no-id' });
  const first = firstOf.get(plan.id);
  if (first !== undefined) return refused({ code: 'duplicate-id', slug: plan.id, first });
  firstOf.set(plan.id, file.name);
  const municipalityId = await planMunicipality(db, plan, importer, known);
  if (typeof municipalityId !== 'number') return refused(municipalityId);
  try {
    const result = await importPlan(db, plan, {
      replace: importer.replace,
      actorId: importer.actorId,
      municipalityId,
    });
    return {
      name: file.name,
      status: result.replaced ? 'replaced' : 'imported',
      slug: result.slug,
      goals: plan.goals.length,
      kpis: plan.kpis.size,
      warnings: parsed.warnings,
    };
  } catch (error) {
    const refusal = storeRefusal(error, plan.id);
    if (refusal) return refused(refusal);
    throw error;
  }
}
