import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChildOptions {
  /** Lets the child call gc() before it measures memory. */
  readonly exposeGc?: boolean;
  /** The child is killed after this long, so a hung measurement cannot hang the bench. */
  readonly timeoutMs: number;
}

/**
 * Runs a TypeScript file in a process of its own, so its memory is its own and no earlier phase's
 * garbage or JIT state colours its timings. The job goes in as JSON on argv; the result comes back
 * through a file, since stdout is the child's to print progress on.
 */
export async function runTsChild<T>(script: URL, job: object, options: ChildOptions): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shinchoku-bench-'));
  const out = join(dir, 'result.json');
  try {
    const args = [
      '--import',
      import.meta.resolve('tsx'),
      ...(options.exposeGc ? ['--expose-gc'] : []),
      fileURLToPath(script),
      JSON.stringify({ ...job, out }),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    }).finally(() => clearTimeout(timer));
    if (code !== 0) throw new Error(`${fileURLToPath(script)} exited with ${code ?? 'a signal'}`);
    return JSON.parse(await readFile(out, 'utf8')) as T;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
