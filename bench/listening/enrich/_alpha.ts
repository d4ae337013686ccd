import { valenceSum } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
import { pearson } from "./metrics";
const tw = loadVaderTweets(evalDataDir());
const sums = tw.map((t) => valenceSum(t.text));
const m = tw.map((t) => t.mean);
for (const a of [5, 10, 15, 20, 30, 50, 100]) console.log(a, pearson(sums.map((x) => x / Math.sqrt(x * x + a)), m).toFixed(4));
console.log("raw", pearson(sums, m).toFixed(4), "tanh", pearson(sums.map((x) => Math.tanh(x / 4)), m).toFixed(4));
console.log("zero-sum count", sums.filter((x) => x === 0).length, "human mean of those abs", (tw.filter((_, i) => sums[i] === 0).reduce((a, t) => a + Math.abs(t.mean), 0) / sums.filter((x) => x === 0).length).toFixed(3));
