import type { Evaluation } from '../../core/evaluation.ts';
import type { Opinion } from '../../core/opinion.ts';
import { messagesFor } from '../../render/messages.ts';
import type { Lang } from '../../core/language.ts';
import { formatByName, UNPRINTED_DOWNLOADS, type RenderOutput } from '../../publish/formats.ts';

export const RENDER_FORMATS = UNPRINTED_DOWNLOADS.map((f) => f.name);
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/**
 * One file to render. It crosses to a worker thread by structured clone (pool.ts makes the evaluation plain
 * objects and arrays first) with the language, whose messages the worker looks up itself.
 */
export interface RenderJob {
  readonly format: RenderFormat;
  readonly evaluation: Evaluation;
  readonly lang: Lang;
  /** The KPI charts of the report formats; on unless a caller wants the report without them. */
  readonly charts?: boolean;
  /** The reviewers' pages (点検事項), for staff drafts only. */
  readonly diagnostics?: boolean;
  /** A staff draft, stamped 案 on every page. */
  readonly draft?: boolean;
  /** The committee's opinions published with the edition (plain data, as the evaluation). */
  readonly opinions?: readonly Opinion[];
  /** Every covered year's evaluation, for the open-data CSV (publish/formats.ts). */
  readonly yearly?: readonly Evaluation[];
}

export type { RenderOutput };

/** Renders a job in the calling thread: the worker's body, and the reference its results are held to. */
export async function runRenderJob(job: RenderJob): Promise<RenderOutput> {
  const messages = messagesFor(job.lang);
  const options = {
    charts: job.charts ?? true,
    diagnostics: job.diagnostics ?? false,
    draft: job.draft ?? false,
    ...(job.opinions ? { opinions: job.opinions } : {}),
    ...(job.yearly ? { yearly: job.yearly } : {}),
  };
  return formatByName(job.format).render(job.evaluation, messages, options);
}
