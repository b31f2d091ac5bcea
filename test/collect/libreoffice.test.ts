import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { readCollected } from '../../src/collect/read/collect.ts';
import { diffText } from '../../src/collect/read/diff-text.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { describeStores } from '../support/stores.ts';
import { departmentPlan, file, fill, makeFor } from './support.ts';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** Opens and saves workbooks in LibreOffice Calc, as a department without Excel would. */
function saveInCalc(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'shinchoku-calc-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, 'in', name), bytes);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc Office Open XML',
      '--outdir',
      join(dir, 'out'),
      ...Object.keys(files).map((name) => join(dir, 'in', name)),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return Object.fromEntries(
    Object.keys(files).map((name) => [name, new Uint8Array(readFileSync(join(dir, 'out', name)))]),
  );
}

const name = 'R5_健康推進課.xlsx';

/** Filled once and saved in Calc once, then read on each engine. */
let saved: Promise<{ filled: Uint8Array; calc: Record<string, Uint8Array> }> | undefined;
function filledAndSaved() {
  saved ??= (async () => {
    const made = await makeFor(departmentPlan(), 2023);
    const filled = await fill(file(made, name).bytes, {
      F6: 18.9,
      H6: '見込',
      J6: '延伸を図る',
      G7: '集計中',
    });
    return { filled, calc: saveInCalc({ [name]: filled }) };
  })();
  return saved;
}

describeStores('workbooks saved by LibreOffice Calc', (store) => {
  it.skipIf(!soffice)(
    'read back exactly as the same workbooks saved by Excel',
    async () => {
      await importPlan(store().db, departmentPlan());
      const { filled, calc } = await filledAndSaved();
      const direct = await readCollected(store().db, [{ name, bytes: filled }]);
      const viaCalc = await readCollected(store().db, [{ name, bytes: calc[name] as Uint8Array }]);
      expect(viaCalc.problems).toEqual([]);
      expect(diffText(viaCalc)).toBe(diffText(direct));
      expect(diffText(viaCalc)).toContain('65歳健康寿命（男性） R5: (none) → 18.90年 (見込)');
    },
    180_000,
  );
});
