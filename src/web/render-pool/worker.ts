import { parentPort } from 'node:worker_threads';
import { runRenderJob, type RenderJob } from './job.ts';

/** A request from the pool: one job at a time, numbered so a late answer is never taken for the next. */
export interface JobMessage {
  readonly id: number;
  readonly job: RenderJob;
}

export type ResultMessage =
  | { readonly id: number; readonly ok: true; readonly data: string | Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** A Node Buffer may be a view into a shared slab; the answer gets bytes of its own, to hand over whole. */
function ownBytes(data: Uint8Array): Uint8Array {
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) return data;
  return new Uint8Array(data);
}

const port = parentPort;
if (!port) throw new Error('the render worker runs only as a worker thread');

port.on('message', async ({ id, job }: JobMessage) => {
  try {
    const output = await runRenderJob(job);
    if (typeof output === 'string') {
      port.postMessage({ id, ok: true, data: output } satisfies ResultMessage);
    } else {
      const data = ownBytes(output);
      port.postMessage({ id, ok: true, data } satisfies ResultMessage, [data.buffer as ArrayBuffer]);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id, ok: false, message } satisfies ResultMessage);
  }
});
