import { valenceSum } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
import { pearson } from "./metrics";
const tw = loadVaderTweets(evalDataDir());
const sums = tw.map((t) => valenceSum(t.text));
const m = tw.map((t) => t.mean);
for (const a of [4, 6, 8, 10, 15]) console.log(process.env.LP, a, pearson(sums.map((x) => x / Math.sqrt(x * x + a)), m).toFixed(4));
