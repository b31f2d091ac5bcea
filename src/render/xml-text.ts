/**
 * Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; lone surrogates;
 * U+FFFE and U+FFFF. An Office file or an SVG with one is refused whole (PowerPoint offers to repair
 * it, resvg fails), so the formats written as XML drop them. The readers refuse them in new input;
 * this keeps a file whole whatever a stored text holds.
 */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export const xmlText = (text: string): string => text.replace(NOT_XML, '');

/**
 * A deep copy of plain data (an Evaluation) with every string made fit for XML. Objects shared in the
 * input are shared in the copy, so code that compares a KPI by identity still finds it.
 */
export function xmlSafe<T>(value: T): T {
  const copies = new WeakMap<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return xmlText(v);
    if (v === null || typeof v !== 'object') return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const item of v) out.push(copy(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const [key, item] of Object.entries(v)) out[key] = copy(item);
    // An evaluation's results compute their history, trajectories and diagnostics when first read, as
    // getters of their class (core/lazy-results.ts): the copy takes them as values.
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        if (d.get) out[key] = copy((v as Record<string, unknown>)[key]);
      }
    }
    return out;
  };
  return copy(value) as T;
}
