import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { smtpMailer, type Mailer } from '../../src/web/mail/mailer.ts';
import type { EmailAddress } from '../../src/core/email-address.ts';

/** A message as the SMTP server received it: the envelope, and the raw text (ASCII on the wire). */
export interface Received {
  readonly from: string | null;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly messages: Received[];
  /** Waits until at least n messages arrived (or fails after a few seconds). */
  waitFor(n: number): Promise<Received[]>;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./smtp-sink.ts', import.meta.url));

/** Starts test/support/smtp-sink.ts as a child process and reads what it receives. */
export async function startSmtpSink(port: number): Promise<SmtpSink> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: Received[] = [];
  let buffered = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the SMTP server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as Received & { listening?: number };
        buffered = buffered.slice(newline + 1);
        if (line.listening) resolve();
        else messages.push(line);
      }
    });
  });
  await listening;
  return {
    port,
    messages,
    async waitFor(n) {
      for (let i = 0; i < 100 && messages.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      return messages;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The app's own SMTP mailer, pointed at a port on this machine. */
export const mailerAt = (port: number): Mailer =>
  smtpMailer({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: null,
    from: 'shinchoku@city.example.lg.jp' as EmailAddress,
    baseUrl: 'https://shinchoku.city.example.lg.jp',
  });

/** RFC 2047 encoded words (=?UTF-8?B?…?= and ?Q?), as a header carries non-ASCII text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

export interface DecodedMail {
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
}

/** A single-part text mail decoded as a mail client would: headers unfolded, the body from its transfer encoding. */
export function decodeMail(raw: string): DecodedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          )
        : Buffer.from(body, 'latin1');
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd(),
  };
}
