import vader from "vader-sentiment";
import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { evalDataDir, loadVaderTweets } from "./data";
const tw = loadVaderTweets(evalDataDir());
const rows = tw.map((t) => { const a = sentiment(t.text).score; const b = vader.SentimentIntensityAnalyzer.polarity_scores(t.text).compound; return { t: t.text, m: t.mean / 4, a, b, gain: Math.abs(b - t.mean/4) - Math.abs(a - t.mean/4) }; });
rows.sort((x, y) => x.gain - y.gain);
for (const r of rows.slice(0, Number(process.argv[2] ?? 30))) console.log(r.m.toFixed(2), "me", r.a.toFixed(2), "vader", r.b.toFixed(2), r.t);
