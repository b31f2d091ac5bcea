/**
 * Element ids numbered in document order, so the same evaluation always yields the same HTML and the
 * golden files stay stable; a random or global counter would change them from run to run.
 */
export class IdSource {
  private readonly counts = new Map<string, number>();

  next(prefix: string): string {
    const n = (this.counts.get(prefix) ?? 0) + 1;
    this.counts.set(prefix, n);
    return `${prefix}${n}`;
  }
}
