import type { Plan } from '../../core/plan.ts';
import { readPlanText } from '../../plan-file/read.ts';
import { readPlanMaster } from '../master/read.ts';
import { ZipDamage } from '../read/zip-directory.ts';
import { BUNDLE_LIMITS } from './limits.ts';
import type { BundleFile } from './listing.ts';
import { MAX_FILE_PROBLEMS, type FileRefusal } from './problem.ts';

export type ParsedFile =
  | { readonly ok: true; readonly plan: Plan; readonly warnings: number }
  | { readonly ok: false; readonly refusal: FileRefusal };

const refused = (refusal: FileRefusal): ParsedFile => ({ ok: false, refusal });
const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

/**
 * Reads one file of a folder or zip by the readers a single import uses (the plan file's, or the Excel
 * master's), so a plan is refused for exactly what `shinchoku import` refuses it for. Its size is
 * checked before a byte is read, and a zip inside is never opened.
 */
export async function parseBundleFile(file: BundleFile): Promise<ParsedFile> {
  if (/\.zip$/i.test(file.name)) return refused({ code: 'nested-zip' });
  const master = /\.xlsx$/i.test(file.name);
  const limit = master ? BUNDLE_LIMITS.masterBytes : BUNDLE_LIMITS.planBytes;
  if (file.size > limit) return refused({ code: 'too-large', bytes: file.size, limit });
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (error) {
    if (error instanceof ZipDamage) return refused({ code: 'damaged', damage: error.detail });
    throw error;
  }
  if (bytes.length > limit) return refused({ code: 'too-large', bytes: bytes.length, limit });
  if (master) {
    const { plan, problems, unlisted } = await readPlanMaster({ name: file.name, bytes });
    if (plan) return { ok: true, plan, warnings: problems.length };
    const errors = problems.filter((p) => p.severity === 'error');
    return refused({
      code: 'plan-master',
      problems: errors.slice(0, MAX_FILE_PROBLEMS),
      unlisted: unlisted + Math.max(0, errors.length - MAX_FILE_PROBLEMS),
    });
  }
  if (isZip(bytes)) return refused({ code: 'nested-zip' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused({ code: 'encoding' });
  }
  const { plan, problems } = readPlanText(text);
  if (plan) return { ok: true, plan, warnings: problems.length };
  const errors = problems.filter((p) => p.severity === 'error');
  return refused({
    code: 'plan-file',
    problems: errors.slice(0, MAX_FILE_PROBLEMS),
    unlisted: Math.max(0, errors.length - MAX_FILE_PROBLEMS),
  });
}
