import { readFile, stat } from 'node:fs/promises';
import { ShinchokuError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';
import { formatProblem, type Problem } from './problem.ts';
import { MAX_PLAN_BYTES, readPlanText } from './read.ts';

export interface LoadedPlan {
  readonly plan: Plan;
  /** Warnings only: values that were normalised on the way in. */
  readonly warnings: readonly Problem[];
}

/** Reads the file's text, refusing what is not a plan file before any parsing starts. */
export async function readPlanFileText(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new ShinchokuError(
        'file-unreadable',
        `${path} is a folder, not a plan file.`,
        'Name the plan file itself, e.g. examples/kitamoto/plan.yaml.',
      );
    }
    size = info.size;
  } catch (error) {
    if (error instanceof ShinchokuError) throw error;
    throw new ShinchokuError(
      'file-not-found',
      `There is no file ${path}.`,
      'Check the path; plan files usually end in .yaml.',
    );
  }
  if (size > MAX_PLAN_BYTES) {
    throw new ShinchokuError(
      'file-too-large',
      `${path} is ${(size / 1024 / 1024).toFixed(1)} MB; a plan file may be at most ${MAX_PLAN_BYTES / 1024 / 1024} MB.`,
      'Check that this is the plan file, not a data export.',
    );
  }
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ShinchokuError(
      'file-encoding',
      `${path} is not UTF-8 text.`,
      'Save the file as UTF-8 (files from older Japanese Excel are often Shift_JIS).',
    );
  }
}

/** Loads and checks a plan file; any error in it becomes one ShinchokuError listing every problem. */
export async function loadPlan(path: string): Promise<LoadedPlan> {
  const { plan, problems } = readPlanText(await readPlanFileText(path));
  if (!plan) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    throw new ShinchokuError(
      'plan-invalid',
      `${path} has ${errors} ${errors === 1 ? 'error' : 'errors'}.`,
      'Fix them and run `shinchoku validate` again.',
      problems.map((p) => formatProblem(path, p)),
    );
  }
  return { plan, warnings: problems };
}
