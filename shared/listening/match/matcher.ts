import type { Query } from "../query/ast";
import { evaluate, type Span } from "../query/evaluate";
import { type PreparedPost, preparePost } from "../text/prepare";
import type { Tokens } from "../text/tokenize";
import type { Post } from "../types";
import { type Compiled, compile, test } from "./compile";
import { defaultTermCost, type Key, requiredKeys, type TermCost } from "./presearch";
import { TermTable } from "./term-table";

export interface MatcherOptions {
  /**
   * Estimated fraction of posts containing a folded term. Corpus statistics make the
   * presearcher pick rarer keys; without them a length/stop-word heuristic is used.
   */
  termCost?: TermCost;
}

export interface TopicMatch {
  topicId: string;
  spans: Span[];
}

export interface MatcherStats {
  topics: number;
  /** Topics evaluated for every post because no required key could be extracted. */
  alwaysCandidates: number;
  /** Distinct folded terms known to the matcher. */
  terms: number;
  prefixKeys: number;
  fieldKeys: number;
}

interface Entry {
  id: string;
  slot: number;
  query: Query;
  compiled: Compiled;
  keys: Key[] | null;
  /** Terms acquired from the table (by the compiled query and by presearch keys). */
  norms: string[];
}

/**
 * Stems sharing their first three characters, grouped by stem. A token probes each stem
 * length present (a handful) instead of testing every stem: with 150k topics of invented
 * brand names one 3-character bucket can hold thousands of stems.
 */
interface StemBucket {
  byStem: Map<string, number[]>;
  /** lengthCount[L] = number of distinct stems of length L in the bucket. */
  lengthCount: number[];
  lengths: number[];
}

interface StemEntry {
  stem: string;
  slot: number;
}

/** Wildcard stems bucketed by their first three characters: one map lookup per post token. */
const BUCKET = 3;

/** Bucket key from the first three UTF-16 units; collisions are harmless (stems are re-checked). */
function bucketOf(s: string): number {
  return (s.charCodeAt(0) * 65599 + s.charCodeAt(1)) * 65599 + s.charCodeAt(2);
}

function addTo<K>(map: Map<K, number[]>, key: K, slot: number): void {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

function removeFrom<K>(map: Map<K, number[]>, key: K, slot: number): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(slot);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
  if (list.length === 0) map.delete(key);
}

/**
 * Matches posts against many topics at once. Each topic is indexed by the keys a post must
 * contain for it to match; a post looks up its own tokens, and only the topics found that
 * way (plus the few without any required key) are evaluated. Topics can be added, replaced
 * and removed at any time without rebuilding.
 */
