import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';

/** The options our printer passes, so both print the same document the same way. */
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;

export const launchBareChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });

/**
 * The floor for our PDF: Chromium opening the same HTML from a file and printing it, with nothing of
 * ours around it (no offline context, no request blocking, no wait for fonts).
 */
export async function printFile(browser: Browser, file: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return await page.pdf(PDF_OPTIONS);
  } finally {
    await page.close();
  }
}

/** The floor from cold: a new browser for the one document. */
export async function printFileCold(file: string): Promise<Buffer> {
  const browser = await launchBareChromium();
  try {
    return await printFile(browser, file);
  } finally {
    await browser.close();
  }
}
