import { z } from "zod";
import { blueskyStreamingConnector } from "./bluesky";
import { demoStreamingConnector } from "./demo";
import { atomConnector, jsonFeedConnector, rssConnector } from "./feeds/connector";
import { mastodonPollingConnector, mastodonStreamingConnector } from "./mastodon";
import { redditPollingConnector } from "./reddit";
import type { PollingConnector, StreamingConnector } from "./types";

// biome-ignore lint/suspicious/noExplicitAny: each connector has its own settings and cursor types
export type AnyConnector = PollingConnector<any, any> | StreamingConnector<any, any>;

export interface SourceKind {
  /** The source kind users pick; posts carry the connector's channel (mastodon_search → mastodon). */
  kind: string;
  label: string;
  /** Passive kinds receive posts (webhook, import) rather than fetch them. */
  connector: AnyConnector | null;
  settings: z.ZodType;
  /** Settings keys never sent back to the browser. */
  secrets: string[];
}

const kinds = new Map<string, SourceKind>();

export function registerSourceKind(kind: SourceKind) {
  kinds.set(kind.kind, kind);
}

export function sourceKind(kind: string): SourceKind | undefined {
  return kinds.get(kind);
}

export function sourceKinds(): SourceKind[] {
  return [...kinds.values()];
}

const connectors: [string, string, AnyConnector, string[]][] = [
  ["rss", "RSS feed", rssConnector, []],
  ["atom", "Atom feed", atomConnector, []],
  ["jsonfeed", "JSON Feed", jsonFeedConnector, []],
  ["mastodon", "Mastodon streaming (hashtags, public timeline)", mastodonStreamingConnector, ["accessToken"]],
  ["mastodon_search", "Mastodon search (polling)", mastodonPollingConnector, ["accessToken"]],
  ["bluesky", "Bluesky firehose (Jetstream)", blueskyStreamingConnector, []],
  ["reddit", "Reddit search and subreddits", redditPollingConnector, ["accessToken"]],
  ["demo", "Demo market (simulated Halcyon Outdoor stream)", demoStreamingConnector, []],
];
for (const [kind, label, connector, secrets] of connectors) {
  registerSourceKind({ kind, label, connector, settings: connector.settings, secrets });
}

registerSourceKind({
  kind: "webhook",
  label: "Webhook (HMAC-signed JSON)",
  connector: null,
  settings: z.object({ description: z.string().max(500).optional() }),
  secrets: [],
});
