import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running the module beside the caller: the compiled `.js` that `npm start` runs from dist/
 * (scripts/build.js) is started as it is, with no loader; the TypeScript that the tests and the CLI run
 * through tsx needs tsx's loader, which a worker does not inherit, so the thread registers it first.
 */
export function moduleWorker(entry: URL, resourceLimits: ResourceLimits): Worker {
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = [
    `import(${JSON.stringify(tsx)})`,
    `.then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`,
  ].join('');
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/** `name` beside the module at `here`, with that module's extension: worker.js from pool.js, worker.ts from pool.ts. */
export function besideModule(here: string, name: string): URL {
  const extension = /\.[cm]?[jt]sx?$/.exec(new URL(here).pathname)?.[0] ?? '.js';
  return new URL(`./${name}${extension}`, here);
}
