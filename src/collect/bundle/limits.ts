import { MAX_PLAN_BYTES } from '../../plan-file/read.ts';
import { LIMITS } from '../read/limits.ts';

/**
 * What a folder or zip of plans may be. The national dataset (1,741 plans of 40 KPIs over ten years) is
 * about 60 MB of YAML and 8 MB zipped; these bounds leave room for that, and refuse, before anything is
 * decompressed, what could exhaust memory or time.
 */
export const BUNDLE_LIMITS = {
  /** The zip as uploaded or named on the command line. */
  zipBytes: 64 * 1024 * 1024,
  /** Entries of the zip, or files under the folder, of any kind. */
  entries: 5000,
  /** Every entry together, once decompressed. */
  expandedBytes: 512 * 1024 * 1024,
  /** An entry whose compression ratio is beyond this is a zip bomb, whatever the limits above. */
  ratio: 200,
  /** Below this an entry is too small to matter, whatever its ratio. */
  ratioFloor: 1024 * 1024,
  /** One plan file: the plan file's own limit. */
  planBytes: MAX_PLAN_BYTES,
  /** One Excel master: collect/read's workbook limit. */
  masterBytes: LIMITS.fileBytes,
  /** Folders inside the folder or the zip. */
  depth: 8,
  /** An entry's name, in characters. */
  nameLength: 500,
} as const;
