/**
 * The whole enrichment step as ingestion runs it, single core: tokenise, language, sentiment,
 * intent, entities, key terms, and matching against 10k realistic-selectivity topics (with the
 * matcher's stream statistics on). Corpus: the VADER tweets and tweeteval posts, 2% of them
 * carrying an injected brand mention (see bench/listening/match/realistic.ts).
 */
import type { NormalisedPost } from "../../server/modules/ingestion/connectors/types";
import { processPost } from "../../server/modules/ingestion/pipeline/processPost";
import { TopicIndex } from "../../server/modules/listening/topicIndex";
import { loadCorpus } from "./match/corpus";
import { buildVocabulary, generateQueries } from "./match/generate";
import { injectMentions, realisticVocabulary } from "./match/realistic";

export interface StepBenchResult {
  posts: number;
  topics: number;
  enrichOnlyPostsPerSecond: number;
  wholeStepPostsPerSecond: number;
  matchesPerPost: number;
}

export function runStepBench(topics = 10_000, minMs = 3_000): StepBenchResult | null {
  const corpus = loadCorpus();
  if (!corpus) return null;
  const realistic = realisticVocabulary(buildVocabulary(corpus), topics);
  const { posts } = injectMentions(corpus, realistic.brands);
  const normalised: NormalisedPost[] = posts.map((p) => ({
    channel: "import",
    externalId: p.id,
    text: p.text,
    createdAt: "2026-11-01T00:00:00Z",
    author: p.author ? { handle: p.author, followers: p.authorFollowers } : undefined,
    raw: null,
  }));
  const index = new TopicIndex();
  index.setTopics(
    "org",
    generateQueries(realistic.vocabulary, topics, 42, { keywordless: false }).map((query, i) => ({
      id: String(i),
      query,
    })),
  );
  const organisation = index.forOrganisation("org");

  const measure = (withTopics: boolean) => {
    let done = 0;
    let matches = 0;
    const start = performance.now();
    // Several passes: the first warms the JIT and lets the matcher learn the stream.
    while (performance.now() - start < minMs || done < normalised.length * 2) {
      for (const post of normalised)
        matches += processPost(post, null, withTopics ? organisation : null).matches.length;
      done += normalised.length;
    }
    return { perSecond: done / ((performance.now() - start) / 1000), matchesPerPost: matches / done };
  };
  const enrichOnly = measure(false);
  const whole = measure(true);
  return {
    posts: normalised.length,
    topics,
    enrichOnlyPostsPerSecond: enrichOnly.perSecond,
    wholeStepPostsPerSecond: whole.perSecond,
    matchesPerPost: whole.matchesPerPost,
  };
}
