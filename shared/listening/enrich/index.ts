/**
 * Enrichment of a post before matching: language, sentiment, intent and entities. Pure functions, no
 * I/O; the language table (about 3 MB) is decoded on first use.
 */
import type { Post } from "../types";
import { type Entities, extractEntities } from "./entities";
import { classifyIntent, type IntentResult } from "./intent/intent";
import { detectLanguage, type LanguageResult } from "./language/detect";
import { languageText, plainText } from "./plain";
import { type SentimentResult, sentiment } from "./sentiment/sentiment";

export { extractEmoji } from "./emoji";
export { domainOf, type Entities, extractEntities, type UrlEntity } from "./entities";
export { classifyIntent, INTENTS, type Intent, type IntentResult } from "./intent/intent";
export { detectLanguage, type LanguageResult } from "./language/detect";
export { languageText, plainText } from "./plain";
export { labelOf, type SentimentLabel, type SentimentResult, sentiment } from "./sentiment/sentiment";

export interface Enrichment {
  language: LanguageResult;
  sentiment: SentimentResult;
  intent: IntentResult;
  entities: Entities;
}

/** Title and body as one text: a review's title often carries its verdict. */
export function postText(post: Pick<Post, "title" | "text">): string {
  return post.title ? `${post.title}\n${post.text}` : post.text;
}

export function enrich(post: Pick<Post, "title" | "text">): Enrichment {
  const raw = postText(post);
  const plain = plainText(raw);
  const s = sentiment(plain);
  return {
    language: detectLanguage(languageText(plain)),
    sentiment: s,
    intent: classifyIntent(plain, s.score),
    entities: extractEntities(raw),
  };
}

/**
 * The post with `language` and `sentiment` filled in, so field filters (`language:de`) can apply.
 * Values a connector already set are kept; an undetermined language stays unset.
 */
export function withEnrichment<T extends Post>(
  post: T,
  e: Enrichment = enrich(post),
): T & Pick<Post, "language" | "sentiment"> {
  const language = post.language ?? (e.language.language === "und" ? undefined : e.language.language);
  return { ...post, language, sentiment: post.sentiment ?? e.sentiment.label };
}
