/**
 * Profiling harness:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/listening/match/profile.ts 10000 [ids|spans] [seconds] [dense|realistic]
 * Builds one matcher and replays the corpus for a few seconds.
 */
import { Matcher } from "../../../shared/listening/match/matcher";
import { parse } from "../../../shared/listening/query/parser";
import { loadCorpus } from "./corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "./generate";
import { injectMentions, realisticVocabulary } from "./realistic";

const size = Number(process.argv[2] ?? 10_000);
const mode = process.argv[3] ?? "ids";
const seconds = Number(process.argv[4] ?? 5);
const realistic = process.argv[5] === "realistic";
let posts = loadCorpus();
if (!posts) throw new Error("corpus not found");
const vocab = buildVocabulary(posts);
const tc = termCostFrom(vocab);
let queries: string[];
if (realistic) {
  const rw = realisticVocabulary(vocab, size, 42 + size);
  posts = injectMentions(posts, rw.brands, 0.02, 42).posts;
  queries = generateQueries(rw.vocabulary, size, 42, { keywordless: false });
} else {
  queries = generateQueries(vocab, size, 42);
}
const m = new Matcher({ termCost: realistic ? (n) => (vocab.df.has(n) ? tc(n) : 1e-5) : tc });
queries.forEach((q, i) => {
  const r = parse(q);
  if (r.ok) m.add(`q${i}`, r.ast);
});
const t0 = performance.now();
let n = 0;
let sink = 0;
while (performance.now() - t0 < seconds * 1000) {
  for (const p of posts) sink += mode === "spans" ? m.match(p).length : m.matchIds(p).length;
  n += posts.length;
}
console.log(`${size} topics ${mode}: ${Math.round((n / (performance.now() - t0)) * 1000)} posts/s (${sink})`);
