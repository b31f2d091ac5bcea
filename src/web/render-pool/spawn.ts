import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. The app runs through tsx with no build step (bin/shinchoku.js,
 * `npm start`), and a worker starts with no loader of its own, so its first act is to register tsx's, as the
 * CLI's entry point does, before importing the module.
 */
export function typeScriptWorker(entry: URL, resourceLimits: ResourceLimits): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = [
    `import(${JSON.stringify(tsx)})`,
    `.then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`,
  ].join('');
  return new Worker(bootstrap, { eval: true, resourceLimits });
}
