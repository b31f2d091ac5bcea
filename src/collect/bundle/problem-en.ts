import { formatMasterProblem } from '../master/problem-en.ts';
import { formatProblem } from '../../plan-file/problem.ts';
import { megabytes } from '../read/limits.ts';
import { zipDamageText } from '../read/zip-directory.ts';
import type { BundleRefusal, FileRefusal } from './problem.ts';

/** The English of a refused folder or zip, completing "PATH cannot be imported: …". */
export function describeBundleRefusal(refusal: BundleRefusal): string {
  switch (refusal.code) {
    case 'not-found':
      return 'there is no such file or folder';
    case 'not-zip':
      return 'it is neither a folder nor a zip archive';
    case 'empty':
      return 'it holds no files';
    case 'zip-too-large':
      return `it is ${megabytes(refusal.bytes)}; a zip of plans may be at most ${megabytes(refusal.limit)}`;
    case 'too-many-entries':
      return `it holds ${refusal.count} or more entries; at most ${refusal.limit} are read`;
    case 'expands-too-much':
      return `its files together expand beyond ${megabytes(refusal.limit)}`;
    case 'zip-bomb':
      return `its entry ${refusal.entry} expands ${refusal.ratio} times its compressed size, as a zip bomb does`;
    case 'encrypted':
      return `its entry ${refusal.entry} is encrypted`;
    case 'unsafe-name':
      return `its entry ${JSON.stringify(refusal.entry)} has a name that leads outside the folder or holds control characters`;
    case 'duplicate-name':
      return `the name ${refusal.entry} is in it twice`;
    case 'too-deep':
      return `${refusal.entry} lies more than ${refusal.limit} folders deep`;
    case 'damaged':
      return zipDamageText(refusal.damage);
  }
}

/** One refused file's lines: each problem of a plan file with its line and column, of a master with its cell. */
export function describeFileRefusal(name: string, refusal: FileRefusal): string[] {
  const line = (text: string) => [`${name}: error: ${text}`];
  switch (refusal.code) {
    case 'plan-file':
      return [
        ...refusal.problems.map((p) => formatProblem(name, p)),
        ...(refusal.unlisted > 0 ? [`${name}: … and ${refusal.unlisted} more errors.`] : []),
      ];
    case 'plan-master':
      return [
        ...refusal.problems.map((p) => formatMasterProblem(name, p)),
        ...(refusal.unlisted > 0 ? [`${name}: … and ${refusal.unlisted} more problems.`] : []),
      ];
    case 'too-large':
      return line(`The file is ${megabytes(refusal.bytes)}; it may be at most ${megabytes(refusal.limit)}.`);
    case 'encoding':
      return line('The file is not UTF-8 text (files from older Japanese Excel are often Shift_JIS).');
    case 'nested-zip':
      return line('A zip inside the zip is not opened; put its plan files in the zip itself.');
    case 'damaged':
      return line(`The file cannot be read: ${zipDamageText(refusal.damage)}.`);
    case 'no-id':
      return line('The plan has no id; add `id:` under `plan:`.');
    case 'plan-exists':
      return line(
        `A plan with the id ${refusal.slug} is already stored; import with --replace to overwrite it.`,
      );
    case 'slug-elsewhere':
      return line(`The id ${refusal.slug} is another municipality's plan; give the plan another id.`);
    case 'duplicate-id':
      return line(`${refusal.first} has the same id ${refusal.slug}; each plan is imported once.`);
    case 'municipality-unknown':
      return line(`No municipality has the code ${refusal.municipalityCode}; a host adds it first.`);
    case 'municipality-other':
      return line(`The plan is municipality ${refusal.municipalityCode}'s, not yours.`);
    case 'municipality-mismatch':
      return line(
        `The plan states the municipality code ${refusal.municipalityCode}, but --municipality names ${refusal.chosen}; import it without --municipality, or correct municipality_code in the plan.`,
      );
  }
}
