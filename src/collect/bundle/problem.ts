import type { MasterProblem } from '../master/problem.ts';
import type { Problem } from '../../plan-file/problem.ts';
import type { ZipDamageDetail } from '../read/zip-directory.ts';

/** Why a whole folder or zip is refused before any plan in it is read: data, for each interface to word. */
export type BundleRefusal =
  | { readonly code: 'not-found' }
  | { readonly code: 'not-zip' }
  | { readonly code: 'empty' }
  | { readonly code: 'zip-too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'too-many-entries'; readonly count: number; readonly limit: number }
  | { readonly code: 'expands-too-much'; readonly limit: number }
  | { readonly code: 'zip-bomb'; readonly entry: string; readonly ratio: number }
  | { readonly code: 'encrypted'; readonly entry: string }
  /** An absolute name, `..`, a backslash or a control character: a zip made to write outside its folder. */
  | { readonly code: 'unsafe-name'; readonly entry: string }
  | { readonly code: 'duplicate-name'; readonly entry: string }
  | { readonly code: 'too-deep'; readonly entry: string; readonly limit: number }
  | { readonly code: 'damaged'; readonly damage: ZipDamageDetail };

/** At most this many of a file's problems are kept in a report; the rest are counted. */
export const MAX_FILE_PROBLEMS = 20;

/** Why one file of the folder or zip was not imported; the other files go on. */
export type FileRefusal =
  | { readonly code: 'plan-file'; readonly problems: readonly Problem[]; readonly unlisted: number }
  | { readonly code: 'plan-master'; readonly problems: readonly MasterProblem[]; readonly unlisted: number }
  | { readonly code: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'encoding' }
  /** A zip inside the zip is never opened: that is how a small zip becomes a bomb. */
  | { readonly code: 'nested-zip' }
  | { readonly code: 'damaged'; readonly damage: ZipDamageDetail }
  | { readonly code: 'no-id' }
  /** Stored already, and the import did not ask to replace. */
  | { readonly code: 'plan-exists'; readonly slug: string }
  /** Another municipality's plan holds the id: ids are unique across the installation. */
  | { readonly code: 'slug-elsewhere'; readonly slug: string }
  /** An earlier file of the same folder or zip has the same id. */
  | { readonly code: 'duplicate-id'; readonly slug: string; readonly first: string }
  /** The plan names a municipality that is not there, and only a host may add one. */
  | { readonly code: 'municipality-unknown'; readonly municipalityCode: string }
  /** The plan names another municipality than the importing user's. */
  | { readonly code: 'municipality-other'; readonly municipalityCode: string }
  /** The import was told which municipality (`shinchoku import --municipality`) and the plan states another. */
  | { readonly code: 'municipality-mismatch'; readonly municipalityCode: string; readonly chosen: string };
