import type { NormalisedPost } from "../ingestion/connectors/types";

/** A post after enrichment and matching, ready to be stored for one organisation. */
export interface MentionInput {
  sourceId: string | null;
  post: NormalisedPost;
  language: string | null;
  sentiment: number;
  sentimentLabel: "positive" | "negative" | "neutral";
  intent: string;
  hashtags: string[];
  entities: Record<string, unknown>;
  /** Distinctive words of the post, for the "top terms" rollup. */
  terms: string[];
  matches: { topicId: string; spans: [number, number][] }[];
}

export interface StoredMention {
  id: number;
  input: MentionInput;
  createdAt: Date;
  duplicateOf: number | null;
}

export interface StoreResult {
  /** Newly stored mentions (a redelivered post is not among them). */
  stored: StoredMention[];
  /** Posts that were already stored (same organisation, channel and external id). */
  alreadyStored: number;
  /** Matches per topic among the newly stored mentions. */
  topicCounts: Map<string, number>;
}
