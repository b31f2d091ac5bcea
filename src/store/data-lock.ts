import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ShinchokuError } from '../core/errors.ts';

/**
 * One writer per embedded database. PGlite keeps the whole database in its own process's memory and
 * writes its files back on its own schedule, so a second process on the same folder works on a copy
 * and one of them silently overwrites the other (PGlite writes a postmaster.pid, but with a fixed
 * fake pid that nothing checks). Whoever opens the folder holds this lock file until it closes or exits.
 */
export const LOCK_FILE = 'shinchoku.lock';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  /** When the holder took the lock (ISO 8601). */
  readonly since: string;
  /** The boot and the process start time (Linux), so a pid reused after a crash is not taken for the holder. */
  readonly boot: string | null;
  readonly started: string | null;
  /** Tells this holder's file from a later one's. */
  readonly token: string;
}

export interface DataLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this lock's; safe to call more than once. */
  release(): void;
}

const held = new Map<string, DataLock>();
const ATTEMPTS = 3;

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

const bootId = (): string | null => readText('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. */
function startTimeOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder is certainly gone: only then may its lock be taken over. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  const boot = bootId();
  if (holder.boot !== null && boot !== null && holder.boot !== boot) return true;
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return true;
  // Our own pid in a file we do not hold: a process before a restart had it (containers reuse low pids).
  if (holder.pid === process.pid) return true;
  if (!isAlive(holder.pid)) return true;
  const started = startTimeOf(holder.pid);
  return holder.started !== null && started !== null && started !== holder.started;
}

function parseHolder(text: string | null): LockHolder | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return {
      pid: value.pid,
      host: value.host,
      command: String(value.command ?? ''),
      since: String(value.since ?? ''),
      boot: typeof value.boot === 'string' ? value.boot : null,
      started: typeof value.started === 'string' ? value.started : null,
      token: String(value.token ?? ''),
    };
  } catch {
    return null;
  }
}

/** What ran us, for the message another process shows: `shinchoku import plan.yaml --data ./data`. */
export function describeCommand(argv: readonly string[] = process.argv): string {
  const [, script, ...args] = argv;
  const name = script === undefined ? 'node' : relative(process.cwd(), script) || script;
  const shown = /(^|\/)bin\/shinchoku(\.js)?$/.test(name) ? 'shinchoku' : name;
  // A URL in the arguments may carry a password.
  const text = [shown, ...args].join(' ').replace(/\/\/([^:/@\s]+):[^@\s]*@/g, '//$1:***@');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function refusal(dir: string, path: string, holder: LockHolder | null): ShinchokuError {
  const who = holder
    ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`} (${holder.command || 'unknown command'}), since ${holder.since}`
    : `another process (its lock file ${path} cannot be read)`;
  const lines = [
    'Shinchoku lets one process at a time use the embedded database, so that no write is lost. Instead:',
    '  - stop that process first (the server stops with Ctrl+C), then run this again;',
    '  - or, while the server runs, import through its web page: /staff/import;',
    '  - or use a PostgreSQL server, which many processes can share: set DATABASE_URL or pass --db URL.',
  ];
  if (holder === null || holder.host !== hostname())
    lines.push(`If that process is gone for good, delete ${path} and run this again.`);
  return new ShinchokuError(
    'store-locked',
    `The embedded database in ${dir} is in use by ${who}.`,
    null,
    lines,
    holder ? { pid: holder.pid, host: holder.host, command: holder.command, since: holder.since } : {},
  );
}

/**
 * Takes the lock on a PGlite data folder, or refuses with a message naming the process that holds it.
 * The file is written whole under a temporary name and linked into place, which fails if the lock
 * exists: no one ever reads half a lock. A lock whose process is gone is moved aside (a rename, which
 * only one process can win) and taken over.
 */
export function lockDataDir(dataDir: string, command: string = describeCommand()): DataLock {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  if (held.has(path)) throw refusal(dataDir, path, held.get(path)?.holder ?? null);
  mkdirSync(dir, { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command,
    since: new Date().toISOString(),
    boot: bootId(),
    started: startTimeOf(process.pid),
    token: randomBytes(8).toString('hex'),
  };
  const draft = `${path}.${process.pid}.${holder.token}`;
  writeFileSync(draft, JSON.stringify(holder) + '\n', { flag: 'wx' });
  try {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        linkSync(draft, path);
        return remember(path, holder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readText(path);
      const current = parseHolder(text);
      // Unreadable but present: written by something else, or being replaced right now; not ours to take.
      if (current === null || !isStale(current)) {
        if (text === null) continue;
        throw refusal(dataDir, path, current);
      }
      takeOver(path, text ?? '');
    }
    throw refusal(dataDir, path, parseHolder(readText(path)));
  } finally {
    try {
      unlinkSync(draft);
    } catch {
      // Already gone.
    }
  }
}

/** Moves a stale lock aside; if what was moved turns out to be a fresh lock, it is put back. */
function takeOver(path: string, staleText: string): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // Someone else moved it first; the next attempt sees what is there now.
  }
  if (readText(aside) === staleText) {
    unlinkSync(aside);
    return;
  }
  try {
    linkSync(aside, path);
  } catch {
    // A third process took the place meanwhile; the next attempt reads its lock.
  }
  unlinkSync(aside);
}

function remember(path: string, holder: LockHolder): DataLock {
  const lock: DataLock = {
    path,
    holder,
    release() {
      if (held.get(path) !== lock) return;
      held.delete(path);
      if (held.size === 0) stopWatchingExit();
      if (parseHolder(readText(path))?.token !== holder.token) return;
      try {
        unlinkSync(path);
      } catch {
        // Removed by hand already.
      }
    },
  };
  held.set(path, lock);
  watchExit();
  return lock;
}

const releaseAll = () => {
  for (const lock of [...held.values()]) lock.release();
};

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * On a signal nobody else handles, the lock is removed and the signal raised again, so the process
 * still ends as the signal says. Where the program has its own handler (the server's graceful stop),
 * that handler decides when to exit, and the exit hook removes the lock then.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  releaseAll();
  stopWatchingExit();
  process.kill(process.pid, signal);
}

let watching = false;

function watchExit(): void {
  if (watching) return;
  watching = true;
  process.on('exit', releaseAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function stopWatchingExit(): void {
  if (!watching) return;
  watching = false;
  process.off('exit', releaseAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
