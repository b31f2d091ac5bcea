/** Where a command writes. The real one is the process's streams; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal, so a progress bar may redraw its line; plain lines otherwise (logs, CI). */
  readonly errIsTty?: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
};
