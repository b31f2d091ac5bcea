import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { besideModule, moduleWorker } from '../../src/web/render-pool/spawn.ts';

describe('the render worker beside the pool', () => {
  it('takes the extension of the module that asks: compiled .js beside .js, TypeScript beside .ts', () => {
    expect(besideModule('file:///app/dist/web/render-pool/pool.js', 'worker').href).toBe(
      'file:///app/dist/web/render-pool/worker.js',
    );
    expect(besideModule('file:///app/src/web/render-pool/pool.ts', 'worker').href).toBe(
      'file:///app/src/web/render-pool/worker.ts',
    );
  });

  it('starts a compiled module as it is and a TypeScript one through tsx', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-worker-'));
    try {
      const answer = (file: string) => {
        const worker = moduleWorker(pathToFileURL(join(folder, file)), {});
        return new Promise<unknown>((resolve, reject) => {
          worker.once('message', (message) => void worker.terminate().then(() => resolve(message)));
          worker.once('error', reject);
        });
      };
      const body = (kind: string) =>
        `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage(${JSON.stringify(kind)});\n`;
      // ES modules, as dist/ is (the project's package.json says so for its own folders).
      writeFileSync(join(folder, 'package.json'), '{ "type": "module" }');
      writeFileSync(join(folder, 'plain.js'), body('js'));
      writeFileSync(
        join(folder, 'typed.ts'),
        `const kind: string = 'ts';\n${body('ts').replace('"ts"', 'kind')}`,
      );
      expect(await answer('plain.js')).toBe('js');
      expect(await answer('typed.ts')).toBe('ts');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
