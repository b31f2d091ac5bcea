/**
 * Where a plan's text comes from, which decides the rules it is read under.
 *
 * - `file`: written by a person or another tool (an import, an upload, `validate`). Every rule applies.
 * - `stored`: written by Shinchoku itself earlier, such as an edition frozen at publication. Its shape is
 *   still checked, but rules added since it was written are not: text-field limits and characters, the
 *   reason list and the qualifier rule (a stored reason such as 「約4000件」 stays the reason it was),
 *   and the file size limit. A rule added later must never make what was published unreadable.
 */
export type PlanOrigin = 'file' | 'stored';
