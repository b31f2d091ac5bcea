import { ShinchokuError } from '../core/errors.ts';
import type { Evaluation } from '../core/evaluation.ts';
import type { Opinion } from '../core/opinion.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { evaluationCsv } from '../render/evaluation-csv.ts';
import { evaluationJson } from '../render/evaluation-json.ts';
import { datasetCsv } from '../open-data/documents.ts';
import { evaluationDataset } from '../open-data/records.ts';
import { renderReportHtml } from '../render/html/report.ts';
import { CONTENT_SECURITY_POLICY } from '../render/html/script.ts';
import { toJsonText } from '../render/json-text.ts';
import type { Messages } from '../render/messages.ts';
import type { Lang } from '../core/language.ts';
import { evaluationTable } from '../render/text/evaluation-table.ts';

export type RenderOutput = string | Uint8Array;

/** What a caller may ask of a rendering; each format takes what applies to it and ignores the rest. */
export interface RenderOptions {
  /** The KPI charts of the report formats; on unless a caller wants the report without them. */
  readonly charts?: boolean;
  /** The reviewers' pages (点検事項), for staff drafts and `report --diagnostics` only. */
  readonly diagnostics?: boolean;
  /** A staff draft, stamped 案 on every page. */
  readonly draft?: boolean;
  /** The byte order mark Excel needs to read a CSV file as UTF-8; off for a terminal. */
  readonly bom?: boolean;
  /** The committee's opinions published with the edition (委員会意見): report pages, a sheet, a JSON key. */
  readonly opinions?: readonly Opinion[];
  /**
   * The evaluation of every year the data covers (the evaluation's columns), from the same plan: given,
   * the Japanese CSV is the open-data file (open-data/), each year's progress and status as that year's
   * report printed them. The web's downloads give it; `evaluate --format csv` prints the evaluation's own.
   */
  readonly yearly?: readonly Evaluation[];
}

/** The PDF is the HTML printed by a browser, which the caller owns (one per process, or one per command). */
export interface RenderTools {
  readonly print?: (html: string) => Promise<Uint8Array>;
}

/**
 * What a file is: the report itself, the data behind it, or text for a terminal only. The kind is the
 * first part of a download's address (report.pdf, data.csv) and decides which lists a format is in.
 */
export type FormatKind = 'report' | 'data' | 'terminal';

/** Whose file it is: a stored edition (plan and edition) for the web; a plan file's year for the CLI. */
export interface FileTarget {
  readonly year: FiscalYear;
  readonly lang: Lang;
  readonly plan?: string;
  readonly edition?: number;
  /** A staff draft of the year, which has no edition yet. */
  readonly draft?: boolean;
}

export interface OutputFormat<N extends string = string> {
  readonly name: N;
  readonly kind: FormatKind;
  /** The Content-Type it is served with. */
  readonly mediaType: string;
  readonly extension: string;
  /** The format the browser prints this one from (the PDF from the HTML); it needs `RenderTools.print`. */
  readonly printedFrom?: string;
  /** A policy of its own, for a file that carries its own styles and script (the HTML report). */
  readonly policy?: string;
  /** Whether `evaluate --format` prints it. */
  readonly printable: boolean;
  fileName(at: FileTarget): string;
  render(
    evaluation: Evaluation,
    messages: Messages,
    options?: RenderOptions,
    tools?: RenderTools,
  ): Promise<RenderOutput>;
}

/** Each entry's file name comes from one rule, `fileName` below. */
function define<const F extends Omit<OutputFormat, 'fileName'>>(spec: F): F & Pick<OutputFormat, 'fileName'> {
  return { ...spec, fileName: (at: FileTarget) => fileName(spec, at) };
}

const deckOf = (options: RenderOptions) => ({
  charts: options.charts ?? true,
  diagnostics: options.diagnostics ?? false,
  draft: options.draft ?? false,
  ...(options.opinions ? { opinions: options.opinions } : {}),
});

const html = define({
  name: 'html',
  kind: 'report',
  mediaType: 'text/html; charset=utf-8',
  extension: 'html',
  policy: CONTENT_SECURITY_POLICY,
  printable: false,
  render: async (evaluation, messages, options = {}) =>
    renderReportHtml(evaluation, messages, deckOf(options)),
});

const pdf = define({
  name: 'pdf',
  kind: 'report',
  mediaType: 'application/pdf',
  extension: 'pdf',
  printedFrom: 'html',
  printable: false,
  async render(evaluation, messages, options = {}, tools = {}) {
    if (!tools.print)
      throw new ShinchokuError('browser-missing', 'No browser was given to print the PDF with.');
    return tools.print(await html.render(evaluation, messages, options));
  },
});

const pptx = define({
  name: 'pptx',
  kind: 'report',
  mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  extension: 'pptx',
  printable: false,
  // Loaded by the first deck (pptxgenjs, 14 MB), in the render worker that draws it, not by the server.
  render: async (evaluation, messages, options = {}) => {
    const { renderReportPptx } = await import('../render/pptx/report.ts');
    return renderReportPptx(evaluation, messages, deckOf(options));
  },
});

