/**
 * A bounded async queue between connection loops (producers) and the connector's async
 * iterator (consumer). `push` waits while the queue is full, so a slow consumer stops the
 * producer from reading its socket and TCP flow control pushes back on the server instead of
 * memory growing without bound. Shared by the streaming connectors (see the report: candidate
 * for a connectors/shared folder).
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private readonly producers: (() => void)[] = [];
  private consumer: (() => void) | undefined;
  private failure: { error: unknown } | undefined;
  private closed = false;

  constructor(
    readonly capacity: number,
    /** Called whenever an item leaves the queue; lets event-driven producers resume a paused socket. */
    private readonly onTake?: (size: number) => void,
  ) {}

  get size(): number {
    return this.items.length;
  }

  get isClosed(): boolean {
    return this.closed || this.failure !== undefined;
  }

  /** Waits for room; resolves false if the queue was closed meanwhile (the producer should stop). */
  async push(item: T): Promise<boolean> {
    while (this.items.length >= this.capacity && !this.isClosed) {
      await new Promise<void>((resolve) => this.producers.push(resolve));
    }
    if (this.isClosed) return false;
    this.items.push(item);
    this.wakeConsumer();
    return true;
  }

  /** Adds without waiting, for event-emitter producers that apply backpressure themselves (pause). */
  offer(item: T): void {
    if (this.isClosed) return;
    this.items.push(item);
    this.wakeConsumer();
  }

  async take(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      if (this.items.length > 0) {
        const value = this.items.shift() as T;
        this.producers.shift()?.();
        this.onTake?.(this.items.length);
        return { value, done: false };
      }
      if (this.failure) throw this.failure.error;
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => {
        this.consumer = resolve;
      });
    }
  }

  /** Ends the stream with an error once the already queued items are consumed. */
  fail(error: unknown): void {
    if (this.isClosed) return;
    this.failure = { error };
    this.wakeAll();
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  private wakeConsumer(): void {
    const c = this.consumer;
    this.consumer = undefined;
    c?.();
  }

  private wakeAll(): void {
    this.wakeConsumer();
    for (const p of this.producers.splice(0)) p();
  }
}

/** Remembers the last `capacity` keys so overlap between a gap fill and the live stream is dropped early. */
export class RecentSet {
  private readonly keys = new Set<string>();
  constructor(private readonly capacity = 5_000) {}

  /** True if the key was new (and is now remembered). */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value as string;
      this.keys.delete(oldest);
    }
    return true;
  }
}
