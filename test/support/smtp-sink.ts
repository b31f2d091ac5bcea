/**
 * A real SMTP server for the tests, in its own process: smtp-server (nodemailer's own server) on
 * 127.0.0.1 at the port given, writing each message it receives to stdout as one JSON line with the
 * envelope and the raw message exactly as sent. A recipient whose address starts with "refuse" is
 * answered 550, as a server refusing a mailbox would.
 *
 *   node --import tsx test/support/smtp-sink.ts 2525
 */
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2]);
const server = new SMTPServer({
  authOptional: true,
  // No TLS: the test talks to it over the loopback, as the app would to a relay on a closed network.
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith('refuse')) {
      const error = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 });
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const from = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
      const to = session.envelope.rcptTo.map((r) => r.address);
      process.stdout.write(
        `${JSON.stringify({ from, to, raw: Buffer.concat(chunks).toString('latin1') })}\n`,
      );
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ listening: port })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
