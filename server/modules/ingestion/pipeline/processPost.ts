import { domainOf, enrich } from "../../../../shared/listening/enrich";
import type { Post } from "../../../../shared/listening/types";
import type { OrganisationTopics } from "../../listening/topicIndex";
import type { MentionInput } from "../../mentions/types";
import type { NormalisedPost } from "../connectors/types";
import { keyTerms } from "./terms";

/**
 * Enriches a post (language, sentiment, intent, entities, terms) and matches it against the
 * organisation's topics. Pure and synchronous: it runs in worker threads or inline.
 */
export function processPost(
  post: NormalisedPost,
  sourceId: string | null,
  topics: OrganisationTopics | null,
): MentionInput {
  const e = enrich(post);
  const language = post.language ?? (e.language.language === "und" ? null : e.language.language);
  const listening: Post = {
    id: post.externalId,
    text: post.text,
    title: post.title,
    author: post.author?.handle,
    authorFollowers: post.author?.followers,
    url: post.url,
    links: e.entities.urls.map((u) => u.url),
    site: post.url ? domainOf(post.url) || undefined : undefined,
    language: language ?? undefined,
    country: post.country,
    channel: post.channel,
    sentiment: e.sentiment.label,
    rating: post.rating,
    createdAt: post.createdAt,
  };
  const matches = topics
    ? topics.match(listening).map((m) => ({
        topicId: m.topicId,
        spans: m.spans.filter((s) => s.field === "text").map((s) => [s.start, s.end] as [number, number]),
      }))
    : [];
  return {
    sourceId,
    post,
    language,
    sentiment: e.sentiment.score,
    sentimentLabel: e.sentiment.label,
    intent: e.intent.intent,
    hashtags: e.entities.hashtags.map((h) => `#${h}`),
    entities: {
      hashtags: e.entities.hashtags,
      mentions: e.entities.mentions,
      cashtags: e.entities.cashtags,
      urls: e.entities.urls,
      emoji: e.entities.emoji,
    },
    terms: keyTerms(post.title ? `${post.title} ${post.text}` : post.text),
    matches,
  };
}
