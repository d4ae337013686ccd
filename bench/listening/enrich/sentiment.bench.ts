import Sentiment from "sentiment";
import vader from "vader-sentiment";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { sentiment } from "../../../shared/listening/enrich/sentiment/sentiment";
import { loadTweetEval, loadVaderTweets } from "./data";
import { classOf, classReport, pearson, throughput } from "./metrics";

export interface SentimentFigures {
  /** Pearson r with the human mean, VADER tweets (4,200). */
  vaderR: number;
  /** 3-class F1, support-weighted (as in the VADER paper's tables), VADER tweets. */
  vaderF1: number;
  vaderMacroF1: number;
  /** Macro recall over neg/neu/pos, TweetEval validation (2,000). */
  tweetevalMacroRecall: number;
  postsPerSecond: number;
}

export type SentimentScorer = (text: string) => number;

/** VADER's own squashing, used to put unbounded peer scores (AFINN sums) on [-1, 1]. */
const squash = (x: number) => x / Math.sqrt(x * x + 15);

export function sentimentPeers(): Record<string, SentimentScorer> {
  const afinn = new Sentiment();
  const nlp = winkNLP(model);
  const its = nlp.its;
  return {
    chorus: (t) => sentiment(t).score,
    "vader-sentiment": (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound,
    "sentiment (AFINN)": (t) => squash(afinn.analyze(t).score),
    "wink-nlp": (t) => nlp.readDoc(t).out(its.sentiment) as unknown as number,
  };
}

export function runSentimentBench(dataDir: string, minMs: number): Record<string, SentimentFigures> {
  const tweets = loadVaderTweets(dataDir);
  const te = loadTweetEval(dataDir);
  const goldTweets = tweets.map((t) => classOf(t.mean / 4));
  const means = tweets.map((t) => t.mean);
  const goldTe = te.map((t) => t.label - 1);
  const texts = tweets.map((t) => t.text);
  const out: Record<string, SentimentFigures> = {};
  for (const [name, score] of Object.entries(sentimentPeers())) {
    const s = texts.map(score);
    const rep = classReport(
      goldTweets,
      s.map((x) => classOf(x)),
      [-1, 0, 1],
    );
    const teRep = classReport(
      goldTe,
      te.map((t) => classOf(score(t.text))),
      [-1, 0, 1],
    );
    out[name] = {
      vaderR: pearson(s, means),
      vaderF1: rep.weightedF1,
      vaderMacroF1: rep.macroF1,
      tweetevalMacroRecall: teRep.macroRecall,
      postsPerSecond: throughput(texts, score, minMs),
    };
  }
  return out;
}
