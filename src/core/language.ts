/**
 * The languages every output is written in: Japanese, the plan's own, and English for readers abroad.
 * A domain fact, not a rendering one: the plan's translations, a user's mail and every page name them.
 */
export type Lang = 'ja' | 'en';

export const LANGS: readonly Lang[] = ['ja', 'en'];
