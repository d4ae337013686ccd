import { loadCorpus } from "../../../bench/listening/match/corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "../../../bench/listening/match/generate";
import { parse } from "../../../shared/listening/query";
import { Matcher } from "../../../shared/listening/match";
const posts = loadCorpus()!;
const v = buildVocabulary(posts);
const m = new Matcher({ termCost: termCostFrom(v) });
generateQueries(v, 10000, 42).forEach((q, i) => { const r = parse(q); if (r.ok) m.add(String(i), r.ast); });
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 4000) { for (const p of posts) m.matchIds(p); n += posts.length; }
console.log(n / (performance.now() - t0) * 1000);
