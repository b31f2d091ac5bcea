import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process, capturing what it writes. */
export async function runCli(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}
