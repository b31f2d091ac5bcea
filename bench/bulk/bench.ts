import { existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import JSZip from 'jszip';
import { importBulk } from '../../src/cli/bulk-import.ts';
import type { Io } from '../../src/cli/io.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { openStore } from '../../src/store/connect.ts';
import { plans } from '../../src/store/schema.ts';
import { generatePlan, type NationalOptions } from '../data/national.ts';
import { unmeasured, type Row } from '../lib/row.ts';
import type { SectionResult } from '../lib/section.ts';
import { adminUrl, createBenchDatabase } from '../web/postgres.ts';

export interface BulkBenchConfig {
  readonly national: NationalOptions;
}

const NAME = 'bulk import of the national dataset (PostgreSQL)';
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The dataset's plans as plan files in one zip, written once per shape and seed and kept in the temporary
 * folder: the generator is deterministic, so the same options give the same zip.
 */
async function nationalZip(options: NationalOptions): Promise<{ path: string; writeMs: number | null }> {
  const folder = join(tmpdir(), 'shinchoku-bench');
  const path = join(
    folder,
    `national-${options.plans}x${options.kpisPerPlan}x${options.years}-${options.seed}.zip`,
  );
  if (existsSync(path)) return { path, writeMs: null };
  const start = performance.now();
  const zip = new JSZip();
  for (let i = 0; i < options.plans; i++) {
    const plan = generatePlan(i, options);
    zip.file(`${plan.id}.yaml`, planToYaml(plan));
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  await mkdir(folder, { recursive: true });
  // Written under another name first, so a run stopped halfway leaves no half zip to be reused.
  await writeFile(`${path}.part`, bytes);
  await rename(`${path}.part`, path);
  return { path, writeMs: performance.now() - start };
}

const silent: Io = { out: () => {}, err: () => {} };

/**
 * `shinchoku import national.zip` into a fresh PostgreSQL database, in-process: the zip read entry by
 * entry, each plan read by the plan file's reader and stored in its own transaction, the report made.
 */
export async function bulkBench(config: BulkBenchConfig): Promise<SectionResult> {
  const { national } = config;
  const zip = await nationalZip(national);
  const zipBytes = (await stat(zip.path)).size;
  let database;
  try {
    database = await createBenchDatabase(adminUrl());
  } catch (error) {
    return {
      rows: [unmeasured('bulk', NAME, 'ms', `no PostgreSQL server: ${message(error)}`)],
      details: { zipBytes },
    };
  }
  try {
    const store = await openStore({ url: database.url });
    try {
      const start = performance.now();
      const code = await importBulk(zip.path, store, { replace: false }, silent);
      const ms = performance.now() - start;
      const [counted] = await store.db.select({ n: count() }).from(plans);
      const stored = counted?.n ?? 0;
      if (code !== 0 || stored !== national.plans) {
        throw new Error(`stored ${stored} of ${national.plans} plans (exit code ${code})`);
      }
      const row: Row = {
        section: 'bulk',
        name: NAME,
        unit: 'ms',
        value: ms,
        anchor: null,
        goal: null,
        note:
          `${national.plans.toLocaleString('en')} plans × ${national.kpisPerPlan} KPIs × ${national.years} years, ` +
          `one transaction each, from a ${(zipBytes / 1024 / 1024).toFixed(1)} MB zip of YAML plan files; ` +
          `${((national.plans / ms) * 1000).toFixed(1)} plans/s` +
          (zip.writeMs === null ? '' : `; the zip written in ${(zip.writeMs / 1000).toFixed(1)} s first`),
        runs: [ms],
      };
      return { rows: [row], details: { zipBytes, plans: national.plans, ms, writeMs: zip.writeMs } };
    } finally {
      await store.close();
    }
  } finally {
    await database.drop();
  }
}
