import type { Browser, BrowserContext } from 'playwright-core';
import { ShinchokuError } from '../../core/errors.ts';
import { CHROMIUM_HINT, chromiumPath, INSTALL_COMMAND } from './chromium-path.ts';

/** Turns a self-contained HTML document into a PDF. One printer serves many documents. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PdfPrinterOptions {
  /** The browser to drive; by default SHINCHOKU_CHROMIUM or /usr/bin/chromium. */
  readonly executablePath?: string;
  /** Milliseconds allowed for loading and printing one document. */
  readonly timeout?: number;
}

/**
 * Chromium runs headless and quiet: no first-run, sync, component or background traffic, since the
 * report must print on a closed network and the same way every time. Playwright gives the browser a
 * fresh profile in a temporary directory of its own and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Every face the document declares is one its text uses (the report embeds only those), so loading
 * them all and then waiting for the set to settle leaves no glyph to a fallback font.
 */
const FONTS_LOADED = `(async () => {
  document.body.getBoundingClientRect();
  await Promise.all(Array.from(document.fonts, (face) => face.load()));
  await document.fonts.ready;
})()`;

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

class ChromiumPrinter implements PdfPrinter {
  constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly timeout: number,
  ) {}

  async print(html: string): Promise<Buffer> {
    const page = await this.context.newPage();
    try {
      page.setDefaultTimeout(this.timeout);
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(FONTS_LOADED);
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Starts the browser once; print as many documents as needed, then close it. */
export async function launchPdfPrinter(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
  const executablePath = chromiumPath(options.executablePath);
  let browser: Browser;
  try {
    // Loaded with the first PDF: playwright-core is about 50 MB resident that a server without PDFs never needs.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new ShinchokuError(
      'browser-missing',
      `Chromium at ${executablePath} could not be started (${firstLine(error)}). Install it with: ${INSTALL_COMMAND}`,
      CHROMIUM_HINT,
    );
  }
  try {
    // The page's own script only dismisses tooltips; a printed page needs none, and plan text is never run.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    return new ChromiumPrinter(browser, context, options.timeout ?? 60_000);
  } catch (error) {
    await browser.close();
    throw error;
  }
}
