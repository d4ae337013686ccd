import type { Database } from "../../../db/database";
import { csvLine } from "./csv";
import { resolveRange } from "./filters";
import { type MentionSearch, searchMentions } from "./searchMentions";

const COLUMNS = [
  "id",
  "created_at",
  "channel",
  "author",
  "followers",
  "title",
  "text",
  "url",
  "language",
  "country",
  "sentiment",
  "sentiment_label",
  "intent",
  "hashtags",
  "likes",
  "shares",
  "replies",
  "views",
  "topic_ids",
  "tags",
];
const PAGE = 100;

/**
 * The mentions a search finds, as CSV lines (a BOM and the header first), page by page so memory
 * stays flat however many rows go out. The window is fixed once: without it a long export's
 * window would slide page by page.
 */
export async function exportMentions(
  db: Database,
  organisationId: string,
  search: Omit<MentionSearch, "cursor" | "limit">,
  max: number,
): Promise<AsyncGenerator<string>> {
  const range = await resolveRange(db, organisationId, search);
  const fixed = { ...search, from: range.from.toISOString(), to: range.to.toISOString() };
  return (async function* () {
    yield `\uFEFF${csvLine(COLUMNS)}`;
    let cursor: string | undefined;
    let sent = 0;
    while (sent < max) {
      const batch = await searchMentions(db, organisationId, {
        ...fixed,
        cursor,
        limit: Math.min(PAGE, max - sent),
      });
      for (const m of batch.data) {
        yield csvLine([
          m.id,
          m.createdAt,
          m.channel,
          m.author.handle,
          m.author.followers,
          m.title,
          m.text,
          m.url,
          m.language,
          m.country,
          m.sentiment,
          m.sentimentLabel,
          m.intent,
          m.hashtags,
          m.engagement.likes,
          m.engagement.shares,
          m.engagement.replies,
          m.engagement.views,
          m.topicIds,
          m.tags,
        ]);
      }
      sent += batch.data.length;
      if (!batch.nextCursor) break;
      cursor = batch.nextCursor;
    }
  })();
}
