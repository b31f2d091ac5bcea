import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import type { Plan } from '../../src/core/plan.ts';
import { planToYaml } from '../../src/plan-file/write.ts';
import { openStore } from '../../src/store/connect.ts';
import { auditTrail } from '../../src/store/audit.ts';
import { listPlans, loadStoredPlan, planIdOf } from '../../src/store/plan-repository.ts';
import { Client, exited, startServer } from '../support/server-process.ts';
import { makeKpi, makePlan, makeSeries, value } from '../support/plans.ts';

const PASSWORD = 'crash-test-password-1';
const KPIS = 1500;

/** A plan big enough that storing it takes a noticeable time, so a kill can land inside the transaction. */
function bigPlan(id: string): Plan {
  const kpis = Array.from({ length: KPIS }, (_, i) =>
    makeKpi(`k${i}`, 'G1', [
      makeSeries({
        baseline: String(100 + (i % 7)) as DecimalString,
        target: String(200 + (i % 11)) as DecimalString,
        actuals: {
          2022: value(String(150 + (i % 13)) as DecimalString),
          2023: value(String(160 + i) as DecimalString),
        },
      }),
    ]),
  );
  return { ...makePlan([{ id: 'G1', kpis }]), id, title: `Crash test ${id}` };
}

async function upload(client: Client, plan: Plan): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', await client.token('/staff/import'));
  form.set('file', new Blob([planToYaml(plan)], { type: 'application/yaml' }), `${plan.id}.yaml`);
  return client.request('/staff/import', { method: 'POST', body: form });
}

describe('killing the server in the middle of a save', () => {
  it('leaves nothing half-written: after a restart each plan is whole or absent', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'shinchoku-crash-')), 'data');
    const env = { SHINCHOKU_DATA: data, SHINCHOKU_ADMIN_PASSWORD: PASSWORD };

    const first = await startServer(env);
    const client = new Client(first.base);
    await client.logIn('admin', PASSWORD);
    const started = performance.now();
    expect((await upload(client, bigPlan('whole'))).status).toBeLessThan(400);
    const duration = performance.now() - started;

    // The same save again, killed (SIGKILL: no chance to clean up) halfway through its usual time.
    const doomed = upload(client, bigPlan('doomed')).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, duration / 2));
    first.child.kill('SIGKILL');
    await exited(first.child);
    await doomed;

    const second = await startServer(env);
    const again = new Client(second.base);
    await again.logIn('admin', PASSWORD);
    expect((await again.request('/plans/kitamoto-2nd-strategy')).status).toBe(200);
    second.child.kill('SIGTERM');
    await exited(second.child);

    const store = await openStore({ dataDir: data });
    try {
      const plans = (await listPlans(store.db)).map((p) => p.slug);
      expect(plans).toEqual(expect.arrayContaining(['kitamoto-2nd-strategy', 'whole']));
      for (const slug of plans.filter((s) => s === 'whole' || s === 'doomed')) {
        const plan = await loadStoredPlan(store.db, slug);
        expect(plan.kpis.size).toBe(KPIS);
        expect([...plan.kpis.values()].every((k) => k.series[0]?.actuals.size === 2)).toBe(true);
        const trail = await auditTrail(store.db, await planIdOf(store.db, slug));
        expect(trail.map((e) => e.action)).toEqual(['plan.import']);
      }
    } finally {
      await store.close();
    }
  }, 300_000);
});