export class Matcher {
  private readonly cost: TermCost;
  private readonly entries: (Entry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly table = new TermTable();
  private readonly prefixes: [Map<number, StemBucket>, Map<number, StemBucket>] = [new Map(), new Map()];
  /** Stems shorter than BUCKET after folding (rare: decomposed accents); checked for every token. */
  private readonly shortStems: [StemEntry[], StemEntry[]] = [[], []];
  /** Field keys split by field name: a post looks up its own values without building key strings. */
  private readonly fields = new Map<string, Map<string, number[]>>();
  private fieldKeyCount = 0;
  private readonly always: number[] = [];
  private seen = new Int32Array(1024);
  private epoch = 0;
  private readonly candidates: number[] = [];

  constructor(options: MatcherOptions = {}) {
    this.cost = options.termCost ?? defaultTermCost;
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds a topic, or replaces the topic with the same id. */
  add(id: string, query: Query): void {
    if (this.byId.has(id)) this.remove(id);
    const slot = this.freeSlots.pop() ?? this.entries.length;
    const required = requiredKeys(query.root, this.cost);
    const { compiled, norms } = compile(query.root, this.cost, this.table);
    const entry: Entry = { id, slot, query, compiled, keys: required?.keys ?? null, norms };
    this.entries[slot] = entry;
    this.byId.set(id, entry);
    if (slot >= this.seen.length) {
      const grown = new Int32Array(Math.max(this.seen.length * 2, slot + 1));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (!entry.keys) {
      this.always.push(slot);
      return;
    }
    for (const k of entry.keys) this.index(k, slot, true);
  }

  /**
   * Re-indexes every topic whose presearch keys include one the caller now knows to be hot
   * (frequent in the stream), so it picks a better key under the current cost model. Returns
   * how many topics moved. The cost function must already reflect the new statistics.
   */
  reindex(isHot: (key: Key) => boolean): number {
    const stale = [...this.byId.values()].filter((entry) => entry.keys?.some(isHot));
    for (const entry of stale) this.add(entry.id, entry.query);
    return stale.length;
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    if (entry.keys) {
      for (const k of entry.keys) this.index(k, entry.slot, false);
    } else {
      const i = this.always.indexOf(entry.slot);
      if (i >= 0) this.always.splice(i, 1);
    }
    for (const norm of entry.norms) this.table.release(norm);
    this.byId.delete(id);
    this.entries[entry.slot] = undefined;
    this.freeSlots.push(entry.slot);
    return true;
  }

  private index(k: Key, slot: number, add: boolean): void {
    if (k.kind === "term") {
      // Presearch keys hold their own reference, released by remove() through entry.norms.
      if (add) {
        const e = this.table.acquire(k.value);
        this.entries[slot]!.norms.push(k.value);
        e.slots[k.space].push(slot);
      } else {
        const e = this.table.ids.get(k.value);
        if (e) removeSlot(e.slots[k.space], slot);
      }
    } else if (k.kind === "field") {
      const sep = k.value.indexOf("\u0000");
      const name = k.value.slice(0, sep);
      const value = k.value.slice(sep + 1);
      let m = this.fields.get(name);
      if (!m) {
        m = new Map();
        this.fields.set(name, m);
      }
      const before = m.size;
      if (add) addTo(m, value, slot);
      else removeFrom(m, value, slot);
      this.fieldKeyCount += m.size - before;
    } else if (k.value.length < BUCKET) {
      const list = this.shortStems[k.space];
      if (add) list.push({ stem: k.value, slot });
      else removeFromStems(list, k.value, slot);
    } else {
      const bucketKey = bucketOf(k.value);
      const map = this.prefixes[k.space];
      let bucket = map.get(bucketKey);
      if (!bucket) {
        if (!add) return;
        bucket = { byStem: new Map(), lengthCount: [], lengths: [] };
        map.set(bucketKey, bucket);
      }
      const stem = k.value;
      const L = stem.length;
      const had = bucket.byStem.has(stem);
      if (add) addTo(bucket.byStem, stem, slot);
      else removeFrom(bucket.byStem, stem, slot);
      const has = bucket.byStem.has(stem);
      if (had !== has) {
        bucket.lengthCount[L] = (bucket.lengthCount[L] ?? 0) + (has ? 1 : -1);
        bucket.lengths = [];
        for (let n = 0; n < bucket.lengthCount.length; n++) if (bucket.lengthCount[n]) bucket.lengths.push(n);
      }
      if (bucket.byStem.size === 0) map.delete(bucketKey);
    }
  }

  private visit(slot: number): void {
    if (this.seen[slot] !== this.epoch) {
      this.seen[slot] = this.epoch;
      this.candidates.push(slot);
    }
  }

  private visitAll(list: number[] | undefined): void {
    if (!list) return;
    for (let i = 0; i < list.length; i++) this.visit(list[i]!);
  }

  /**
   * One pass over a field's tokens: one Map lookup per token records the positions of known
   * terms (for the tests) and visits the topics indexed under them; one numeric bucket lookup
   * per token finds wildcard stems. Walks backwards so position lists come out ascending.
   */
  private scan(tokens: Tokens, space: 0 | 1): void {
    const tt = this.table;
    if (tt.next[space].length < tokens.count) tt.next[space] = new Int32Array(tokens.count * 2);
    const stamp = tt.stamp[space];
    const head = tt.head[space];
    const next = tt.next[space];
    const epoch = tt.epoch;
    const ids = tt.ids;
    const norms = tokens.norm;
    const prefixes = this.prefixes[space];
    const withPrefixes = prefixes.size > 0;
    const short = this.shortStems[space];
    for (let i = tokens.count - 1; i >= 0; i--) {
      const norm = norms[i]!;
      const e = ids.get(norm);
      if (e !== undefined) {
        const id = e.id;
        if (stamp[id] !== epoch) {
          stamp[id] = epoch;
          head[id] = -1;
          this.visitAll(e.slots[space]);
        }
        next[i] = head[id]!;
        head[id] = i;
      }
      if (withPrefixes && norm.length >= BUCKET) {
        const bucket = prefixes.get(bucketOf(norm));
        if (bucket !== undefined) {
          const lengths = bucket.lengths;
          for (let j = 0; j < lengths.length; j++) {
            const L = lengths[j]!;
            if (L > norm.length) break;
            this.visitAll(bucket.byStem.get(L === norm.length ? norm : norm.slice(0, L)));
          }
        }
      }
      for (let j = 0; j < short.length; j++) if (norm.startsWith(short[j]!.stem)) this.visit(short[j]!.slot);
    }
  }

  /** Slots of the topics worth evaluating for this post. */
  private collect(pp: PreparedPost): number[] {
    this.candidates.length = 0;
    if (++this.epoch === 0x7fffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    this.table.begin();
    this.scan(pp.text, 0);
    if (pp.title) this.scan(pp.title, 1);
    if (this.fieldKeyCount > 0) {
      const f = this.fields;
      if (pp.language) this.visitAll(f.get("language")?.get(pp.language));
      if (pp.country) this.visitAll(f.get("country")?.get(pp.country));
      if (pp.channel) this.visitAll(f.get("channel")?.get(pp.channel));
      if (pp.sentiment) this.visitAll(f.get("sentiment")?.get(pp.sentiment));
      if (pp.author) this.visitAll(f.get("author")?.get(pp.author));
      // site:bbc.co.uk matches news.bbc.co.uk, so look up every parent domain.
      const sites = f.get("site");
      for (let host = pp.site; host && sites; ) {
        this.visitAll(sites.get(host));
        const dot = host.indexOf(".");
        host = dot < 0 ? null : host.slice(dot + 1);
      }
    }
    this.visitAll(this.always);
    return this.candidates;
  }

  /** Ids of the matching topics (no spans: the fast path). */
  matchIds(post: Post | PreparedPost): string[] {
    const pp =
      "text" in post && typeof post.text !== "string" ? (post as PreparedPost) : preparePost(post as Post);
    const out: string[] = [];
    for (const slot of this.collect(pp)) {
      const e = this.entries[slot]!;
      if (test(e.compiled, pp, this.table)) out.push(e.id);
    }
    return out;
  }

  /** Matching topics with highlight spans. */
  match(post: Post | PreparedPost): TopicMatch[] {
    const pp =
      "text" in post && typeof post.text !== "string" ? (post as PreparedPost) : preparePost(post as Post);
    const out: TopicMatch[] = [];
    for (const slot of this.collect(pp)) {
      const e = this.entries[slot]!;
      if (test(e.compiled, pp, this.table)) out.push({ topicId: e.id, spans: evaluate(e.query, pp).spans });
    }
    return out;
  }

  /** How many topics a post would be evaluated against (for tuning and tests). */
  candidateCount(post: Post | PreparedPost): number {
    const pp =
      "text" in post && typeof post.text !== "string" ? (post as PreparedPost) : preparePost(post as Post);
    return this.collect(pp).length;
  }

  stats(): MatcherStats {
    let prefixKeys = this.shortStems[0].length + this.shortStems[1].length;
    for (const m of this.prefixes)
      for (const b of m.values()) for (const l of b.byStem.values()) prefixKeys += l.length;
    return {
      topics: this.byId.size,
      alwaysCandidates: this.always.length,
      terms: this.table.ids.size,
      prefixKeys,
      fieldKeys: this.fieldKeyCount,
    };
  }
}

function removeSlot(list: number[], slot: number): void {
  const i = list.indexOf(slot);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}

function removeFromStems(list: StemEntry[], stem: string, slot: number): void {
  const i = list.findIndex((e) => e.stem === stem && e.slot === slot);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}
