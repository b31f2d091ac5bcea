import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ShinchokuError } from '../core/errors.ts';
import { launchPdfPrinter } from '../render/pdf/printer.ts';
import { DEFAULT_DATA_DIR, openStore } from '../store/connect.ts';
import { createApp, requestListener } from './app.ts';
import { trustedProxiesFromEnv } from './auth/client-address.ts';
import { mailConfigFromEnv } from './mail/config.ts';
import { smtpMailer } from './mail/mailer.ts';
import { systemClock } from './clock.ts';
import { firstStart, type FirstStart } from './first-start.ts';
import { sharedPrinter } from './shared-printer.ts';

/**
 * `npm start`: the web app on http://localhost:3000 (PORT), on the embedded database in ./data
 * (SHINCHOKU_DATA), or on PostgreSQL when DATABASE_URL is set. Bound to the loopback address unless
 * HOST says otherwise, since a first start prints the administrator's password.
 */
const env = process.env;
const port = Number(env.PORT || 3000);
const hostname = env.HOST || '127.0.0.1';
const SHUTDOWN_GRACE_MS = 10_000;

function describeFirstStart(start: FirstStart): string {
  const lines = ['First start:'];
  if (start.samplePlan)
    lines.push(`  loaded the Kitamoto sample (${start.samplePlan}) and published its R4 edition`);
  lines.push(`  administrator login: ${start.login}`);
  lines.push(
    start.generatedPassword === null
      ? '  password: the one in SHINCHOKU_ADMIN_PASSWORD'
      : `  password: ${start.generatedPassword}   (shown only this once; you choose your own at the first sign-in)`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ShinchokuError('usage', `PORT must be a port number; got 「${env.PORT}」.`);
  }
  // Read before the store opens, so a mistyped mail setting stops the start without touching the data.
  const mailConfig = mailConfigFromEnv(env);
  const trustedProxies = trustedProxiesFromEnv(env.SHINCHOKU_TRUSTED_PROXIES);
  const store = await openStore({
    url: env.DATABASE_URL || null,
    dataDir: env.SHINCHOKU_DATA || DEFAULT_DATA_DIR,
  });
  // Several processes started at once on an empty PostgreSQL: one loads the sample and makes the
  // administrator, the others wait for it and find users there.
  const first = await store.exclusively(() =>
    firstStart(store, { adminPassword: env.SHINCHOKU_ADMIN_PASSWORD }),
  );
  const printer = sharedPrinter(() => launchPdfPrinter());
  const mailer = mailConfig ? smtpMailer(mailConfig) : null;
  const app = createApp({
    mailer,
    store,
    clock: systemClock,
    printer: () => printer.get(),
    secureCookies: env.SHINCHOKU_SECURE_COOKIES === '1',
    trustedProxies,
  });
  // @hono/node-server's listener over app.fetch, with the cached public answers sent before it (app.ts).
  const server = createServer(requestListener(app, { hostname }));
  server.listen(port, hostname, () => {
    const info = server.address() as AddressInfo;
    const shown = hostname === '127.0.0.1' || hostname === '::1' ? 'localhost' : hostname;
    console.log(`Shinchoku is running at http://${shown}:${info.port} (${store.engine})`);
    console.log(
      mailer
        ? `Mail: through ${mailer.server}, from ${mailer.from}`
        : 'Mail: no SHINCHOKU_SMTP_URL, so notices stay in the app',
    );
    if (first) console.log(describeFirstStart(first));
    console.log('Press Ctrl+C to stop.');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    // Requests in flight finish; idle keep-alive connections would otherwise hold the server open.
    const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    forced.unref();
    server.close(async () => {
      await printer.close();
      mailer?.close();
      await store.close();
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ShinchokuError) {
    console.error(`error: ${error.message}`);
    if (error.hint) console.error(`hint: ${error.hint}`);
    process.exit(error.exitCode);
  }
  // The stack is for developers (SHINCHOKU_DEBUG=1); the operator gets the one line that says what failed.
  console.error(
    `internal error: the server could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  if (env.SHINCHOKU_DEBUG) console.error(error);
  process.exit(70);
});
