import pg from 'pg';

/** What one subscriber hears on a channel. */
export interface NotificationHandlers {
  /** A NOTIFY's payload, delivered after the transaction that sent it committed. */
  readonly message: (payload: string) => void;
  /**
   * The connection was (re)established: anything sent while it was down is lost, so whatever the
   * subscriber derived from earlier messages may be stale. Called after every connect, the first included.
   */
  readonly connected: () => void;
}

export interface NotificationHubOptions {
  /** The first wait before reconnecting; doubled after each failed attempt, up to maxDelayMs. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Reports a lost or refused connection; the hub keeps trying. */
  readonly log?: (message: string) => void;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * One dedicated PostgreSQL connection per process for LISTEN: a pooled connection cannot listen, since
 * the pool hands it to other queries and may close it. It is opened on the first subscription, and when
 * it fails or the server ends it, it is opened again after a wait that doubles up to a bound, for as long
 * as the hub is open; each new connection listens to every channel again and tells every subscriber.
 */
export class NotificationHub {
  private client: pg.Client | null = null;
  /** The channels the current connection listens to. */
  private listened = new Set<string>();
  private readonly subscribers = new Map<string, Set<NotificationHandlers>>();
  private closed = false;
  private connecting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly url: string,
    options: NotificationHubOptions = {},
  ) {
    this.minDelayMs = options.minDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.delayMs = this.minDelayMs;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** Whether the LISTEN connection is up now (for tests and health checks). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Starts hearing the channel; resolves once the connection listens (or has failed and will retry). */
  async subscribe(channel: string, handlers: NotificationHandlers): Promise<() => void> {
    let set = this.subscribers.get(channel);
    if (!set) {
      set = new Set();
      this.subscribers.set(channel, set);
    }
    set.add(handlers);
    const existing = this.client;
    if (existing) {
      // A failure here is the connection's: its error handler reconnects and listens to every channel again.
      await this.listenOn(existing, channel).catch(() => undefined);
      handlers.connected();
    } else {
      // The connection being opened listens to every channel and tells every subscriber, this one included.
      await this.connect();
    }
    return () => {
      set.delete(handlers);
    };
  }

  /** Ends the connection and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url });
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.log(`store: the notification connection was lost (${why}); reconnecting`);
      this.retry();
    };
    client.on('error', (error: Error & { code?: string }) => onLost(error.code ?? error.message));
    client.on('end', () => onLost('ended'));
    client.on('notification', (note) => {
      for (const handlers of this.subscribers.get(note.channel) ?? []) handlers.message(note.payload ?? '');
    });
    try {
      await client.connect();
      this.listened = new Set();
      for (const channel of this.subscribers.keys()) await this.listenOn(client, channel);
    } catch (error) {
      onLost((error as Error & { code?: string }).code ?? (error as Error).message);
      return;
    }
    if (this.closed || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = this.minDelayMs;
    for (const set of this.subscribers.values()) for (const handlers of set) handlers.connected();
  }

  private async listenOn(client: pg.Client, channel: string): Promise<void> {
    if (this.listened.has(channel)) return;
    await client.query(`listen ${quoteIdent(channel)}`);
    this.listened.add(channel);
  }

  private retry(): void {
    if (this.closed || this.timer) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.maxDelayMs, this.delayMs * 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    // A process that is otherwise done does not stay alive only to reconnect.
    this.timer.unref();
  }
}
