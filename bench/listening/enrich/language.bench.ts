import { eld } from "eld/large";
import { franc } from "franc";
import { detect as tinyld } from "tinyld";
import { detectLanguage } from "../../../shared/listening/enrich/language/detect";
import { type LinguaSet, loadLingua } from "./data";
import { throughput } from "./metrics";

export interface LanguageFigures {
  /** Forced-choice accuracy per set. */
  accuracy: Record<LinguaSet, number>;
  postsPerSecond: Record<LinguaSet, number>;
}

export interface ChorusLanguageExtra {
  /** Share of texts Chorus marks "und" (undetermined). */
  undRate: Record<LinguaSet, number>;
  /** Accuracy over the texts Chorus does decide. */
  decidedAccuracy: Record<LinguaSet, number>;
  /** Share of texts where Chorus's forced choice equals eld/large's. */
  agreementWithEld: Record<LinguaSet, number>;
}

/** franc answers ISO 639-3; these are the codes of the lingua sets (others can only be wrong). */
const ISO3: Record<string, string> = {
  eng: "en",
  deu: "de",
  fra: "fr",
  spa: "es",
  ita: "it",
  nld: "nl",
  por: "pt",
};

export type LanguageDetector = (text: string) => string;

export function languagePeers(): Record<string, LanguageDetector> {
  return {
    chorus: (t) => detectLanguage(t).best,
    "eld (large)": (t) => eld.detect(t).language,
    // minLength 1: forced choice, as for the others (franc's default refuses texts under 10 chars).
    franc: (t) => {
      const code = franc(t, { minLength: 1 });
      return ISO3[code] ?? code;
    },
    tinyld: (t) => tinyld(t),
  };
}

export function runLanguageBench(
  dataDir: string,
  minMs: number,
): { peers: Record<string, LanguageFigures>; chorus: ChorusLanguageExtra } {
  const sets: LinguaSet[] = ["sentences", "word-pairs"];
  const data = Object.fromEntries(sets.map((s) => [s, loadLingua(dataDir, s)])) as Record<
    LinguaSet,
    ReturnType<typeof loadLingua>
  >;
  const peers: Record<string, LanguageFigures> = {};
  for (const [name, detect] of Object.entries(languagePeers())) {
    const f: LanguageFigures = {
      accuracy: { sentences: 0, "word-pairs": 0 },
      postsPerSecond: { sentences: 0, "word-pairs": 0 },
    };
    for (const set of sets) {
      const xs = data[set];
      let ok = 0;
      for (const x of xs) if (detect(x.text) === x.lang) ok++;
      f.accuracy[set] = ok / xs.length;
      f.postsPerSecond[set] = throughput(
        xs.map((x) => x.text),
        detect,
        minMs,
      );
    }
    peers[name] = f;
  }
  const chorus: ChorusLanguageExtra = {
    undRate: { sentences: 0, "word-pairs": 0 },
    decidedAccuracy: { sentences: 0, "word-pairs": 0 },
    agreementWithEld: { sentences: 0, "word-pairs": 0 },
  };
  for (const set of sets) {
    const xs = data[set];
    let und = 0;
    let decidedOk = 0;
    let agree = 0;
    for (const x of xs) {
      const r = detectLanguage(x.text);
      if (r.language === "und") und++;
      else if (r.language === x.lang) decidedOk++;
      if (r.best === eld.detect(x.text).language) agree++;
    }
    chorus.undRate[set] = und / xs.length;
    chorus.decidedAccuracy[set] = decidedOk / Math.max(1, xs.length - und);
    chorus.agreementWithEld[set] = agree / xs.length;
  }
  return { peers, chorus };
}
