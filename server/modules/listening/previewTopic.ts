import { evaluate, type Span } from "../../../shared/listening/query";
import { preparePost } from "../../../shared/listening/text";
import type { AppContext } from "../../context";
import { authorize, type PolicyActor } from "../../policies/policy";
import { checkQuery } from "./manageTopics";
import { postColumnsFor, postOfMention, selectMentionPosts } from "./mentionPost";

/** How many of the newest mentions a preview looks at, and how many hits it shows. */
export const PREVIEW_SCAN = 10_000;
export const PREVIEW_HITS = 20;
/** Hits carry at most this much text (and title); spans beyond it are dropped. */
export const PREVIEW_TEXT_CAP = 600;

export interface PreviewHit {
  id: string;
  channel: string;
  authorHandle: string | null;
  text: string;
  textTruncated: boolean;
  title: string | null;
  url: string | null;
  createdAt: string;
  sentimentLabel: "positive" | "negative" | "neutral" | null;
  language: string | null;
  spans: Span[];
}

export interface TopicPreview {
  scanned: number;
  matched: number;
  hits: PreviewHit[];
}

async function presentHits(
  ctx: Pick<AppContext, "db">,
  organisationId: string,
  found: { id: string; spans: Span[] }[],
): Promise<PreviewHit[]> {
  if (found.length === 0) return [];
  const rows = await ctx.db
    .selectFrom("mentions")
    .select([
      "id",
      "channel",
      "author_handle",
      "text",
      "title",
      "url",
      "created_at",
      "sentiment_label",
      "language",
    ])
    .where("organisation_id", "=", organisationId)
    .where(
      "id",
      "in",
      found.map((f) => Number(f.id)),
    )
    .execute();
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return found.flatMap(({ id, spans }) => {
    const row = byId.get(id);
    if (!row) return []; // deleted (retention) between the two reads
    const text = row.text.slice(0, PREVIEW_TEXT_CAP);
    return [
      {
        id,
        channel: row.channel,
        authorHandle: row.author_handle,
        text,
        textTruncated: text.length < row.text.length,
        title: row.title === null ? null : row.title.slice(0, PREVIEW_TEXT_CAP),
        url: row.url,
        createdAt: new Date(row.created_at).toISOString(),
        sentimentLabel: row.sentiment_label,
        language: row.language,
        spans: spans.filter((s) => s.end <= PREVIEW_TEXT_CAP),
      },
    ];
  });
}

/**
 * "This query would have matched N of the last 10,000 mentions": evaluates a query, saved or
 * not, over the organisation's newest stored mentions, built into posts exactly as the backfill
 * builds them. Previewing is part of writing a topic, so it needs the permission to create one
 * (it is also the heaviest read in the module: up to 10,000 posts tokenised per call).
 */
export async function previewTopic(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  query: string,
  options: { scan?: number; hits?: number } = {},
): Promise<TopicPreview> {
  authorize(actor, "create", "Topic");
  const { ast } = checkQuery(query); // 422 with positions, the same details as /validate
  const scan = options.scan ?? PREVIEW_SCAN;
  const maxHits = options.hits ?? PREVIEW_HITS;
  // One walk of mentions_org_created_idx, newest first, stopping at `scan` rows whatever the
  // table's size, reading only the columns the query looks at; the hits are fetched after.
  const rows = await selectMentionPosts(ctx.db, actor.organisationId, postColumnsFor(ast))
    .orderBy("mentions.created_at", "desc")
    .orderBy("mentions.id", "desc")
    .limit(scan)
    .execute();
  let matched = 0;
  const found: { id: string; spans: Span[] }[] = [];
  for (const row of rows) {
    const result = evaluate(ast, preparePost(postOfMention(row)));
    if (!result.matched) continue;
    matched++;
    if (found.length < maxHits) found.push({ id: String(row.id), spans: result.spans });
  }
  const hits = await presentHits(ctx, actor.organisationId, found);
  return { scanned: rows.length, matched, hits };
}
