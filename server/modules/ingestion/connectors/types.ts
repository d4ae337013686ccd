import type { z } from "zod";

/**
 * The contract between a channel and the ingestion pipeline. A connector speaks one real
 * protocol and yields posts in this normalised shape; the pipeline dedupes, enriches, matches
 * and stores them. Connectors hold no database handle: their progress is the `cursor` they
 * return, which the runner persists so a restart resumes where it stopped.
 */
export type ChannelKind =
  | "rss"
  | "atom"
  | "jsonfeed"
  | "mastodon"
  | "bluesky"
  | "reddit"
  | "webhook"
  | "import"
  | "demo";

export interface NormalisedPost {
  channel: ChannelKind;
  /** Stable id within the channel (GUID, status id, at:// URI…): with the organisation, the dedupe key. */
  externalId: string;
  /** Plain text: HTML already reduced to text, entities decoded. */
  text: string;
  title?: string;
  url?: string;
  author?: { handle: string; name?: string; followers?: number; url?: string };
  /** ISO 639-1 when the source states it; enrichment detects it otherwise. */
  language?: string;
  /** ISO 3166-1 alpha-2 when known. */
  country?: string;
  /** ISO 8601. */
  createdAt: string;
  replyToExternalId?: string;
  threadExternalId?: string;
  engagement?: { likes?: number; shares?: number; replies?: number; views?: number };
  rating?: number;
  /** The source payload as received, kept for re-processing. */
  raw: unknown;
}

export interface ConnectorContext {
  /** Injected so tests and the SSRF guard can wrap it. */
  fetch: typeof fetch;
  signal: AbortSignal;
  now(): Date;
  log(level: "debug" | "info" | "warn" | "error", message: string, data?: Record<string, unknown>): void;
}

/** A source asked at intervals (feeds, search APIs). */
export interface PollingConnector<Settings, Cursor> {
  kind: ChannelKind;
  mode: "poll";
  settings: z.ZodType<Settings>;
  poll(settings: Settings, cursor: Cursor | null, ctx: ConnectorContext): Promise<PollResult<Cursor>>;
}

export interface PollResult<Cursor> {
  posts: NormalisedPost[];
  cursor: Cursor;
  /** When to ask again; connectors honour the source's rate-limit headers through this. */
  nextPollMs: number;
}

/** A source that pushes (streaming APIs, firehoses). Reconnects itself with backoff. */
export interface StreamingConnector<Settings, Cursor> {
  kind: ChannelKind;
  mode: "stream";
  settings: z.ZodType<Settings>;
  stream(settings: Settings, cursor: Cursor | null, ctx: ConnectorContext): AsyncIterable<StreamItem<Cursor>>;
}

export interface StreamItem<Cursor> {
  post: NormalisedPost;
  /** The position to resume after this post. */
  cursor: Cursor;
}

export class ConnectorError extends Error {
  constructor(
    message: string,
    /** retryable: network blips, 5xx, 429; fatal: bad settings, 401/403, unparseable source. */
    readonly kind: "retryable" | "fatal",
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}
