import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath } from '../../src/render/pdf/chromium-path.ts';
import { CHROMIUM_ARGS, type PdfPrinter } from '../../src/render/pdf/printer.ts';
import type { Store } from '../../src/store/connect.ts';
import { createApp } from '../../src/web/app.ts';
import { systemClock } from '../../src/web/clock.ts';
import { staffPaths } from '../../src/web/routes/staff/paths.ts';

/** The app on a real port on 127.0.0.1 and a Chromium to drive it, as the end-to-end suites use them. */
export interface BrowserRig {
  readonly base: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserRig(
  store: Store,
  printer: (() => Promise<PdfPrinter>) | null = null,
  /** 0 for any free port; a shared machine may give each person a range (SHINCHOKU_TEST_PORT). */
  port = Number(process.env.SHINCHOKU_TEST_PORT ?? 0),
): Promise<BrowserRig> {
  const app = createApp({ store, clock: systemClock, printer, secureCookies: false });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium
    .launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      await new Promise((resolve) => server.close(resolve));
      throw error;
    });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const mainText = (page: Page): Promise<string> => page.locator('main').innerText();

/**
 * A staff account as a test signs in with it. `newPassword` is for an account whose password someone else
 * chose: signing in must lead to the change-password page, and the test sets this one there.
 */
export interface Account {
  readonly login: string;
  readonly password: string;
  readonly newPassword?: string;
}

/** Fills in and sends the login form, and waits to be let in, wherever the site leads. */
export async function logIn(context: BrowserContext, base: string, account: Account): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${staffPaths.login()}`);
  await page.getByLabel('ログインID').fill(account.login);
  await page.getByLabel('パスワード').fill(account.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return page;
}

/** Signs in; an account with a `newPassword` must be sent to change its password, any other must not. */
export async function signIn(context: BrowserContext, base: string, account: Account): Promise<Page> {
  const page = await logIn(context, base, account);
  const forced = new URL(page.url()).pathname === staffPaths.password();
  expect(forced, `${account.login} is sent to change the password`).toBe(account.newPassword !== undefined);
  if (account.newPassword !== undefined) {
    await page.getByLabel('現在のパスワード').fill(account.password);
    await page.getByLabel('新しいパスワード', { exact: true }).fill(account.newPassword);
    await page.getByLabel('新しいパスワード（確認）').fill(account.newPassword);
    await page.getByRole('button', { name: 'パスワードを変更' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'password-changed');
  }
  return page;
}

/**
 * On a year's publish page where `pending` KPIs are not approved: ticks that the office knows, gives the
 * reason, publishes and lands on the page that says so.
 */
export async function publishUnapproved(page: Page, pending: number, reason: string): Promise<void> {
  await page
    .getByLabel(`承認していない数値目標が${pending}件あることを確認したうえで、このまま公表します`)
    .check();
  await page.getByLabel('承認前に公表する理由').fill(reason);
  await page.getByRole('button', { name: '公表する', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('done') === 'published');
  expect(await mainText(page)).toContain('公表しました。');
}
