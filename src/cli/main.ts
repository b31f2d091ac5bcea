import { ERROR_CATALOG, ShinchokuError } from '../core/errors.ts';
import { asStoreError } from '../store/db-errors.ts';
import { COMMANDS } from './commands.ts';
import { processIo, type Io } from './io.ts';

/** An unexpected error's message is shown, but never a whole page of it. */
const MESSAGE_LIMIT = 500;

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Shinchoku (進捗): KPI evaluation and implementation reports for municipal strategies.

Usage: shinchoku <command> [options]

Commands:
${lines.join('\n')}
  help        show a command's options: shinchoku help evaluate
`;
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] ? COMMANDS[args[0]] : undefined;
    io.out(topic ? (await topic.load()).help + '\n' : usage());
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry)
    throw new ShinchokuError(
      'usage',
      `There is no command 「${name}」.`,
      'Run `shinchoku help` for the list.',
    );
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help + '\n');
    return 0;
  }
  return command.run(args, io);
}

/**
 * Runs one CLI invocation and returns its exit code: the only place errors become output. A
 * ShinchokuError prints its message and hint; anything else is a bug, reported without a stack trace
 * unless SHINCHOKU_DEBUG is set.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // A database error carries the statement and every value in it: only its id and code are shown.
    const known =
      error instanceof ShinchokuError ? error : asStoreError(error, (line) => io.err(`${line}\n`));
    if (known) {
      io.err(`error: ${known.message}\n`);
      for (const line of known.details) io.err(line + '\n');
      if (known.hint) io.err(`hint: ${known.hint}\n`);
      return known.exitCode;
    }
    const message = (error as Error)?.message ?? String(error);
    io.err(`error: an internal error stopped Shinchoku: ${message.slice(0, MESSAGE_LIMIT)}\n`);
    io.err(
      'hint: please report this with the command you ran; set SHINCHOKU_DEBUG=1 to see the stack trace.\n',
    );
    if (process.env.SHINCHOKU_DEBUG) io.err(`${(error as Error)?.stack ?? ''}\n`);
    return ERROR_CATALOG.internal.exitCode;
  }
}
