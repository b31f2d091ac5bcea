import { Hono } from 'hono';
import { ShinchokuError } from '../../../core/errors.ts';
import { messagesFor, type Messages } from '../../../render/messages.ts';
import type { PdfPrinter } from '../../../render/pdf/printer.ts';
import {
  DOWNLOAD_FORMATS,
  downloadFile,
  isOpenDataCsv,
  type DownloadFormatName,
  type OutputFormat,
} from '../../../publish/formats.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../env.ts';
import { t, type WebMessages } from '../../i18n/index.ts';
import { publishedReport, publishedYearly, type PublishedReport } from '../../queries/published.ts';
import type { Evaluation } from '../../../core/evaluation.ts';
import { formatFiscalYear } from '../../../core/fiscal-year.ts';
import { dictionaryCsv } from '../../../open-data/documents.ts';
import { datasetFields } from '../../../open-data/records.ts';
import type { RenderFormat, RenderOutput } from '../../render-pool/job.ts';
import { RETRY_AFTER_SECONDS, sharedRenderPool, type RenderPool } from '../../render-pool/pool.ts';
import { editionCacheFor } from '../../../publish/cache-for-store.ts';
import { cachedAnswer } from './http-cache.ts';
import { reportAddress } from './pages.tsx';
import { DICTIONARY_FILE } from '../../hrefs.ts';

/**
 * What a file is rendered from: the evaluation, the committee opinions to print with it, and for the
 * open-data CSV every year it covers.
 */
export type ReportSource = Pick<PublishedReport, 'evaluation'> &
  Partial<Pick<PublishedReport, 'opinions'>> & { readonly yearly?: readonly Evaluation[] };

/** What a staff draft asks of the same render path: the 案 mark on every page, the reviewers' pages. */
export interface ReportVariant {
  readonly draft?: boolean;
  readonly diagnostics?: boolean;
}

export interface Download {
  readonly format: OutputFormat<DownloadFormatName>;
  readonly type: string;
  /** The report's own policy for the HTML file, which inlines its styles, fonts and one script. */
  readonly policy?: string;
  /** Refusals of a busy or overrun render come in the page's language. */
  make(
    report: ReportSource,
    messages: Messages,
    words: WebMessages,
    variant?: ReportVariant,
  ): Promise<RenderOutput>;
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

/** The reviewers' 点検事項 pages stay internal: never in a public download. */
const PUBLIC = { diagnostics: false } as const;

/** A busy pool or an overrun limit, told in the page's language; a busy server says when to come back. */
function inWords(error: unknown, words: WebMessages): unknown {
  if (!(error instanceof ShinchokuError)) return error;
  if (error.id === 'busy') {
    return new ShinchokuError('busy', words.renderBusy, words.renderBusyHint(RETRY_AFTER_SECONDS));
  }
  if (error.id === 'render-timeout') {
    return new ShinchokuError('render-timeout', words.renderTimeout, words.renderTimeoutHint);
  }
  return error;
}

/**
 * Every file of an edition, each rendered in the pool's worker threads (the PDF's HTML too, then printed
 * by the shared browser); a staff draft renders the report formats through these same entries.
 */
export function downloads(
  deps: AppDeps,
  pool: RenderPool = deps.renderPool ?? sharedRenderPool(),
): Readonly<Record<string, Download>> {
  const render = (
    format: RenderFormat,
    report: ReportSource,
    messages: Messages,
    words: WebMessages,
    variant: ReportVariant = PUBLIC,
  ): Promise<RenderOutput> =>
    pool
      .render({
        format,
        evaluation: report.evaluation,
        lang: messages.lang,
        ...(report.yearly ? { yearly: report.yearly } : {}),
        ...variant,
        ...(report.opinions && report.opinions.length > 0 ? { opinions: report.opinions } : {}),
      })
      .catch((error: unknown) => {
        throw inWords(error, words);
      });
  const rendered =
    (format: RenderFormat): Download['make'] =>
    (report, messages, words, variant) =>
      render(format, report, messages, words, variant);
  // The PDF is printed by the shared browser from the HTML the pool renders; the rest render in the pool.
  const printed: Download['make'] = async (report, messages, words, variant) => {
    const printer = await printerFor(deps, words);
    const html = await render('html', report, messages, words, variant);
    return printer.print(String(html)).catch((error: unknown) => {
      throw inWords(error, words);
    });
  };
  return Object.fromEntries(
    DOWNLOAD_FORMATS.map((format) => [
      downloadFile(format),
      {
        format,
        type: format.mediaType,
        ...('policy' in format ? { policy: format.policy } : {}),
        make: 'printedFrom' in format ? printed : rendered(format.name),
      },
    ]),
  );
}

/** The edition's report in each format and its data, rendered from the same evaluation as the pages. */
export function downloadRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The edition cache keeps each file per edition and language, with its ETag, beside the pages.
  const cache = deps.editionCache ?? editionCacheFor(deps.store);
  for (const [file, download] of Object.entries(downloads(deps))) {
    app.get(`/plans/:plan/:year/${file}`, (c) =>
      cachedAnswer(c, cache, c.req.param('plan') ?? '', async () => {
        const messages = messagesFor(c.var.lang);
        const report = await publishedReport(deps.store.db, reportAddress(c), t(c.var.lang).notFound, cache);
        // The Japanese CSV is the open-data file, which lists every year as that year's report had it.
        const yearly = isOpenDataCsv(download.format, messages.lang)
          ? await publishedYearly(deps.store.db, report, cache)
          : undefined;
        const data = yearly ? { evaluation: report.evaluation, yearly } : report;
        const body = await download.make(data, messages, t(c.var.lang)).catch((error: unknown) => {
          if (error instanceof ShinchokuError && error.id === 'busy') {
            c.header('Retry-After', String(RETRY_AFTER_SECONDS));
          }
          throw error;
        });
        const { planSlug, fiscalYear, number } = report.edition;
        const name = download.format.fileName({
          plan: planSlug,
          year: fiscalYear,
          edition: number,
          lang: messages.lang,
        });
        const headers: Record<string, string> = {
          'Content-Type': download.type,
          'Content-Disposition': `attachment; filename="${name}"`,
        };
        if (download.policy) headers['Content-Security-Policy'] = download.policy;
        return { body: typeof body === 'string' ? body : new Uint8Array(body), headers };
      }),
    );
  }
  // The open-data CSV's data dictionary (項目定義書): its columns, their types, units and meanings.
  app.get(`/plans/:plan/:year/${DICTIONARY_FILE}`, (c) =>
    cachedAnswer(c, cache, c.req.param('plan') ?? '', async () => {
      const report = await publishedReport(deps.store.db, reportAddress(c), t(c.var.lang).notFound, cache);
      const { planSlug, fiscalYear, number } = report.edition;
      const name = `${planSlug}-${formatFiscalYear(fiscalYear)}-ed${number}-data-dictionary.csv`;
      return {
        body: dictionaryCsv({ fields: datasetFields(report.evaluation) }),
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9.-]/g, '_')}"`,
        },
      };
    }),
  );
  return app;
}
