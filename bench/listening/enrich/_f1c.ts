import vader from "vader-sentiment";
import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
import { classOf } from "./metrics";
const tw = loadVaderTweets(evalDataDir());
const lines: string[] = [];
tw.forEach((t) => { const g = classOf(t.mean / 4); const cs = sentiment(t.text).score; const vs = vader.SentimentIntensityAnalyzer.polarity_scores(t.text).compound; const c = classOf(cs), v = classOf(vs);
  if (c !== g && v === g && !(g !== 0 && c === 0)) lines.push(`${g} c=${cs.toFixed(2)} v=${vs.toFixed(2)} ${t.text.slice(0, 110)}`); });
console.log(lines.join("\n"));
