import { parseArgs } from 'node:util';
import type { Section } from './row.ts';

export const SECTIONS = ['engine', 'report', 'web', 'collect', 'bulk'] as const satisfies readonly Section[];
export type BenchSection = (typeof SECTIONS)[number];

export interface BenchArgs {
  /** Tiny data and few runs: keeps the bench working in CI, says little about speed. */
  readonly quick: boolean;
  readonly sections: readonly BenchSection[];
}

const isSection = (name: string): name is BenchSection => (SECTIONS as readonly string[]).includes(name);

/** `[--quick] [--only engine,report,web,collect,bulk]`; web includes the memory figures. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.only === undefined) return { quick: values.quick, sections: SECTIONS };
  const names = values.only.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !isSection(n));
  if (unknown.length > 0) throw new Error(`--only takes ${SECTIONS.join(', ')}; got ${unknown.join(', ')}`);
  return { quick: values.quick, sections: SECTIONS.filter((s) => names.includes(s)) };
}
