/**
 * Everything the public side derives from published editions, kept between requests: each edition's
 * Evaluation, and each rendered page and download per language. A published edition never changes, but
 * what its pages show does when its plan publishes or withdraws an edition (the year switcher, the "a
 * newer edition exists" notice, the plan list), so every entry carries a tag, its plan's slug or the
 * plan list's, and a publication or withdrawal drops the tag's entries at once.
 *
 * Memory is bounded by an estimate of bytes: the least recently used entry goes first. Concurrent asks
 * for a missing entry share one computation; a failed one is forgotten, so the next ask retries.
 *
 * Another process (a second server, or the CLI, on one PostgreSQL) cannot tell this one what it
 * published. For that, `versionOf` reads a short text by the plan's key (how many editions it has, the
 * newest one's id, the latest withdrawal) at most once per `recheckMs` per plan; when it differs from the
 * last one seen, the plan's entries are dropped. On PGlite the data folder is locked to this process, so
 * no other process can publish and no check is needed.
 */

/** The tag of the plan list's pages: any publication or withdrawal changes them. */
export const PLAN_LIST_TAG = '\u0000plan-list';
/**
 * The tag of what is computed from every plan's editions (the comparisons across municipalities): any
 * publication or withdrawal drops it, and it has no time limit, since its computation is the costly one.
 */
export const ALL_PLANS_TAG = '\u0000all-plans';

export interface EditionCacheOptions {
  /** The estimated bytes kept at most. */
  readonly maxBytes: number;
  /** How long a plan's version, once read, is trusted; Infinity when no other process can publish. */
  readonly recheckMs: number;
  /** The plan's version in the store (null for no plan); only called when recheckMs is finite. */
  readonly versionOf?: (slug: string) => Promise<string | null>;
  /** Every plan's editions' version in the store; only called when recheckMs is finite. */
  readonly allVersionOf?: () => Promise<string>;
  /** How long the plan list's entries live: its titles can change without a publication. */
  readonly planListTtlMs?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly tag: string;
  readonly value: unknown;
  readonly bytes: number;
  readonly expiresAt: number;
}

interface TagState {
  /** Bumped on every invalidation, so a computation that began before it is not kept. */
  generation: number;
  version: string | null | undefined;
  checkedAt: number;
  keys: Set<string>;
  /** Computations under way: the state stays while any might still keep an entry. */
  running: number;
}

export interface Sized<T> {
  readonly value: T;
  readonly bytes: number;
}

/** A rough size of a value kept in memory: its JSON text, times what objects cost over their text. */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return value.length * 2;
  if (value instanceof Uint8Array) return value.byteLength;
  return (JSON.stringify(value)?.length ?? 0) * 3;
}

/** Bytes an entry's key and bookkeeping cost beside its value. */
const OVERHEAD = 256;

