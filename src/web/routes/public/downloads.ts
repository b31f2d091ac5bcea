import { Hono } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { evaluationCsv } from '../../../render/evaluation-csv.ts';
import { evaluationJson } from '../../../render/evaluation-json.ts';
import { renderReportHtml } from '../../../render/html/report.ts';
import { CONTENT_SECURITY_POLICY } from '../../../render/html/script.ts';
import { toJsonText } from '../../../render/json-text.ts';
import { messagesFor, type Messages } from '../../../render/messages.ts';
import type { PdfPrinter } from '../../../render/pdf/printer.ts';
import { renderReportPptx } from '../../../render/pptx/report.ts';
import { renderReportXlsx } from '../../../render/xlsx/report.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import { publishedReport, type PublishedReport } from '../../queries/published.ts';
import { RenderCache } from '../../render-cache.ts';
import { reportAddress } from './pages.tsx';

/** Enough for every format of a few editions in both languages; a PowerPoint file is about 1 MB. */
const CACHED_FILES = 48;

/** What a staff draft asks of the same render path: the 案 mark on every page, the reviewers' pages. */
export interface ReportVariant {
  readonly draft?: boolean;
  readonly diagnostics?: boolean;
}

export interface Download {
  readonly type: string;
  /** The report's own policy for the HTML file, which inlines its styles, fonts and one script. */
  readonly policy?: string;
  make(
    report: Pick<PublishedReport, 'evaluation'>,
    messages: Messages,
    words: WebMessages,
    variant?: ReportVariant,
  ): Promise<string | Uint8Array>;
}

/**
 * The file's name says what it holds: plan, year, edition and, for English, the language. Anything
 * but plain ASCII letters, digits, dots and hyphens is replaced, so the header cannot be broken.
 */
function fileName(report: PublishedReport, messages: Messages, file: string): string {
  const [kind = '', ext = ''] = file.split('.');
  const { edition } = report;
  const parts = [edition.planSlug, formatFiscalYear(edition.fiscalYear), `ed${edition.number}`];
  if (kind === 'data') parts.push(kind);
  if (messages.lang !== 'ja') parts.push(messages.lang);
  return `${parts.join('-').replace(/[^A-Za-z0-9.-]/g, '_')}.${ext}`;
}

/**
 * The browser is shared and started on the first PDF; without one, the office still gets a clear 503
 * in the page's language, with the HTML version as the way round.
 */
async function printerFor(deps: AppDeps, m: WebMessages): Promise<PdfPrinter> {
  if (!deps.printer) throw new ShinchokuError('browser-missing', m.pdfUnavailable, m.pdfUnavailableHint);
  try {
    return await deps.printer();
  } catch (error) {
    if (error instanceof ShinchokuError && error.id === 'browser-missing') {
      throw new ShinchokuError('browser-missing', m.pdfUnavailable, m.pdfUnavailableHint, [error.message]);
    }
    throw error;
  }
}

/** Every file of an edition; a staff draft renders the report formats through these same entries. */
export function downloads(deps: AppDeps): Readonly<Record<string, Download>> {
  return {
    'report.html': {
      type: 'text/html; charset=utf-8',
      policy: CONTENT_SECURITY_POLICY,
      make: async (report, messages, _words, variant) =>
        renderReportHtml(report.evaluation, messages, { ...variant }),
    },
    'report.pdf': {
      type: 'application/pdf',
      async make(report, messages, words, variant) {
        const printer = await printerFor(deps, words);
        return printer.print(renderReportHtml(report.evaluation, messages, { ...variant }));
      },
    },
    'report.pptx': {
      type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      make: (report, messages, _words, variant) =>
        renderReportPptx(report.evaluation, messages, { ...variant }),
    },
    'report.xlsx': {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      make: (report, messages, _words, variant) =>
        renderReportXlsx(report.evaluation, messages, { draft: variant?.draft ?? false }),
    },
    // The byte order mark lets Excel, which the offices open CSV with, read the file as UTF-8.
    'data.csv': {
      type: 'text/csv; charset=utf-8',
      make: async (report) => evaluationCsv(report.evaluation, { bom: true }),
    },
    'data.json': {
      type: 'application/json; charset=utf-8',
      make: async (report, messages) => toJsonText(evaluationJson(report.evaluation, messages)),
    },
  };
}

/** The edition's report in each format and its data, rendered from the same evaluation as the pages. */
export function downloadRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new RenderCache<string | Uint8Array>(CACHED_FILES);
  for (const [file, download] of Object.entries(downloads(deps))) {
    app.get(`/plans/:plan/:year/${file}`, async (c) => {
      const messages = messagesFor(c.var.lang);
      const report = await publishedReport(deps.store.db, reportAddress(c), t(c.var.lang).notFound);
      const { planSlug, fiscalYear, number } = report.edition;
      const key = [planSlug, fiscalYear, number, messages.lang, file].join('/');
      const body = await cache.get(key, () => download.make(report, messages, t(c.var.lang)));
      c.header('Content-Type', download.type);
      c.header('Content-Disposition', `attachment; filename="${fileName(report, messages, file)}"`);
      if (download.policy) c.header('Content-Security-Policy', download.policy);
      return c.body(typeof body === 'string' ? body : new Uint8Array(body));
    });
  }
  return app;
}
