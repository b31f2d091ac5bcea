import { ShinchokuError } from '../../core/errors.ts';
import { formatPath, type Problem } from '../../plan-file/problem.ts';
import { MAX_PLAN_BYTES, readPlanText } from '../../plan-file/read.ts';
import type { Store } from '../../store/connect.ts';
import { importPlan } from '../../store/plan-import.ts';
import type { User } from '../../store/users.ts';
import { assertRole, municipalityOf } from './access.ts';
import { accepted, rejected, type FormOutcome, type PlanFileMessage } from './form-problem.ts';

export interface PlanUpload {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly replace: boolean;
}

/** A plan file's problem at its place (file:line:column (path)), for the page to word its detail. */
export function planFileMessage(file: string, problem: Problem): PlanFileMessage {
  const at = problem.position ? `${file}:${problem.position.line}:${problem.position.column}` : file;
  const path = problem.path.length > 0 ? ` (${formatPath(problem.path)})` : '';
  return { where: `${at}${path}`, detail: problem.detail };
}

/**
 * Imports an uploaded plan file, checked exactly as the CLI checks one: the same size and encoding
 * rules, the same reader, every problem with its line. A plan already stored is replaced only on request.
 */
export async function importPlanFile(
  store: Store,
  user: User,
  upload: PlanUpload | null,
): Promise<FormOutcome<{ slug: string; replaced: boolean }>> {
  assertRole(user, 'admin');
  if (!upload || upload.bytes.length === 0) return rejected({ file: { kind: 'required' } });
  if (upload.bytes.length > MAX_PLAN_BYTES) {
    return rejected({ file: { kind: 'file-size', megabytes: MAX_PLAN_BYTES / 1024 / 1024 } });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes);
  } catch {
    return rejected({ file: { kind: 'encoding' } });
  }
  const { plan, problems } = readPlanText(text);
  if (!plan) {
    const messages = problems
      .filter((p) => p.severity === 'error')
      .map((p) => planFileMessage(upload.name, p));
    return rejected({ file: { kind: 'plan-file', messages } });
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
      return rejected({ file: { kind: 'plan-slug-taken', slug: plan.id ?? '' } });
    }
    if (error instanceof ShinchokuError && error.id === 'plan-exists') {
      return rejected({ replace: { kind: 'plan-exists', slug: plan.id ?? '' } });
    }
    if (error instanceof ShinchokuError && error.id === 'invalid') {
      // The one refusal the store makes of a plan the reader accepted: a plan without an id.
      const detail = { code: 'no-plan-id' } as const;
      return rejected({ file: { kind: 'plan-file', messages: [{ where: upload.name, detail }] } });
    }
    throw error;
  }
}
