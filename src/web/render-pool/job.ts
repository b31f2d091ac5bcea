import type { Evaluation } from '../../core/evaluation.ts';
import { evaluationCsv } from '../../render/evaluation-csv.ts';
import { evaluationJson } from '../../render/evaluation-json.ts';
import { renderReportHtml } from '../../render/html/report.ts';
import { toJsonText } from '../../render/json-text.ts';
import { messagesFor, type Lang } from '../../render/messages.ts';
import { renderReportPptx } from '../../render/pptx/report.ts';
import { renderReportXlsx } from '../../render/xlsx/report.ts';

export const RENDER_FORMATS = ['html', 'pptx', 'xlsx', 'csv', 'json'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/**
 * One file to render. It crosses to a worker thread by structured clone, so it is plain data: the
 * evaluation (plain objects and arrays) and the language, whose messages the worker looks up itself.
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
}

export type RenderOutput = string | Uint8Array;

/** Renders a job in the calling thread: the worker's body, and the reference its results are held to. */
export async function runRenderJob(job: RenderJob): Promise<RenderOutput> {
  const messages = messagesFor(job.lang);
  const options = {
    charts: job.charts ?? true,
    diagnostics: job.diagnostics ?? false,
    draft: job.draft ?? false,
  };
  switch (job.format) {
    case 'html':
      return renderReportHtml(job.evaluation, messages, options);
    case 'pptx':
      return renderReportPptx(job.evaluation, messages, options);
    case 'xlsx':
      return renderReportXlsx(job.evaluation, messages, options);
    // The byte order mark lets Excel, which the offices open CSV with, read the file as UTF-8.
    case 'csv':
      return evaluationCsv(job.evaluation, { bom: true, lang: job.lang });
    case 'json':
      return toJsonText(evaluationJson(job.evaluation, messages));
  }
}
