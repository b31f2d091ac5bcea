import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportHtml } from '../../src/render/html/report.ts';
import { messagesFor } from '../../src/render/messages.ts';
import { launchPdfPrinter } from '../../src/render/pdf/printer.ts';
import { renderReportPptx } from '../../src/render/pptx/report.ts';
import { renderReportXlsx } from '../../src/render/xlsx/report.ts';
import type { Row } from '../lib/row.ts';
import { median } from '../lib/stats.ts';
import { launchBareChromium, printFile, printFileCold } from './chromium-floor.ts';
import { kitamotoEvaluation } from './kitamoto.ts';
import { convertWithLibreOffice, hasLibreOffice } from './libreoffice.ts';
import { timedPair, timedWarm, type Warm } from './timing.ts';

export interface ReportBenchConfig {
  /** Repetitions after the first (cold) call of each format, and of the warm PDF pair. */
  readonly warmRuns: number;
  /** Browser starts for the cold PDF pair. */
  readonly coldRuns: number;
  /** LibreOffice conversions, each with a fresh profile. */
  readonly officeRuns: number;
}

export interface ReportBenchResult {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}

const FLOOR_GOAL = '≤ 1.2× floor';
const FLOOR_RATIO = 1.2;

function assertPdf(bytes: Buffer, who: string): void {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${who} did not write a PDF`);
}

/** Issue 12: a deck or workbook of the seed, warm, within a second. */
const OFFICE_GOAL_MS = 1000;

function formatRow(name: string, times: Warm, bytes: number, goalMs?: number): Row {
  const value = median(times.warm);
  return {
    section: 'report',
    name,
    unit: 'ms',
    value,
    anchor: null,
    goal: goalMs === undefined ? null : { text: `≤ ${goalMs / 1000} s`, met: value <= goalMs },
    note: `first call in the process (cold): ${times.first.toFixed(0)} ms; ${(bytes / 1024).toFixed(0)} KiB`,
    runs: times.warm,
  };
}

function pdfRow(name: string, anchor: string, ours: number[], floor: number[]): Row {
  const value = median(ours);
  const floorValue = median(floor);
  return {
    section: 'report',
    name,
    unit: 'ms',
    value,
    anchor: { name: anchor, value: floorValue },
    goal: { text: FLOOR_GOAL, met: value <= floorValue * FLOOR_RATIO },
    note: `median of ${ours.length}, run alternately with the floor`,
    runs: ours,
  };
}

/**
 * The Kitamoto report (R4) in every format, in this process; PDFs beside Chromium printing the same
 * HTML from a file (the floor), and beside LibreOffice converting our PPTX (what an office does now).
 */
export async function reportBench(config: ReportBenchConfig): Promise<ReportBenchResult> {
  const evaluation = await kitamotoEvaluation();
  const messages = messagesFor('ja');
  const dir = await mkdtemp(join(tmpdir(), 'shinchoku-report-'));
  try {
    const html = await timedWarm(config.warmRuns, async () => renderReportHtml(evaluation, messages));
    const pptx = await timedWarm(config.warmRuns, () => renderReportPptx(evaluation, messages));
    const xlsx = await timedWarm(config.warmRuns, () => renderReportXlsx(evaluation, messages));
    const htmlFile = join(dir, 'report.html');
    const pptxFile = join(dir, 'report.pptx');
    await writeFile(htmlFile, html.result);
    await writeFile(pptxFile, pptx.result);

    const printer = await launchPdfPrinter();
    const browser = await launchBareChromium();
    let pdfBytes = 0;
    const warm = await (async () => {
      try {
        return await timedPair(
          config.warmRuns,
          async () => {
            const pdf = await printer.print(html.result);
            assertPdf(pdf, 'the printer');
            pdfBytes = pdf.length;
          },
          async () => assertPdf(await printFile(browser, htmlFile), 'Chromium'),
        );
      } finally {
        await Promise.all([printer.close(), browser.close()]);
      }
    })();
    const cold = await timedPair(
      config.coldRuns,
      async () => {
        const coldPrinter = await launchPdfPrinter();
        try {
          assertPdf(await coldPrinter.print(html.result), 'the printer');
        } finally {
          await coldPrinter.close();
        }
      },
      async () => assertPdf(await printFileCold(htmlFile), 'Chromium'),
      false,
    );

    const rows: Row[] = [
      formatRow('HTML, warm', html, Buffer.byteLength(html.result)),
      pdfRow('PDF, warm (browser kept open)', 'Chromium file:// → PDF, warm', warm.first, warm.second),
      pdfRow('PDF, cold (new browser)', 'Chromium file:// → PDF, cold', cold.first, cold.second),
      formatRow('PPTX, warm', pptx, pptx.result.length, OFFICE_GOAL_MS),
      formatRow('XLSX, warm', xlsx, xlsx.result.length, OFFICE_GOAL_MS),
    ];
    const office: number[] = [];
    if (await hasLibreOffice()) {
      for (let i = 0; i < config.officeRuns; i++) {
        const start = performance.now();
        await convertWithLibreOffice(pptxFile);
        office.push(performance.now() - start);
      }
      const ours = median(html.warm) + median(cold.first);
      rows.push({
        section: 'report',
        name: 'PDF from the evaluation, cold',
        unit: 'ms',
        value: ours,
        anchor: { name: 'LibreOffice: our PPTX → PDF', value: median(office) },
        goal: null,
        note: `ours: HTML (warm) + PDF (new browser); LibreOffice: fresh profile, median of ${office.length}`,
        runs: [],
      });
    }
    return {
      rows,
      details: {
        html: { first: html.first, warm: html.warm, bytes: Buffer.byteLength(html.result) },
        pptx: { first: pptx.first, warm: pptx.warm, bytes: pptx.result.length },
        xlsx: { first: xlsx.first, warm: xlsx.warm, bytes: xlsx.result.length },
        pdf: { bytes: pdfBytes, warm: warm.first, cold: cold.first },
        chromiumFloor: { warm: warm.second, cold: cold.second },
        libreOffice: office,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
