import type { Row } from './row.ts';

/** What each part of the bench hands back: its table rows and everything it measured, for the file. */
export interface SectionResult {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}
