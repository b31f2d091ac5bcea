import { evaluatePlanFile } from '../evaluate-file.ts';
import { join } from 'node:path';
import { ShinchokuError } from '../../core/errors.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { renderReportHtml } from '../../render/html/report.ts';
import type { Messages } from '../../render/messages.ts';
import { launchPdfPrinter, type PdfPrinter } from '../../render/pdf/printer.ts';
import { renderReportPptx } from '../../render/pptx/report.ts';
import { renderReportXlsx } from '../../render/xlsx/report.ts';
import type { DeckOptions } from '../../render/slides.ts';
import { messagesFor } from '../../render/messages.ts';
import { makeFolders, writeFileAtomic } from '../files.ts';
import type { Io } from '../io.ts';
import { langOption, onePlanPath, parseCommandArgs, yearOption } from '../options.ts';
import { terminalProgress, type Progress } from '../progress.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'pptx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportHelp = `shinchoku report PLAN [--year R4] [--out DIR] [--format html,pdf,pptx,xlsx] [--lang ja|en]
                       [--diagnostics]

Writes the implementation report (実施報告) for one fiscal year, in every format the office uses, all from
the same evaluation:
  html   one self-contained file: fonts and charts inline, works offline, accessible, printable
  pdf    printed from that HTML by headless Chromium (apt-get install chromium fonts-noto-cjk)
  pptx   editable PowerPoint: native tables and text boxes, the same slides as the PDF
  xlsx   a workbook with live formulas for progress and rates, one sheet per goal
  --year    the fiscal year (R4, 令和4年度, 2022); by default the latest year with data
  --out     the folder to write to (default: out)
  --format  a comma-separated list (default: all four)
  --lang    ja (default) or en
  --diagnostics  add the reviewers' pages (点検事項) to the HTML, PDF and PowerPoint: for drafts,
                 never for the published report`;

/** The browser is started only when a PDF is wanted, and once for however many PDFs. */
export type PrinterLauncher = () => Promise<PdfPrinter>;

export function parseFormats(value: string | undefined): ReportFormat[] {
  if (value === undefined) return [...REPORT_FORMATS];
  const requested = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = requested.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || requested.length === 0) {
    throw new ShinchokuError('usage', `--format takes ${REPORT_FORMATS.join(', ')}; got 「${value}」.`);
  }
  return REPORT_FORMATS.filter((f) => requested.includes(f));
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export async function reportCommand(
  args: readonly string[],
  io: Io,
  launch: PrinterLauncher = launchPdfPrinter,
): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, {
    year: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    diagnostics: { type: 'boolean' },
  });
  const path = onePlanPath('report', positionals);
  const formats = parseFormats(values.format);
  const messages = messagesFor(langOption(values.lang));
  const outDir = values.out ?? 'out';

  const evaluation = await evaluatePlanFile(path, yearOption(values.year), io);
  await outputFolder(outDir);
  const base = join(
    outDir,
    `report-${formatFiscalYear(evaluation.year)}${messages.lang === 'ja' ? '' : `-${messages.lang}`}`,
  );
  const deck = { diagnostics: values.diagnostics === true };
  const written = await writeReport(evaluation, messages, formats, base, terminalProgress(io), launch, deck);
  io.out(written.files.map((f) => f + '\n').join(''));
  if (written.browserError) {
    io.err(`error: ${written.browserError.message}\n`);
    if (written.browserError.hint) io.err(`hint: ${written.browserError.hint}\n`);
    io.err('The other formats were written.\n');
    return written.browserError.exitCode;
  }
  return 0;
}

/** The folder is made, or found unusable, before seconds are spent rendering into it. */
async function outputFolder(folder: string): Promise<void> {
  try {
    await makeFolders(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ShinchokuError(
      'output-unwritable',
      code === 'ENOTDIR' || code === 'EEXIST'
        ? `--out ${folder} is a file; the report needs a folder to write its files in.`
        : `Could not create the folder ${folder}: ${code ?? (error as Error).message}.`,
      'Choose a folder you can write to with --out.',
    );
  }
}

interface Written {
  files: string[];
  /** Set when Chromium could not be started: the PDF is missing but the rest was written. */
  browserError: ShinchokuError | null;
}

/** Writes each requested format from the one evaluation; a missing browser costs only the PDF. */
export async function writeReport(
  evaluation: Evaluation,
  messages: Messages,
  formats: readonly ReportFormat[],
  base: string,
  progress: Progress,
  launch: PrinterLauncher,
  deck: DeckOptions = {},
): Promise<Written> {
  const files: string[] = [];
  const save = async (ext: string, data: string | Uint8Array) => {
    const file = `${base}.${ext}`;
    await writeFileAtomic(file, data);
    files.push(file);
    return { file, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength };
  };
  const done = ({ file, bytes }: { file: string; bytes: number }) => `wrote ${file} (${size(bytes)})`;
  let browserError: ShinchokuError | null = null;

  const needsHtml = formats.includes('html') || formats.includes('pdf');
  const html = needsHtml
    ? await progress.step(
        'Rendering HTML',
        async () => renderReportHtml(evaluation, messages, deck),
        (h) => `${size(Buffer.byteLength(h))}`,
      )
    : '';
  if (formats.includes('html')) await progress.step('Writing HTML', () => save('html', html), done);
  if (formats.includes('pdf')) {
    try {
      const printer = await progress.step('Starting the browser', launch, () => 'ready');
      try {
        const pdf = await progress.step(
          'Printing PDF',
          () => printer.print(html),
          (b) => size(b.byteLength),
        );
        await progress.step('Writing PDF', () => save('pdf', pdf), done);
      } finally {
        await printer.close();
      }
    } catch (error) {
      if (!(error instanceof ShinchokuError) || error.id !== 'browser-missing') throw error;
      browserError = error;
    }
  }
  if (formats.includes('pptx')) {
    await progress.step(
      'Writing PowerPoint',
      async () => save('pptx', await renderReportPptx(evaluation, messages, deck)),
      done,
    );
  }
  if (formats.includes('xlsx')) {
    await progress.step(
      'Writing Excel',
      async () => save('xlsx', await renderReportXlsx(evaluation, messages)),
      done,
    );
  }
  return { files, browserError };
}