const xlsx = define({
  name: 'xlsx',
  kind: 'report',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  printable: false,
  // The workbook has no reviewers' pages: its sheets are the tables and the raw data. Loaded by the
  // first workbook (exceljs and resvg, about 30 MB), in the render worker, not by the server.
  render: async (evaluation, messages, options = {}) => {
    const { renderReportXlsx } = await import('../render/xlsx/report.ts');
    return renderReportXlsx(evaluation, messages, {
      charts: options.charts ?? true,
      draft: options.draft ?? false,
      ...(options.opinions ? { opinions: options.opinions } : {}),
    });
  },
});

const csv = define({
  name: 'csv',
  kind: 'data',
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  printable: true,
  // The open-data file has Japanese columns only; the English edition keeps the evaluation's CSV.
  render: async (evaluation, messages, options = {}) =>
    options.yearly && messages.lang === 'ja'
      ? datasetCsv(evaluationDataset(evaluation, options.yearly, null))
      : evaluationCsv(evaluation, { bom: options.bom ?? true, lang: messages.lang }),
});

const json = define({
  name: 'json',
  kind: 'data',
  mediaType: 'application/json; charset=utf-8',
  extension: 'json',
  printable: true,
  render: async (evaluation, messages, options = {}) =>
    toJsonText(evaluationJson(evaluation, messages, options.opinions)),
});

const table = define({
  name: 'table',
  kind: 'terminal',
  mediaType: 'text/plain; charset=utf-8',
  extension: 'txt',
  printable: true,
  render: async (evaluation, messages) => evaluationTable(evaluation, messages),
});

/** Every output of an evaluation, in the order the pages list the downloads. */
export const FORMATS = [html, pdf, pptx, xlsx, csv, json, table] as const;

export type FormatName = (typeof FORMATS)[number]['name'];
type Format = (typeof FORMATS)[number];
export type FormatOfKind<K extends FormatKind> = Extract<Format, { kind: K }>;

/** The report in each of its formats: `shinchoku report`, the staff drafts and the first downloads. */
export const REPORT_FORMATS = FORMATS.filter((f): f is FormatOfKind<'report'> => f.kind === 'report');

/** What a published edition offers for download: the report and its data. */
export const DOWNLOAD_FORMATS = FORMATS.filter(
  (f): f is FormatOfKind<'report' | 'data'> => f.kind !== 'terminal',
);
export type DownloadFormatName = (typeof DOWNLOAD_FORMATS)[number]['name'];

type Printed = Extract<Format, { printedFrom: string }>;
/** The downloads that need no browser: what a render worker makes from the evaluation alone. */
export const UNPRINTED_DOWNLOADS = DOWNLOAD_FORMATS.filter(
  (f): f is Exclude<(typeof DOWNLOAD_FORMATS)[number], Printed> => !('printedFrom' in f),
);

/** What `shinchoku evaluate` prints, the terminal's own table first, as its default. */
export const PRINTABLE_FORMATS = [
  table,
  ...FORMATS.filter((f) => f.printable && f.kind !== 'terminal'),
] as readonly OutputFormat<FormatName>[];

export function formatByName<N extends FormatName>(name: N): Extract<Format, { name: N }>;
export function formatByName(name: string): Format | undefined;
export function formatByName(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}

type FileOf<F> = F extends { kind: infer K extends string; extension: infer E extends string }
  ? `${K}.${E}`
  : never;
/** The last path segment of an edition's download on the site. */
export type DownloadFile = FileOf<(typeof DOWNLOAD_FORMATS)[number]>;

/**
 * Whether a download is the open-data file: the Japanese edition's CSV, whose columns are the open-data
 * module's (Japanese names, a data dictionary beside it). The English edition's CSV keeps the
 * evaluation's English columns, which the open-data module does not have.
 */
export const isOpenDataCsv = (format: Pick<OutputFormat, 'name'>, lang: Lang): boolean =>
  format.name === 'csv' && lang === 'ja';

/** A download's last path segment on the site: report.pdf, data.csv. */
export const downloadFile = <F extends Pick<OutputFormat, 'kind' | 'extension'>>(format: F): FileOf<F> =>
  `${format.kind}.${format.extension}` as FileOf<F>;

/** Whether a site path is one of an edition's downloads rather than a page (report.html is a file). */
export const isDownloadPath = (path: string): boolean =>
  DOWNLOAD_FORMATS.some((f) => path.endsWith(`/${downloadFile(f)}`));

/**
 * The file's name says what it holds: for an edition, plan, year, edition and (for the data) its kind;
 * for a staff draft, plan, year and 'draft'; for a plan file's report, the year; then the language when
 * it is not Japanese. Anything but plain ASCII letters, digits, dots and hyphens is replaced in a
 * stored plan's name, so a Content-Disposition header cannot be broken by it.
 */
export function fileName(format: Pick<OutputFormat, 'kind' | 'extension'>, at: FileTarget): string {
  const lang = at.lang === 'ja' ? [] : [at.lang];
  if (at.plan === undefined) {
    return `${[format.kind, formatFiscalYear(at.year), ...lang].join('-')}.${format.extension}`;
  }
  const parts = [at.plan, formatFiscalYear(at.year), at.draft ? 'draft' : `ed${at.edition ?? 1}`];
  if (format.kind === 'data') parts.push(format.kind);
  return `${[...parts, ...lang].join('-').replace(/[^A-Za-z0-9.-]/g, '_')}.${format.extension}`;
}
