import { loadCorpus } from "./bench/listening/match/corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "./bench/listening/match/generate";
import { Matcher } from "./shared/listening/match";
import { evaluate, parse } from "./shared/listening/query";
import { preparePost } from "./shared/listening/text";

const posts = loadCorpus()!;
console.log(posts.length);
const v = buildVocabulary(posts);
console.log(
  v.brand.length,
  v.context.length,
  v.bigrams.length,
  v.hashtags.length,
  v.mentions.length,
  v.cased.length,
);
const qs = generateQueries(v, 2000, 1);
let bad = 0;
const asts = [];
for (const q of qs) {
  const r = parse(q);
  if (!r.ok) {
    bad++;
    if (bad < 5) console.log(q, r.errors);
  } else asts.push(r.ast);
}
console.log("bad", bad, qs.slice(0, 12));
const m = new Matcher({ termCost: termCostFrom(v) });
asts.forEach((a, i) => m.add(String(i), a));
console.log(m.stats());
const sample = posts.slice(0, 600).map(preparePost);
let mism = 0,
  total = 0;
for (const pp of sample) {
  const got = new Set(m.matchIds(pp));
  for (let i = 0; i < asts.length; i++) {
    const exp = evaluate(asts[i]!, pp).matched;
    if (exp) total++;
    if (exp !== got.has(String(i))) {
      mism++;
      if (mism < 5) console.log("MISMATCH", qs[i], pp.post.text, exp);
    }
  }
}
console.log("mismatch", mism, "matches", total);
