/** The outcome of reading loose text: a value, or a message a person can act on. */
export type Parsed<T> = { ok: true; value: T; notes: string[] } | { ok: false; message: string };

export function parsed<T>(value: T, notes: string[] = []): Parsed<T> {
  return { ok: true, value, notes };
}

export function refused<T = never>(message: string): Parsed<T> {
  return { ok: false, message };
}
