/**
 * Rendered report files by edition. A published edition never changes (a correction is a new
 * edition, and a plan with editions cannot be deleted), so a file rendered once is the file for
 * good; PowerPoint and Excel take seconds to render, which each citizen need not pay again. The
 * least recently used file goes first, and a failed render is forgotten so the next request retries.
 */
export class RenderCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get(key: string, render: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const rendering = render().catch((error: unknown) => {
      if (this.entries.get(key) === rendering) this.entries.delete(key);
      throw error;
    });
    this.entries.set(key, rendering);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return rendering;
  }
}
