import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShinchokuError } from '../core/errors.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import { passwordProblem } from '../core/password-policy.ts';
import { readPlanText } from '../plan-file/read.ts';
import type { Store } from '../store/connect.ts';
import { listEditions, publishEdition } from '../store/editions.ts';
import { generatePassword } from '../store/password.ts';
import { importPlan } from '../store/plan-import.ts';
import { listPlans } from '../store/plan-repository.ts';
import { nameHomeMunicipality } from '../store/municipalities.ts';
import { countUsers, createUser } from '../store/users.ts';
import { enPasswordProblem } from './i18n/password-words.ts';

export const SAMPLE_PLAN = join(import.meta.dirname, '..', '..', 'examples', 'kitamoto', 'plan.yaml');
/** R4, the year of the seed report, so the public pages show it as the city published it. */
export const SAMPLE_YEAR: FiscalYear = 2022;
export const ADMIN_LOGIN = 'admin';

export interface FirstStart {
  readonly login: string;
  /** Shown once; null when it came from SHINCHOKU_ADMIN_PASSWORD, which the operator already knows. */
  readonly generatedPassword: string | null;
  readonly samplePlan: string | null;
}

async function loadSample(store: Store): Promise<string | null> {
  const { plan, problems } = readPlanText(await readFile(SAMPLE_PLAN, 'utf8'));
  if (!plan?.id) {
    throw new ShinchokuError(
      'internal',
      `The sample plan could not be read: ${problems.map((p) => p.message).join('; ')}`,
    );
  }
  const stored = (await listPlans(store.db)).some((p) => p.slug === plan.id);
  if (!stored) await importPlan(store.db, plan);
  // The sample makes this a single-municipality installation of its city: row 1 takes its name and code.
  await nameHomeMunicipality(store.db, { code: plan.municipalityCode ?? null, name: plan.municipality });
  const published = (await listEditions(store.db, plan.id)).some((e) => e.fiscalYear === SAMPLE_YEAR);
  if (!published) await publishEdition(store.db, { plan: plan.id, year: SAMPLE_YEAR, errata: null }, null);
  return plan.id;
}

/**
 * The operator's password meets the same rule as one set on the staff pages; it is checked before
 * anything is written, so a refused start leaves the database as it was.
 */
function assertStrongEnough(password: string): void {
  const problem = passwordProblem(password, ADMIN_LOGIN);
  if (problem === null) return;
  throw new ShinchokuError(
    'usage',
    `SHINCHOKU_ADMIN_PASSWORD is not accepted: ${enPasswordProblem(problem)}`,
    'Set another password in SHINCHOKU_ADMIN_PASSWORD, or leave it unset to have one generated and shown once.',
  );
}

/**
 * On a database without users: the Kitamoto sample, published for R4, and the first administrator.
 * Each step checks what is already there, so a first start cut short can simply run again. The
 * password is never a default anyone could know: the operator's, or a generated one shown once.
 */
export async function firstStart(
  store: Store,
  options: { adminPassword?: string | undefined; loadSample?: boolean },
): Promise<FirstStart | null> {
  if ((await countUsers(store.db)) > 0) return null;
  if (options.adminPassword) assertStrongEnough(options.adminPassword);
  const samplePlan = options.loadSample === false ? null : await loadSample(store);
  const password = options.adminPassword || generatePassword();
  await createUser(
    store.db,
    {
      login: ADMIN_LOGIN,
      displayName: ADMIN_LOGIN,
      password,
      role: 'admin',
      departmentName: null,
      // A generated password has been printed in a log: it is replaced at the first sign-in.
      mustChangePassword: !options.adminPassword,
    },
    null,
  );
  return { login: ADMIN_LOGIN, generatedPassword: options.adminPassword ? null : password, samplePlan };
}
