import vader from "vader-sentiment";
import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
import { classOf } from "./metrics";
const tw = loadVaderTweets(evalDataDir());
const gold = tw.map((t) => classOf(t.mean / 4));
for (const [name, f] of [["chorus", (t: string) => sentiment(t).score], ["vader", (t: string) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound]] as const) {
  const m: Record<string, number> = {};
  tw.forEach((t, i) => { const k = `${gold[i]}>${classOf(f(t.text))}`; m[k] = (m[k] ?? 0) + 1; });
  console.log(name, JSON.stringify(m));
}
tw.forEach((t, i) => { const c = classOf(sentiment(t.text).score); const v = classOf(vader.SentimentIntensityAnalyzer.polarity_scores(t.text).compound); if (c !== gold[i] && v === gold[i] && c * gold[i]! === -1) console.log(gold[i], c, sentiment(t.text).score.toFixed(2), t.text.slice(0, 150)); });
