import type { Database } from "../../server/db/database";
import type { NormalisedPost } from "../../server/modules/ingestion/connectors/types";
import { processPost } from "../../server/modules/ingestion/pipeline/processPost";
import type { TopicIndex } from "../../server/modules/listening/topicIndex";
import { contentKey } from "../../server/modules/mentions/contentKey";

/**
 * The peer: what a straightforward implementation does — enrich and match a post, then one
 * transaction with one INSERT per row (mention, each match, each rollup upsert).
 */
export async function naiveIngest(
  db: Database,
  organisationId: string,
  index: TopicIndex,
  posts: NormalisedPost[],
) {
  const topics = index.forOrganisation(organisationId);
  for (const post of posts) {
    const m = processPost(post, null, topics);
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("mentions")
        .values({
          organisation_id: organisationId,
          source_id: null,
          channel: post.channel,
          external_id: post.externalId,
          author_id: null,
          author_handle: post.author?.handle ?? null,
          text: post.text,
          title: null,
          url: post.url ?? null,
          language: m.language,
          country: post.country ?? null,
          sentiment: m.sentiment,
          sentiment_label: m.sentimentLabel,
          intent: m.intent,
          hashtags: m.hashtags,
          entities: JSON.stringify(m.entities),
          rating: null,
          reply_to_external_id: null,
          thread_external_id: null,
          content_key: contentKey(post.text),
          near_duplicate_of: null,
          created_at: new Date(post.createdAt),
        })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!row) return;
      const hour = new Date(post.createdAt);
      hour.setUTCMinutes(0, 0, 0);
      for (const match of m.matches) {
        await trx
          .insertInto("mention_topics")
          .values({
            topic_id: match.topicId,
            mention_id: row.id,
            organisation_id: organisationId,
            created_at: new Date(post.createdAt),
            spans: "[]",
          })
          .execute();
        await trx
          .insertInto("topic_hourly")
          .values({
            topic_id: match.topicId,
            organisation_id: organisationId,
            hour,
            volume: 1,
            duplicates: 0,
            sentiment_sum: m.sentiment,
            positive: m.sentimentLabel === "positive" ? 1 : 0,
            negative: m.sentimentLabel === "negative" ? 1 : 0,
            neutral: m.sentimentLabel === "neutral" ? 1 : 0,
          })
          .onConflict((oc) =>
            oc.columns(["topic_id", "hour"]).doUpdateSet((eb) => ({
              volume: eb("topic_hourly.volume", "+", 1),
              sentiment_sum: eb("topic_hourly.sentiment_sum", "+", m.sentiment),
              positive: eb("topic_hourly.positive", "+", m.sentimentLabel === "positive" ? 1 : 0),
              negative: eb("topic_hourly.negative", "+", m.sentimentLabel === "negative" ? 1 : 0),
              neutral: eb("topic_hourly.neutral", "+", m.sentimentLabel === "neutral" ? 1 : 0),
            })),
          )
          .execute();
      }
    });
  }
}