export class EditionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly tags = new Map<string, TagState>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: EditionCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The estimated bytes held now. */
  get size(): number {
    return this.bytes;
  }

  get count(): number {
    return this.entries.size;
  }

  private tag(tag: string): TagState {
    let state = this.tags.get(tag);
    if (!state) {
      state = { generation: 0, version: undefined, checkedAt: -Infinity, keys: new Set(), running: 0 };
      this.tags.set(tag, state);
    }
    return state;
  }

  /**
   * Drops the plan's entries and the plan list's: called by whatever published or withdrew in this
   * process, after its transaction committed.
   */
  invalidate(slug: string): void {
    this.drop(slug);
    this.drop(PLAN_LIST_TAG);
    this.drop(ALL_PLANS_TAG);
    // The next request reads the version again, whatever this process saw before.
    const state = this.tags.get(slug);
    if (state) state.checkedAt = -Infinity;
  }

  /** Drops everything, as after a change this process cannot pin to one plan. */
  clear(): void {
    for (const tag of [...this.tags.keys()]) this.drop(tag);
  }

  private drop(tag: string): void {
    const state = this.tags.get(tag);
    if (!state) return;
    state.generation++;
    for (const key of state.keys) this.remove(key);
    state.keys.clear();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    const state = this.tags.get(entry.tag);
    state?.keys.delete(key);
    if (state) this.forgetIdle(entry.tag, state);
  }

  /** A tag with nothing kept, nothing running and no version seen costs nothing to forget: unknown slugs are not hoarded. */
  private forgetIdle(tag: string, state: TagState): void {
    if (state.keys.size === 0 && state.running === 0 && state.version === undefined) this.tags.delete(tag);
  }

  /**
   * Makes sure the plan's entries are those of its current editions, reading its version from the store
   * when the last reading is older than recheckMs. Cheap: one indexed query per plan and interval.
   */
  async refresh(slug: string): Promise<void> {
    const { recheckMs, versionOf } = this.options;
    if (slug === ALL_PLANS_TAG) return this.refreshAll();
    if (!versionOf || !Number.isFinite(recheckMs) || slug === PLAN_LIST_TAG) return;
    const known = this.tags.get(slug);
    const now = this.now();
    if (known && now - known.checkedAt < recheckMs) return;
    if (known) known.checkedAt = now;
    const version = await versionOf(slug);
    // No plan by that slug: nothing of it can be kept, and the address is not remembered.
    if (version === null && !this.tags.has(slug)) return;
    const state = this.tag(slug);
    state.checkedAt = now;
    if (state.version !== undefined && state.version !== version) {
      this.drop(slug);
      this.drop(PLAN_LIST_TAG);
      this.drop(ALL_PLANS_TAG);
    }
    state.version = version;
  }

  /**
   * The entry under key when it may be used with no await at all: present, unexpired, and its tag's
   * version read within recheckMs, so `refresh` would not ask the store now. Otherwise undefined, and the
   * caller takes the ordinary way (refresh, then remember). For the web's fast path.
   */
  fresh<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || !this.checked(entry.tag)) return undefined;
    return this.peek<T>(key);
  }

  /** Whether `refresh(tag)` would return without reading the store: its mirror, kept beside it. */
  private checked(tag: string): boolean {
    const { recheckMs, versionOf, allVersionOf } = this.options;
    // What depends on every plan is checked by refreshAll, through its own reader.
    const reader = tag === ALL_PLANS_TAG ? allVersionOf : versionOf;
    if (!reader || !Number.isFinite(recheckMs) || tag === PLAN_LIST_TAG) return true;
    const known = this.tags.get(tag);
    return known !== undefined && this.now() - known.checkedAt < recheckMs;
  }

  /** As refresh, for what depends on every plan: one read of the newest edition and withdrawal. */
  private async refreshAll(): Promise<void> {
    const { recheckMs, allVersionOf } = this.options;
    if (!allVersionOf || !Number.isFinite(recheckMs)) return;
    const state = this.tag(ALL_PLANS_TAG);
    const now = this.now();
    if (now - state.checkedAt < recheckMs) return;
    state.checkedAt = now;
    const version = await allVersionOf();
    if (state.version !== undefined && state.version !== version) this.drop(ALL_PLANS_TAG);
    state.version = version;
  }

  /** The entry under key, marked as just used; undefined when absent or expired. */
  peek<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value as T;
  }

  /**
   * The entry under key, or the value `compute` gives, kept under the tag unless the tag was invalidated
   * while it was computed or compute says it is not to be kept (null). Those asking at the same time
   * share one computation.
   */
  async remember<T>(key: string, tag: string, compute: () => Promise<Sized<T> | null>): Promise<T | null> {
    const hit = this.peek<T>(key);
    if (hit !== undefined) return hit;
    const running = this.pending.get(key) as Promise<T | null> | undefined;
    if (running) return running;
    const state = this.tag(tag);
    const generation = state.generation;
    state.running++;
    const settle = () => {
      this.pending.delete(key);
      state.running--;
    };
    const work = compute().then(
      (sized) => {
        settle();
        if (sized !== null && state.generation === generation) this.keep(key, tag, sized);
        this.forgetIdle(tag, state);
        return sized === null ? null : sized.value;
      },
      (error: unknown) => {
        settle();
        this.forgetIdle(tag, state);
        throw error;
      },
    );
    this.pending.set(key, work);
    return work;
  }

  private keep(key: string, tag: string, sized: Sized<unknown>): void {
    const bytes = sized.bytes + key.length * 2 + OVERHEAD;
    // An entry bigger than a quarter of the cache would push out most of the others for one file.
    if (bytes > this.options.maxBytes / 4) return;
    this.remove(key);
    const ttl = tag === PLAN_LIST_TAG ? (this.options.planListTtlMs ?? Infinity) : Infinity;
    this.entries.set(key, { tag, value: sized.value, bytes, expiresAt: this.now() + ttl });
    this.bytes += bytes;
    this.tag(tag).keys.add(key);
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }
}
