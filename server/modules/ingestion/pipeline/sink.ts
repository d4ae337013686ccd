import type { NormalisedPost } from "../connectors/types";

export interface IngestReceipt {
  /** Posts newly stored (embedded), or accepted by the stream (NATS: stored later by workers). */
  stored: number;
  alreadyStored: number;
}

/**
 * Where connectors hand posts over. Embedded: the local pipeline stores them before resolving.
 * Scaled out: JetStream holds them durably and `chorus worker` processes store them.
 */
export interface IngestSink {
  ingest(organisationId: string, sourceId: string | null, posts: NormalisedPost[]): Promise<IngestReceipt>;
  close(): Promise<void>;
}
