/**
 * Parts of a page that follow from a kept value (a comparison the edition cache holds) and a few
 * choices, not from the whole address: a comparable-KPI page is 1,741 rows and two charts, and a new
 * address (another highlighted municipality, a stray query) would otherwise draw all of it again.
 *
 * A part is keyed by its value's identity, so a publication, which replaces the value, is never answered
 * with parts of the old one. The parts live outside the edition cache's byte count, so they have a budget
 * of their own: the part used longest ago goes first, and a part over the whole budget is not kept.
 */
export class KeptParts<T> {
  readonly #ids = new WeakMap<object, number>();
  #lastId = 0;
  readonly #parts = new Map<string, { readonly value: T; readonly bytes: number }>();
  #bytes = 0;

  /** `budget` in bytes, as `bytesOf` estimates a part. */
  constructor(
    private readonly budget: number,
    private readonly bytesOf: (part: T) => number,
  ) {}

  get(owner: object, key: string, make: () => T): T {
    let id = this.#ids.get(owner);
    if (id === undefined) {
      id = ++this.#lastId;
      this.#ids.set(owner, id);
    }
    const at = `${id} ${key}`;
    const found = this.#parts.get(at);
    if (found !== undefined) {
      // Used again: to the back of the line.
      this.#parts.delete(at);
      this.#parts.set(at, found);
      return found.value;
    }
    const value = make();
    const bytes = this.bytesOf(value);
    if (bytes > this.budget) return value;
    this.#parts.set(at, { value, bytes });
    this.#bytes += bytes;
    // Each turn lets one part go, and the one just kept fits the budget alone: the loop ends.
    for (const [oldest, part] of this.#parts) {
      if (this.#bytes <= this.budget) break;
      this.#parts.delete(oldest);
      this.#bytes -= part.bytes;
    }
    return value;
  }

  /** What the kept parts weigh, by `bytesOf`. */
  get bytes(): number {
    return this.#bytes;
  }
}

/** A JavaScript string's weight: two bytes a UTF-16 code unit. */
export const textBytes = (text: string): number => text.length * 2;
