import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets, loadTweetEval } from "./data";
import { classOf, classReport, pearson, throughput } from "./metrics";
const dir = evalDataDir();
const tw = loadVaderTweets(dir);
const s = tw.map((t) => sentiment(t.text).score);
console.log("r", pearson(s, tw.map((t) => t.mean)));
console.log(classReport(tw.map((t) => classOf(t.mean / 4)), s.map((x) => classOf(x)), [-1, 0, 1]));
const te = loadTweetEval(dir);
const s2 = te.map((t) => classOf(sentiment(t.text).score) + 1);
console.log(classReport(te.map((t) => t.label), s2, [0, 1, 2]));
console.log("posts/s", throughput(tw.map(t=>t.text), (x) => sentiment(x).score));
if (process.argv[2]) { const errs = tw.map((t,i)=>({t:t.text,m:t.mean/4,s:s[i]!,d:Math.abs(t.mean/4-s[i]!)})).sort((a,b)=>b.d-a.d).slice(0,Number(process.argv[2])); for (const e of errs) console.log(e.m.toFixed(2), e.s.toFixed(2), e.t); }
