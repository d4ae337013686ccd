import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Post } from "../../../shared/listening/types";

// The labelled data lives beside the checkout (../shared/data), never inside it.
export const DATA_ROOT =
  process.env.CHORUS_DATA ?? fileURLToPath(new URL("../../../../shared/data", import.meta.url));
export const VADER_TWEETS = `${DATA_ROOT}/sentiment/vader/tweets_GroundTruth.txt`;
export const TWEETEVAL_TEXT = `${DATA_ROOT}/sentiment/tweeteval/val_text.txt`;
export const TWEETEVAL_LABELS = `${DATA_ROOT}/sentiment/tweeteval/val_labels.txt`;

/** Seeded PRNG (mulberry32): the corpus decorations and the queries are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ["mastodon", "bluesky", "reddit", "rss", "webhook"];
const COUNTRIES = ["GB", "US", "FR", "DE", "IE", "CA"];

/**
 * Gives corpus texts the metadata real posts carry (author, channel, site, rating…) so that
 * field filters have something to match. Deterministic for a given seed.
 */
export function decorate(texts: Array<{ text: string; sentiment?: Post["sentiment"] }>, seed = 7): Post[] {
  const r = rng(seed);
  return texts.map((t, i) => {
    const channel = CHANNELS[Math.floor(r() * CHANNELS.length)]!;
    const post: Post = {
      id: `p${i}`,
      text: t.text,
      author: `user${Math.floor(r() * 400)}`,
      authorFollowers: Math.floor(r() ** 3 * 200_000),
      language: r() < 0.95 ? "en" : "fr",
      country: COUNTRIES[Math.floor(r() * COUNTRIES.length)]!,
      channel,
    };
    if (t.sentiment) post.sentiment = t.sentiment;
    if (channel === "rss" || channel === "reddit") {
      const host = channel === "rss" ? `news${Math.floor(r() * 20)}.example.com` : "reddit.com";
      post.site = host;
      post.url = `https://www.${host}/item/${i}`;
      post.links = [`https://shop${Math.floor(r() * 10)}.example.org/p/${i}`];
    }
    if (r() < 0.2) {
      const words = t.text.split(/\s+/).slice(0, 6).join(" ");
      post.title = words;
    }
    if (r() < 0.3) post.rating = 1 + Math.floor(r() * 5);
    return post;
  });
}

function lines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
}

export function corpusAvailable(): boolean {
  return existsSync(VADER_TWEETS);
}

/** VADER ground-truth tweets (id, mean, text; CRLF) decorated as posts, or null when absent. */
export function loadVader(limit = Number.POSITIVE_INFINITY): Post[] | null {
  if (!existsSync(VADER_TWEETS)) return null;
  const texts = lines(VADER_TWEETS)
    .slice(0, limit)
    .map((l) => {
      const [, mean, ...rest] = l.split("\t");
      const m = Number(mean);
      const sentiment: Post["sentiment"] = m > 0.5 ? "positive" : m < -0.5 ? "negative" : "neutral";
      return { text: rest.join("\t"), sentiment };
    });
  return decorate(texts, 7);
}

/** VADER tweets plus tweeteval validation tweets, or null when neither file exists. */
export function loadCorpus(): Post[] | null {
  const vader = loadVader();
  let tweeteval: Post[] = [];
  if (existsSync(TWEETEVAL_TEXT)) {
    const labels = existsSync(TWEETEVAL_LABELS) ? lines(TWEETEVAL_LABELS) : [];
    const names: Post["sentiment"][] = ["negative", "neutral", "positive"];
    tweeteval = decorate(
      lines(TWEETEVAL_TEXT).map((text, i) => ({ text, sentiment: names[Number(labels[i])] })),
      11,
    ).map((p) => ({ ...p, id: `t${p.id}` }));
  }
  if (!vader && tweeteval.length === 0) return null;
  return [...(vader ?? []), ...tweeteval];
}
