import { formatPath, type PathSegment } from '../../plan-file/problem.ts';
import type { MasterPlace } from './problem.ts';

/** Paths of the plan-file value, mapped back to the cells they came from. */
export class PlaceMap {
  private readonly values = new Map<string, MasterPlace>();
  private readonly keys = new Map<string, MasterPlace>();

  set(path: readonly PathSegment[], place: MasterPlace): void {
    this.values.set(formatPath(path), place);
  }

  /** The cell a mapping key came from (the 年度 of an actual or an assessment). */
  setKey(path: readonly PathSegment[], place: MasterPlace): void {
    this.keys.set(formatPath(path), place);
  }

  /** The place of the nearest value the path passes through; the sheet alone when there is none. */
  find(path: readonly PathSegment[], key: boolean, fallback: MasterPlace | null): MasterPlace | null {
    for (let depth = path.length; depth >= 0; depth--) {
      const at = formatPath(path.slice(0, depth));
      const found = (key ? this.keys.get(at) : undefined) ?? this.values.get(at);
      if (found) return found;
    }
    return fallback;
  }
}
