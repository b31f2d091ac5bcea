/**
 * Parts of a page that follow from a kept value (a comparison the edition cache holds) and a few
 * choices, not from the whole address: a comparable-KPI page is 1,741 rows and two charts, and a new
 * address (another highlighted municipality, a stray query) would otherwise draw all of it again.
 * They are kept beside the value itself, so they go when the edition cache lets the value go, and a
 * publication, which replaces the value, can never be answered with parts of the old one.
 */
export class KeptParts<T> {
  readonly #byOwner = new WeakMap<object, Map<string, T>>();

  /** `most`: parts kept per value; the one used longest ago goes first. */
  constructor(private readonly most: number) {}

  get(owner: object, key: string, make: () => T): T {
    let parts = this.#byOwner.get(owner);
    if (!parts) {
      parts = new Map();
      this.#byOwner.set(owner, parts);
    }
    const found = parts.get(key);
    if (found !== undefined) {
      // Used again: to the back of the line.
      parts.delete(key);
      parts.set(key, found);
      return found;
    }
    const made = make();
    parts.set(key, made);
    if (parts.size > this.most) {
      const oldest = parts.keys().next();
      if (!oldest.done) parts.delete(oldest.value);
    }
    return made;
  }
}
