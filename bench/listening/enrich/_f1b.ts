import vader from "vader-sentiment";
import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
import { classOf } from "./metrics";
const tw = loadVaderTweets(evalDataDir());
let cw = 0, vw = 0; const lines: string[] = [];
tw.forEach((t) => { const g = classOf(t.mean / 4); const cs = sentiment(t.text).score; const vs = vader.SentimentIntensityAnalyzer.polarity_scores(t.text).compound; const c = classOf(cs), v = classOf(vs);
  if (c !== g && v === g) { cw++; if (g !== 0 && c === 0) lines.push(`${g} c=${cs.toFixed(2)} v=${vs.toFixed(2)} ${t.text.slice(0, 120)}`); } if (v !== g && c === g) vw++; });
console.log("chorus wrong/vader right", cw, "vader wrong/chorus right", vw); console.log(lines.join("\n"));
