import type { NormalisedPost } from "../types";

export const POST_COLLECTION = "app.bsky.feed.post";

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: { $type: string; uri?: string; tag?: string; did?: string }[];
}

export interface PostRecord {
  $type?: string;
  text: string;
  createdAt: string;
  langs?: string[];
  reply?: { parent?: { uri: string; cid?: string }; root?: { uri: string; cid?: string } };
  facets?: Facet[];
  /** Outline tags: hashtags attached to the post but not written in its text. */
  tags?: string[];
}

/** The Jetstream event envelope (commit, identity and account kinds). */
export interface JetstreamEvent {
  did: string;
  time_us: number;
  kind: string;
  commit?: {
    rev?: string;
    operation: string;
    collection: string;
    rkey: string;
    record?: PostRecord;
    cid?: string;
  };
}

export function isPostCreate(ev: JetstreamEvent): ev is JetstreamEvent & {
  commit: { rkey: string; record: PostRecord; collection: string; operation: string };
} {
  const c = ev.commit;
  return (
    ev.kind === "commit" &&
    !!c &&
    c.operation === "create" &&
    c.collection === POST_COLLECTION &&
    typeof c.rkey === "string" &&
    !!c.record &&
    typeof c.record.text === "string"
  );
}

/** Link display text is often shortened ("example.com/long-pa..."); this tells a shortening from a label. */
function isShortened(display: string, uri: string): boolean {
  const bare = display.replace(/(\.\.\.|…)$/, "").replace(/^https?:\/\//, "");
  const target = uri.replace(/^https?:\/\//, "");
  return bare.length > 0 && target.startsWith(bare);
}

/**
 * Facets address the text by UTF-8 byte offsets. Shortened link text is replaced by the full
 * URI, custom link labels keep their label and gain the URI, outline tags are appended: the
 * plain text then carries every link and tag a matcher may look for.
 */
export function applyFacets(text: string, facets: Facet[] | undefined, tags: string[] | undefined): string {
  let out = text;
  if (facets?.length) {
    const bytes = Buffer.from(text, "utf8");
    const links = facets
      .map((f) => ({ ...f.index, uri: f.features?.find((x) => x.$type?.endsWith("#link"))?.uri }))
      .filter(
        (f): f is { byteStart: number; byteEnd: number; uri: string } =>
          typeof f.uri === "string" &&
          Number.isInteger(f.byteStart) &&
          Number.isInteger(f.byteEnd) &&
          f.byteStart >= 0 &&
          f.byteEnd <= bytes.length &&
          f.byteStart < f.byteEnd,
      )
      .sort((a, b) => a.byteStart - b.byteStart);
    const parts: Buffer[] = [];
    let at = 0;
    for (const link of links) {
      if (link.byteStart < at) continue; // overlapping facets: keep the first
      const display = bytes.subarray(link.byteStart, link.byteEnd).toString("utf8");
      const replacement =
        display === link.uri
          ? display
          : isShortened(display, link.uri)
            ? link.uri
            : `${display} (${link.uri})`;
      parts.push(bytes.subarray(at, link.byteStart), Buffer.from(replacement, "utf8"));
      at = link.byteEnd;
    }
    parts.push(bytes.subarray(at));
    out = Buffer.concat(parts).toString("utf8");
  }
  const lower = out.toLowerCase();
  const extra = (tags ?? []).filter((t) => t && !lower.includes(`#${t.toLowerCase()}`)).map((t) => `#${t}`);
  return extra.length ? `${out} ${extra.join(" ")}` : out;
}

export function eventToPost(
  ev: JetstreamEvent & { commit: { rkey: string; record: PostRecord } },
): NormalisedPost {
  const { record, rkey } = ev.commit;
  const created = Date.parse(record.createdAt);
  // createdAt is client-written and can be garbage or far future; fall back to the relay's clock.
  const relayMs = Math.floor(ev.time_us / 1000);
  const createdAt =
    Number.isFinite(created) && created <= relayMs + 5 * 60_000 ? new Date(created) : new Date(relayMs);
  const post: NormalisedPost = {
    channel: "bluesky",
    externalId: `at://${ev.did}/${POST_COLLECTION}/${rkey}`,
    text: applyFacets(record.text, record.facets, record.tags),
    url: `https://bsky.app/profile/${ev.did}/post/${rkey}`,
    author: { handle: ev.did, url: `https://bsky.app/profile/${ev.did}` },
    createdAt: createdAt.toISOString(),
    raw: ev,
  };
  const lang = record.langs?.[0];
  if (typeof lang === "string" && lang) post.language = lang.split("-")[0]!.toLowerCase();
  if (record.reply?.parent?.uri) post.replyToExternalId = record.reply.parent.uri;
  if (record.reply?.root?.uri) post.threadExternalId = record.reply.root.uri;
  return post;
}

export function matchesKeywords(text: string, keywords: string[] | undefined): boolean {
  if (!keywords?.length) return true;
  const lower = text.toLocaleLowerCase();
  return keywords.some((k) => lower.includes(k.toLocaleLowerCase()));
}
