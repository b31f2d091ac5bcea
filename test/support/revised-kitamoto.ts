import { readFileSync } from 'node:fs';
import type { Plan } from '../../src/core/plan.ts';
import { readPlanText } from '../../src/plan-file/read.ts';
import { KITAMOTO_PATH } from './kitamoto.ts';

const BIRTHS = '        target: 380\n        actuals: {R3: 351, R4: 325}\n';

/** The Kitamoto plan with the births target raised from 380 to 390 from R5, and an R5 actual. */
export function revisedKitamotoText(revisions: string = REVISION_R5): string {
  const text = readFileSync(KITAMOTO_PATH, 'utf8');
  if (!text.includes(BIRTHS)) throw new Error('The Kitamoto example no longer has the births figures');
  return text.replace(
    BIRTHS,
    `        target: 380\n${revisions}        actuals: {R3: 351, R4: 325, R5: 345}\n`,
  );
}

export const REVISION_R5 = `        revisions:
          - from: R5
            target: 390
            note: 子育て支援策の拡充に合わせて上方修正
`;

export function revisedKitamoto(): Plan {
  const { plan, problems } = readPlanText(revisedKitamotoText());
  if (!plan) throw new Error(problems.map((p) => p.message).join('; '));
  return plan;
}
