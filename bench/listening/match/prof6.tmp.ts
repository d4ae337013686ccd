import { loadCorpus } from "./corpus";
import { buildVocabulary, generateQueries, termCostFrom } from "./generate";
import { parse } from "../../../shared/listening/query";
import { Matcher, requiredKeys } from "../../../shared/listening/match";
import { preparePost } from "../../../shared/listening/text";
const posts = loadCorpus()!;
const v = buildVocabulary(posts);
const cost = termCostFrom(v);
const m = new Matcher({ termCost: cost });
const qs = generateQueries(v, 10000, 42);
const asts = qs.map((q) => { const r = parse(q); if (!r.ok) throw 1; return r.ast; });
asts.forEach((a, i) => m.add(String(i), a));
const pps = posts.map(preparePost);
// which queries are candidates most often
const count = new Map<string, number>();
const mm = m as any;
for (const pp of pps) { for (const slot of mm.collect(pp)) { const id = mm.entries[slot].id; count.set(id, (count.get(id) ?? 0) + 1); } }
const top = [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
for (const [id, c] of top) console.log(c, qs[Number(id)], JSON.stringify(requiredKeys(asts[Number(id)]!.root, cost)?.keys.map(k=>k.value)));
let sum = 0; for (const c of count.values()) sum += c; console.log("total cand", sum / pps.length);
import { test } from "../../../shared/listening/match";
const per = new Map<string, number>(); const n = new Map<string, number>();
for (let round = 0; round < 3; round++) for (const pp of pps) { for (const slot of [...mm.collect(pp)]) { const e = mm.entries[slot]; const t0 = performance.now(); test(e.compiled, pp); const dt = performance.now() - t0; if (round === 2) { per.set(e.id, (per.get(e.id) ?? 0) + dt); n.set(e.id, (n.get(e.id) ?? 0) + 1); } } }
const rows = [...per.entries()].sort((a, b) => b[1] - a[1]);
let tot = 0; for (const [, t] of rows) tot += t; console.log("total ms", tot, "per post us", tot / pps.length * 1000);
for (const [id, t] of rows.slice(0, 20)) console.log((t).toFixed(2), "ms", n.get(id), qs[Number(id)]);
