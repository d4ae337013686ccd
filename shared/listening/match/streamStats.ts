import type { PreparedPost } from "../text/prepare";
import { defaultTermCost, type Key, type TermCost } from "./presearch";

const WARMUP_POSTS = 500;
const MAX_TERMS = 300_000;
/** A term in more than this share of posts makes a poor presearch key. */
const HOT_SHARE = 0.002;

/**
 * Document frequencies learned from the posts a matcher actually sees. Lucene Monitor picks
 * presearch terms with corpus statistics; a listening stream is its own corpus, and its common
 * words ("tent", "review" for an outdoor brand) are not the ones a length heuristic guesses.
 * Until enough posts were seen, the default heuristic stands in.
 */
export class StreamStats {
  private readonly df = new Map<string, number>();
  private posts = 0;
  private readonly seenInPost = new Set<string>();
  private hot = new Set<string>();
  private nextReview = WARMUP_POSTS;

  readonly cost: TermCost = (norm) => {
    if (this.posts < WARMUP_POSTS) return defaultTermCost(norm);
    return ((this.df.get(norm) ?? 0) + 0.5) / (this.posts + 1);
  };

  observe(pp: PreparedPost): void {
    this.posts++;
    const tokens = pp.text;
    this.seenInPost.clear();
    for (let i = 0; i < tokens.count; i++) {
      const norm = tokens.norm[i]!;
      if (this.seenInPost.has(norm)) continue;
      this.seenInPost.add(norm);
      this.df.set(norm, (this.df.get(norm) ?? 0) + 1);
    }
    if (this.df.size > MAX_TERMS) this.prune();
  }

  /**
   * At growing intervals (500, 2.5k, 12.5k, 62.5k posts, then every 250k) returns the terms that became
   * hot since the last review, for `Matcher.reindex`; null when it is not time yet.
   */
  review(): ((key: Key) => boolean) | null {
    if (this.posts < this.nextReview) return null;
    this.nextReview = this.nextReview < 60_000 ? this.nextReview * 5 : this.nextReview + 250_000;
    const threshold = this.posts * HOT_SHARE;
    const fresh = new Set<string>();
    for (const [term, count] of this.df) if (count > threshold && !this.hot.has(term)) fresh.add(term);
    for (const term of fresh) this.hot.add(term);
    if (fresh.size === 0) return null;
    return (key) => key.kind === "term" && fresh.has(key.value);
  }

  get postsSeen(): number {
    return this.posts;
  }

  /** Singletons are the long tail: dropping them keeps memory flat and costs stay "rare". */
  private prune() {
    for (const [term, count] of this.df) if (count <= 1) this.df.delete(term);
  }
}
