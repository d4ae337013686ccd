import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
import { throughput } from "./metrics";
const tw = loadVaderTweets(evalDataDir()).map((t) => t.text);
for (let k = 0; k < 3; k++) console.log("posts/s", Math.round(throughput(tw, (x) => sentiment(x).score, 2000)));
