import { valenceSum } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
const tw = loadVaderTweets(evalDataDir());
const z = tw.filter((t) => valenceSum(t.text) === 0).sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean));
console.log(z.length); for (const t of z.slice(0, 45)) console.log(t.mean.toFixed(2), t.text.slice(0, 120));
